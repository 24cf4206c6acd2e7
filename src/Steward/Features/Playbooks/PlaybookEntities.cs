using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Users;

namespace Steward.Features.Playbooks;

/// <summary>A configurable process. Its content lives in immutable versions; editing adds one.</summary>
public class PlaybookTemplate : TrackedEntity
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int CurrentVersion { get; set; }
    /// <summary>Shipped with Steward (from the seeds); still editable, never re-installed once present.</summary>
    public bool IsShipped { get; set; }
    public DateTime? ArchivedAt { get; set; }
    public List<PlaybookTemplateVersion> Versions { get; set; } = [];
}

/// <summary>One frozen version of a template's definition. Runs point here, so editing never changes a running process.</summary>
public class PlaybookTemplateVersion
{
    public int Id { get; set; }
    public int TemplateId { get; set; }
    public PlaybookTemplate? Template { get; set; }
    public int Number { get; set; }
    /// <summary>The <see cref="PlaybookDefinition"/> as JSON.</summary>
    public string Definition { get; set; } = "";
    public string? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum RunStatus
{
    Active,
    Completed,
    Cancelled,
}

public enum StepStatus
{
    Open,
    Done,
    AwaitingApproval,
    Approved,
    ChangesRequested,
}

/// <summary>A template run on one account, pinned to the template version it started with.</summary>
public class PlaybookRun : TrackedEntity, IAccountOwned
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }
    public int TemplateVersionId { get; set; }
    public PlaybookTemplateVersion? TemplateVersion { get; set; }
    public string Name { get; set; } = "";
    public DateOnly StartedOn { get; set; }
    public string? StartedById { get; set; }
    public RunStatus Status { get; set; }
    public DateTime? CompletedAt { get; set; }
    public List<PlaybookRunStep> Steps { get; set; } = [];
}

/// <summary>One step of a run: who does it, by when, the answers to its fields, and for a gate, the decision.</summary>
public class PlaybookRunStep : TrackedEntity, IAccountOwned
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public PlaybookRun? Run { get; set; }
    public int AccountId { get; set; }
    public int Position { get; set; }
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
    public StepKind Kind { get; set; }
    public string? AssigneeId { get; set; }
    public StewardUser? Assignee { get; set; }
    public DateOnly? DueDate { get; set; }
    public StepStatus Status { get; set; }
    /// <summary>The field answers as JSON: field key → values.</summary>
    public string? Answers { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? CompletedById { get; set; }
    // Gates only.
    public string? RequestedById { get; set; }
    public string? ApproverId { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedById { get; set; }
    public string? Comment { get; set; }

    public bool IsFinished => Status is StepStatus.Done or StepStatus.Approved;
}
