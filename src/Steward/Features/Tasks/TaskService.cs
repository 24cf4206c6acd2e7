using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Tasks;

public sealed class TaskInput
{
    [Range(1, int.MaxValue, ErrorMessage = "Choose the account the task is for.")]
    public int AccountId { get; set; }

    [Required(ErrorMessage = "Title is required.")]
    [StringLength(300, ErrorMessage = "Title can be at most 300 characters.")]
    public string Title { get; set; } = "";

    [StringLength(10_000, ErrorMessage = "Description can be at most 10,000 characters.")]
    public string? Description { get; set; }

    /// <summary>Who does it. Empty means the person creating it.</summary>
    public string? AssigneeId { get; set; }

    public DateOnly? DueDate { get; set; }

    public TaskPriority Priority { get; set; } = TaskPriority.Normal;

    public int? ContactId { get; set; }

    [StringLength(40)]
    public string? SourceKind { get; set; }

    [StringLength(100)]
    public string? SourceId { get; set; }
}

public sealed record TaskDto(
    int Id, int AccountId, string AccountName, int? ContactId, string Title, string? Description,
    string AssigneeId, string AssigneeName, DateOnly? DueDate, TaskPriority Priority, TaskState State,
    DateTime? CompletedAt, string? SourceKind, string? SourceId, long Version, DateTime CreatedAt) : IVersioned;

/// <summary>
/// Creates and completes tasks. The shared entry point for every feature that turns something into
/// a task (a meeting's follow-up, a relationship gap, a plan action, a case); the Engagement
/// feature builds the task lists, My day and the calendar on top.
/// </summary>
public sealed class TaskService(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, TimeProvider clock)
{
    public async Task<TaskDto> CreateAsync(TaskInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        input.Title = input.Title?.Trim() ?? "";
        input.AssigneeId = InputValidation.Clean(input.AssigneeId) ?? viewer.UserId;
        var errors = InputValidation.Annotations(input);
        if (input.AccountId > 0 && !await db.Accounts.AnyAsync(a => a.Id == input.AccountId, ct))
        {
            errors.Add(nameof(TaskInput.AccountId), $"Account {input.AccountId} does not exist.");
        }
        if (input.AssigneeId is null || !await db.Users.AnyAsync(u => u.Id == input.AssigneeId && u.IsActive, ct))
        {
            errors.Add(nameof(TaskInput.AssigneeId), "Choose an active colleague to do the task.");
        }
        if (input.ContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.AccountId == input.AccountId, ct))
        {
            errors.Add(nameof(TaskInput.ContactId), "The contact must be one of the account's contacts.");
        }
        errors.ThrowIfAny();

        var task = new TaskItem
        {
            AccountId = input.AccountId,
            ContactId = input.ContactId,
            Title = input.Title,
            Description = InputValidation.Clean(input.Description),
            AssigneeId = input.AssigneeId!,
            DueDate = input.DueDate,
            Priority = input.Priority,
            CreatedById = viewer.UserId,
            SourceKind = input.SourceKind,
            SourceId = input.SourceId,
        };
        db.Add(task);
        await db.SaveChangesAsync(ct);
        return await GetAsync(task.Id, ct);
    }

    public async Task<TaskDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<TaskItem>().AsNoTracking().Where(t => t.Id == id).Select(ToDto).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Task", id);
    }

    /// <summary>Open tasks of an account, soonest due first; optionally only those created by one source.</summary>
    public async Task<IReadOnlyList<TaskDto>> OpenForAccountAsync(int accountId, string? sourceKind = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tasks = db.Set<TaskItem>().AsNoTracking().Where(t => t.AccountId == accountId && t.State == TaskState.Open);
        if (sourceKind is not null) tasks = tasks.Where(t => t.SourceKind == sourceKind);
        return await tasks.OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.Id).Select(ToDto).ToListAsync(ct);
    }

    public async Task<TaskDto> CompleteAsync(int id, long? expectedVersion = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await db.Set<TaskItem>().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("Task", id);
        if (expectedVersion is { } v && task.Version != v) throw new PreconditionFailedException("The task changed since you read it; reload it.");
        if (task.State == TaskState.Open)
        {
            task.State = TaskState.Done;
            task.CompletedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return await GetAsync(id, ct);
    }

    internal static readonly System.Linq.Expressions.Expression<Func<TaskItem, TaskDto>> ToDto = t => new TaskDto(
        t.Id, t.AccountId, t.Account!.Name, t.ContactId, t.Title, t.Description, t.AssigneeId, t.Assignee!.DisplayName,
        t.DueDate, t.Priority, t.State, t.CompletedAt, t.SourceKind, t.SourceId, t.Version, t.CreatedAt);
}
