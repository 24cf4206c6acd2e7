using System.ComponentModel.DataAnnotations;
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

    [EnumDataType(typeof(TaskPriority), ErrorMessage = "Priority must be Low, Normal or High.")]
    public TaskPriority Priority { get; set; } = TaskPriority.Normal;

    public int? ContactId { get; set; }

    [StringLength(40)]
    public string? SourceKind { get; set; }

    [StringLength(100)]
    public string? SourceId { get; set; }

    public static TaskInput From(TaskDto t) => new()
    {
        AccountId = t.AccountId,
        Title = t.Title,
        Description = t.Description,
        AssigneeId = t.AssigneeId,
        DueDate = t.DueDate,
        Priority = t.Priority,
        ContactId = t.ContactId,
        SourceKind = t.SourceKind,
        SourceId = t.SourceId,
    };
}

public sealed record TaskDto(
    int Id, int AccountId, string AccountName, int? ContactId, string Title, string? Description,
    string AssigneeId, string AssigneeName, DateOnly? DueDate, TaskPriority Priority, TaskState State,
    DateTime? CompletedAt, string? SourceKind, string? SourceId, long Version, DateTime CreatedAt, string? ContactName = null) : IVersioned
{
    public bool IsOverdueOn(DateOnly today) => State == TaskState.Open && DueDate < today;
}

/// <summary>Filters, sort and page of GET /api/v1/tasks.</summary>
public sealed record TaskListQuery
{
    /// <summary>A user id, or "me".</summary>
    public string? AssigneeId { get; init; }
    public int? AccountId { get; init; }
    public int? ContactId { get; init; }
    /// <summary>Open (the default), Done, Cancelled; "all" is no filter (IncludeClosed).</summary>
    public TaskState? State { get; init; }
    public bool? IncludeClosed { get; init; }
    /// <summary>Only open tasks due before today.</summary>
    public bool? Overdue { get; init; }
    /// <summary>Open tasks due on or before this day (today's list: dueBy=today).</summary>
    public DateOnly? DueBy { get; init; }
    public DateOnly? DueFrom { get; init; }
    public TaskPriority? Priority { get; init; }
    public string? SourceKind { get; init; }
    public string? SourceId { get; init; }
    public string? Search { get; init; }
    /// <summary>due (default: soonest first, undated last), priority, created, title, account; '-' for descending.</summary>
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record SnoozeRequest(DateOnly? Until, int? Days);

public sealed record ReassignRequest(string? AssigneeId);
