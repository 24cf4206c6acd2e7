using System.ComponentModel.DataAnnotations;
using Steward.Infrastructure.Http;

namespace Steward.Features.Cases;

/// <summary>What a person may set on a case: the body of POST/PUT/PATCH and the edit form's model.</summary>
public sealed class CaseInput
{
    [Range(1, int.MaxValue, ErrorMessage = "Choose the account the case is about.")]
    public int AccountId { get; set; }

    [Required(ErrorMessage = "Title is required.")]
    [StringLength(300, ErrorMessage = "Title can be at most 300 characters.")]
    public string Title { get; set; } = "";

    [StringLength(10_000, ErrorMessage = "Description can be at most 10,000 characters.")]
    public string? Description { get; set; }

    [EnumDataType(typeof(CaseCategory), ErrorMessage = "Category must be one of LatePayment, ProductDefect, DeliveryDelay, Miscommunication, BillingDiscrepancy, Other.")]
    public CaseCategory Category { get; set; } = CaseCategory.Other;

    [EnumDataType(typeof(CaseSeverity), ErrorMessage = "Severity must be one of Low, Medium, High, Critical.")]
    public CaseSeverity Severity { get; set; } = CaseSeverity.Medium;

    /// <summary>Open, InProgress or WaitingOnCustomer; resolving has its own step (resolution and root cause).</summary>
    [EnumDataType(typeof(CaseStatus), ErrorMessage = "Status must be one of Open, InProgress, WaitingOnCustomer.")]
    public CaseStatus Status { get; set; } = CaseStatus.Open;

    /// <summary>Who works on it. Empty means the account's owner.</summary>
    public string? OwnerId { get; set; }

    /// <summary>The customer's contact who raised it.</summary>
    public int? ContactId { get; set; }

    public static CaseInput From(CaseDto c) => new()
    {
        AccountId = c.AccountId,
        Title = c.Title,
        Description = c.Description,
        Category = c.Category,
        Severity = c.Severity,
        Status = c.Status,
        OwnerId = c.OwnerId,
        ContactId = c.ContactId,
    };
}

public sealed class CaseResolutionInput
{
    [Required(ErrorMessage = "Say how it was resolved.")]
    [StringLength(4000, ErrorMessage = "Resolution can be at most 4,000 characters.")]
    public string? Resolution { get; set; }

    [Required(ErrorMessage = "Name the root cause, so it does not happen again.")]
    [StringLength(2000, ErrorMessage = "Root cause can be at most 2,000 characters.")]
    public string? RootCause { get; set; }
}

public sealed record CaseEscalationInput(string? Reason);

public sealed record CaseDto(
    int Id,
    int AccountId,
    string AccountName,
    string Title,
    string? Description,
    CaseCategory Category,
    CaseSeverity Severity,
    CaseStatus Status,
    string OwnerId,
    string OwnerName,
    int? ContactId,
    string? ContactName,
    DateTime OpenedAt,
    DateTime SlaDueAt,
    bool SlaBreached,
    EscalationLevel EscalationLevel,
    string? LevelHolderId,
    string? LevelHolderName,
    DateTime LevelDueAt,
    DateTime? ResolvedAt,
    string? Resolution,
    string? RootCause,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IVersioned;

/// <summary>One step of the escalation path, with how long the case stayed there.</summary>
public sealed record CaseEscalationDto(long Id, EscalationLevel Level, string? AssigneeId, string? AssigneeName, DateTime StartedAt, DateTime? EndedAt, TimeSpan TimeAtLevel, string? Reason, bool Automatic, string? ByName);

/// <summary>Filters, sort and page of the case list (GET /api/v1/cases) and of the dashboards' drill-downs.</summary>
public sealed record CaseListQuery
{
    public int? AccountId { get; init; }
    /// <summary>Open (not resolved) or resolved cases; empty for both.</summary>
    public bool? Open { get; init; }
    public CaseStatus? Status { get; init; }
    public CaseSeverity? Severity { get; init; }
    public CaseCategory? Category { get; init; }
    /// <summary>At this escalation level exactly.</summary>
    public EscalationLevel? Level { get; init; }
    /// <summary>Escalated beyond the account manager.</summary>
    public bool? Escalated { get; init; }
    /// <summary>Open and past their SLA.</summary>
    public bool? Overdue { get; init; }
    public string? OwnerId { get; init; }
    /// <summary>Cases the person works on or answers for at the current level.</summary>
    public string? InvolvingId { get; init; }
    /// <summary>Cases at accounts owned by the members (and manager) of this team.</summary>
    public int? TeamId { get; init; }
    /// <summary>Cases at accounts owned by the people whose numbers the viewer reports on.</summary>
    public bool? InScope { get; init; }
    public string? Search { get; init; }
    /// <summary>sla, opened, severity, account, title, level, updated; prefix with '-' for descending.</summary>
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}
