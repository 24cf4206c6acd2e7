using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Users;

namespace Steward.Features.Cases;

/// <summary>The kinds of account issue an account manager resolves (seed 003, "Resolve any account issues").</summary>
public enum CaseCategory
{
    LatePayment,
    ProductDefect,
    DeliveryDelay,
    Miscommunication,
    BillingDiscrepancy,
    Other,
}

public enum CaseSeverity
{
    Low,
    Medium,
    High,
    Critical,
}

public enum CaseStatus
{
    Open,
    InProgress,
    WaitingOnCustomer,
    Resolved,
}

/// <summary>Who is answerable for the case: the path goes up one step each time a level's SLA runs out.</summary>
public enum EscalationLevel
{
    AccountManager,
    Manager,
    ExecutiveSponsor,
}

/// <summary>An issue at an account that needs resolving: a late payment, a defect, a delayed delivery…</summary>
public class Case : TrackedEntity, IAccountOwned
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public CaseCategory Category { get; set; }
    public CaseSeverity Severity { get; set; }
    public CaseStatus Status { get; set; } = CaseStatus.Open;
    /// <summary>Who works on the case day to day.</summary>
    public string OwnerId { get; set; } = "";
    public StewardUser? Owner { get; set; }
    public int? ContactId { get; set; }
    public DateTime OpenedAt { get; set; }
    /// <summary>When it should be resolved, from its severity.</summary>
    public DateTime SlaDueAt { get; set; }
    public EscalationLevel EscalationLevel { get; set; }
    /// <summary>Who answers for it at the current level: the account manager, their manager, the executive sponsor.</summary>
    public string? LevelHolderId { get; set; }
    public StewardUser? LevelHolder { get; set; }
    /// <summary>When the current level's time is up and it goes one level higher by itself.</summary>
    public DateTime LevelDueAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? Resolution { get; set; }
    public string? RootCause { get; set; }

    public bool IsOpen => Status != CaseStatus.Resolved;
}

/// <summary>One level of a case's escalation path: who held it, from when to when, and why it got there.</summary>
public class CaseEscalation : IAccountOwned
{
    public long Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public int AccountId { get; set; }
    public EscalationLevel Level { get; set; }
    public string? AssigneeId { get; set; }
    public StewardUser? Assignee { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? Reason { get; set; }
    /// <summary>True when an overdue SLA moved it, false when a person did.</summary>
    public bool Automatic { get; set; }
    public string? ByUserId { get; set; }
}
