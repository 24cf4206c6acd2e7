using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Notifications;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Tasks;

/// <summary>
/// Tasks: the shared entry point for every feature that turns something into a task (a meeting's
/// follow-up, a relationship gap, a plan action, a case), and the task lists of people and
/// accounts. Anyone who can see the account can work on its tasks.
/// </summary>
public sealed class TaskService(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, NotificationService notifications, TimeProvider clock)
{
    public async Task<TaskDto> CreateAsync(TaskInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateAsync(db, input, ct);
        var task = new TaskItem { CreatedById = viewer.UserId, SourceKind = InputValidation.Clean(input.SourceKind), SourceId = InputValidation.Clean(input.SourceId) };
        Apply(input, task);
        db.Add(task);
        NotifyAssignee(db, task);
        await db.SaveChangesAsync(ct);
        return await ReadAsync(db, task.Id, ct);
    }

    /// <summary>Changes title, description, assignee, due date, priority or contact (not the account or source).</summary>
    public async Task<TaskDto> UpdateAsync(int id, TaskInput input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await LoadForChangeAsync(db, id, expectedVersion, ct);
        if (input.AccountId != task.AccountId)
        {
            throw new InvalidInputException(nameof(TaskInput.AccountId), "A task cannot move to another account; create it there instead.");
        }
        await ValidateAsync(db, input, ct);
        var assigneeBefore = task.AssigneeId;
        Apply(input, task);
        if (task.AssigneeId != assigneeBefore) NotifyAssignee(db, task);
        await SaveAsync(db, ct);
        return await ReadAsync(db, id, ct);
    }

    public async Task<TaskDto> ReassignAsync(int id, string? assigneeId, long? expectedVersion = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await LoadForChangeAsync(db, id, expectedVersion, ct);
        assigneeId = InputValidation.Clean(assigneeId);
        var errors = new InputErrors();
        await CheckAssigneeAsync(db, assigneeId, task.AccountId, errors, ct);
        errors.ThrowIfAny();
        if (task.AssigneeId != assigneeId)
        {
            task.AssigneeId = assigneeId!;
            NotifyAssignee(db, task);
            await SaveAsync(db, ct);
        }
        return await ReadAsync(db, id, ct);
    }

    /// <summary>Moves an open task's due date to a later day: "not today".</summary>
    public async Task<TaskDto> SnoozeAsync(int id, DateOnly until, long? expectedVersion = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await LoadForChangeAsync(db, id, expectedVersion, ct);
        if (task.State != TaskState.Open) throw new InvalidInputException("State", "Only open tasks can be snoozed.");
        if (until <= Today()) throw new InvalidInputException("Until", "Snooze until a day after today.");
        task.DueDate = until;
        await SaveAsync(db, ct);
        return await ReadAsync(db, id, ct);
    }

    public Task<TaskDto> CompleteAsync(int id, long? expectedVersion = null, CancellationToken ct = default) =>
        ChangeStateAsync(id, TaskState.Done, expectedVersion, ct);

    public Task<TaskDto> CancelAsync(int id, long? expectedVersion = null, CancellationToken ct = default) =>
        ChangeStateAsync(id, TaskState.Cancelled, expectedVersion, ct);

    public Task<TaskDto> ReopenAsync(int id, long? expectedVersion = null, CancellationToken ct = default) =>
        ChangeStateAsync(id, TaskState.Open, expectedVersion, ct);

    private async Task<TaskDto> ChangeStateAsync(int id, TaskState state, long? expectedVersion, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await LoadForChangeAsync(db, id, expectedVersion, ct);
        if (task.State != state)
        {
            task.State = state;
            task.CompletedAt = state == TaskState.Open ? null : clock.GetUtcNow().UtcDateTime;
            await SaveAsync(db, ct);
        }
        return await ReadAsync(db, id, ct);
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
        var page = await ListAsync(new TaskListQuery { AccountId = accountId, SourceKind = sourceKind, PageSize = Paging.MaxPageSize }, ct);
        return page.Items;
    }

    public async Task<Page<TaskDto>> ListAsync(TaskListQuery query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        var today = Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tasks = db.Set<TaskItem>().AsNoTracking();
        var assignee = InputValidation.Clean(query.AssigneeId);
        if (string.Equals(assignee, "me", StringComparison.OrdinalIgnoreCase)) assignee = viewer.UserId ?? "";
        if (assignee is not null) tasks = tasks.Where(t => t.AssigneeId == assignee);
        if (query.AccountId is { } accountId) tasks = tasks.Where(t => t.AccountId == accountId);
        if (query.ContactId is { } contactId) tasks = tasks.Where(t => t.ContactId == contactId);
        if (query.State is { } state) tasks = tasks.Where(t => t.State == state);
        else if (query.IncludeClosed != true) tasks = tasks.Where(t => t.State == TaskState.Open);
        if (query.Overdue == true) tasks = tasks.Where(t => t.State == TaskState.Open && t.DueDate < today);
        if (query.DueBy is { } dueBy) tasks = tasks.Where(t => t.DueDate <= dueBy);
        if (query.DueFrom is { } dueFrom) tasks = tasks.Where(t => t.DueDate >= dueFrom);
        if (query.Priority is { } priority) tasks = tasks.Where(t => t.Priority == priority);
        if (InputValidation.Clean(query.SourceKind) is { } sourceKind) tasks = tasks.Where(t => t.SourceKind == sourceKind);
        if (InputValidation.Clean(query.SourceId) is { } sourceId) tasks = tasks.Where(t => t.SourceId == sourceId);
        if (InputValidation.Clean(query.Search) is { } search)
        {
            var needle = search.ToUpperInvariant();
            tasks = tasks.Where(t => t.Title.ToUpper().Contains(needle) || t.Account!.NormalizedName.Contains(needle));
        }

        var total = await tasks.CountAsync(ct);
        var items = await Sort(tasks, query.Sort).Skip((page - 1) * size).Take(size).Select(ToDto).ToListAsync(ct);
        return new Page<TaskDto>(items, page, size, total);
    }

    private static IQueryable<TaskItem> Sort(IQueryable<TaskItem> tasks, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        IOrderedQueryable<TaskItem> ordered = sort?.TrimStart('-', '+').ToLowerInvariant() switch
        {
            null or "" or "due" => descending
                ? tasks.OrderBy(t => t.DueDate == null).ThenByDescending(t => t.DueDate)
                : tasks.OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate),
            // Enums are stored as text; rank them explicitly so High sorts above Normal above Low.
            "priority" => descending
                ? tasks.OrderByDescending(t => t.Priority == TaskPriority.High ? 2 : t.Priority == TaskPriority.Normal ? 1 : 0).ThenBy(t => t.DueDate == null).ThenBy(t => t.DueDate)
                : tasks.OrderBy(t => t.Priority == TaskPriority.High ? 2 : t.Priority == TaskPriority.Normal ? 1 : 0).ThenBy(t => t.DueDate == null).ThenBy(t => t.DueDate),
            "created" => descending ? tasks.OrderByDescending(t => t.CreatedAt) : tasks.OrderBy(t => t.CreatedAt),
            "title" => descending ? tasks.OrderByDescending(t => t.Title) : tasks.OrderBy(t => t.Title),
            "account" => descending ? tasks.OrderByDescending(t => t.Account!.Name) : tasks.OrderBy(t => t.Account!.Name),
            _ => throw new InvalidInputException("Sort", $"Cannot sort by '{sort}'. Use due, priority, created, title or account, with '-' in front for descending."),
        };
        return ordered.ThenBy(t => t.Id);
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private void NotifyAssignee(StewardDbContext db, TaskItem task)
    {
        if (task.AssigneeId == viewer.UserId) return;
        notifications.Notify(db, task.AssigneeId, $"New task for you: {task.Title}",
            task.DueDate is { } due ? $"Due {due:d MMM yyyy}." : null, "/tasks");
    }

    private async Task ValidateAsync(StewardDbContext db, TaskInput input, CancellationToken ct)
    {
        input.Title = input.Title?.Trim() ?? "";
        input.AssigneeId = InputValidation.Clean(input.AssigneeId) ?? viewer.UserId;
        var errors = InputValidation.Annotations(input);
        var accountVisible = input.AccountId > 0 && await db.Accounts.AnyAsync(a => a.Id == input.AccountId, ct);
        if (input.AccountId > 0 && !accountVisible)
        {
            errors.Add(nameof(TaskInput.AccountId), $"Account {input.AccountId} does not exist.");
        }
        if (accountVisible) await CheckAssigneeAsync(db, input.AssigneeId, input.AccountId, errors, ct);
        if (input.ContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.AccountId == input.AccountId, ct))
        {
            errors.Add(nameof(TaskInput.ContactId), "The contact must be one of the account's contacts.");
        }
        errors.ThrowIfAny();
    }

    internal static async Task CheckAssigneeAsync(StewardDbContext db, string? assigneeId, int accountId, InputErrors errors, CancellationToken ct, string field = nameof(TaskInput.AssigneeId))
    {
        if (assigneeId is null || !await db.Users.AnyAsync(u => u.Id == assigneeId && u.IsActive, ct))
        {
            errors.Add(field, "Choose an active colleague to do the task.");
        }
        else if (!await AccountAccess.UserCanSeeAsync(db, assigneeId, accountId, ct))
        {
            errors.Add(field, "This colleague cannot see the account. Add them to the account team first.");
        }
    }

    private static void Apply(TaskInput input, TaskItem task)
    {
        task.AccountId = input.AccountId;
        task.ContactId = input.ContactId;
        task.Title = input.Title;
        task.Description = InputValidation.Clean(input.Description);
        task.AssigneeId = input.AssigneeId!;
        task.DueDate = input.DueDate;
        task.Priority = input.Priority;
    }

    private static async Task<TaskItem> LoadForChangeAsync(StewardDbContext db, int id, long? expectedVersion, CancellationToken ct)
    {
        var task = await db.Set<TaskItem>().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("Task", id);
        if (expectedVersion is { } expected)
        {
            if (task.Version != expected)
            {
                throw new PreconditionFailedException($"The task is at version {task.Version}, not {expected}: someone else changed it. Nothing was changed; reload it.");
            }
            db.Entry(task).Property(t => t.Version).OriginalValue = expected;
        }
        return task;
    }

    private static async Task SaveAsync(StewardDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Someone else changed this task at the same time. Nothing was changed; reload it.");
        }
    }

    private static Task<TaskDto> ReadAsync(StewardDbContext db, int id, CancellationToken ct) =>
        db.Set<TaskItem>().AsNoTracking().Where(t => t.Id == id).Select(ToDto).SingleAsync(ct);

    internal static readonly System.Linq.Expressions.Expression<Func<TaskItem, TaskDto>> ToDto = t => new TaskDto(
        t.Id, t.AccountId, t.Account!.Name, t.ContactId, t.Title, t.Description, t.AssigneeId, t.Assignee!.DisplayName,
        t.DueDate, t.Priority, t.State, t.CompletedAt, t.SourceKind, t.SourceId, t.Version, t.CreatedAt,
        t.ContactId == null ? null : t.Contact!.FirstName + " " + t.Contact.LastName);
}
