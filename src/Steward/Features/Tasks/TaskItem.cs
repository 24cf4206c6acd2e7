using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Contacts;
using Steward.Features.Users;

namespace Steward.Features.Tasks;

public enum TaskPriority
{
    Low,
    Normal,
    High,
}

public enum TaskState
{
    Open,
    Done,
    Cancelled,
}

/// <summary>
/// Something someone has to do for an account: a follow-up, a plan action, a gap to close, an RFP
/// question. <see cref="SourceKind"/>/<see cref="SourceId"/> say what created it (a meeting, a
/// plan, a relationship gap, a case…), so each feature can find its own tasks.
/// </summary>
public class TaskItem : TrackedEntity, IAccountOwned
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }
    public int? ContactId { get; set; }
    public Contact? Contact { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string AssigneeId { get; set; } = "";
    public StewardUser? Assignee { get; set; }
    public DateOnly? DueDate { get; set; }
    public TaskPriority Priority { get; set; } = TaskPriority.Normal;
    public TaskState State { get; set; } = TaskState.Open;
    public DateTime? CompletedAt { get; set; }
    public string? CreatedById { get; set; }
    /// <summary>What created the task, e.g. "meeting", "plan", "gap", "case", "insight".</summary>
    public string? SourceKind { get; set; }
    public string? SourceId { get; set; }
}
