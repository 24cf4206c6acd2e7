using System.ComponentModel.DataAnnotations;
using Steward.Features.Tasks;
using Steward.Infrastructure.Http;

namespace Steward.Features.Plans;

/// <summary>A plan's header and sections: the body of POST/PUT and the plan form's model.</summary>
public sealed class PlanInput
{
    [Range(1, int.MaxValue, ErrorMessage = "Choose the account the plan is for.")]
    public int AccountId { get; set; }

    [Required(ErrorMessage = "Title is required.")]
    [StringLength(200, ErrorMessage = "Title can be at most 200 characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "The period's first day is required.")]
    public DateOnly? PeriodStart { get; set; }

    [Required(ErrorMessage = "The period's last day is required.")]
    public DateOnly? PeriodEnd { get; set; }

    /// <summary>Who is responsible for the plan; empty means the account's owner.</summary>
    public string? OwnerId { get; set; }

    public ReviewCadence ReviewCadence { get; set; } = ReviewCadence.Quarterly;

    [StringLength(PlanSections.MaxLength)] public string? CustomerProfile { get; set; }
    [StringLength(PlanSections.MaxLength)] public string? NeedsAssessment { get; set; }
    [StringLength(PlanSections.MaxLength)] public string? CustomerGoals { get; set; }
    [StringLength(PlanSections.MaxLength)] public string? Strengths { get; set; }
    [StringLength(PlanSections.MaxLength)] public string? Weaknesses { get; set; }
    [StringLength(PlanSections.MaxLength)] public string? Opportunities { get; set; }
    [StringLength(PlanSections.MaxLength)] public string? Threats { get; set; }
    [StringLength(PlanSections.MaxLength)] public string? Strategies { get; set; }
    [StringLength(PlanSections.MaxLength)] public string? ResourcePeople { get; set; }
    [StringLength(PlanSections.MaxLength)] public string? Risks { get; set; }
    [StringLength(PlanSections.MaxLength)] public string? Whitespace { get; set; }

    [Range(0, 1_000_000_000, ErrorMessage = "Budget must be between 0 and 1,000,000,000.")]
    public decimal? ResourceBudget { get; set; }

    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency must be a three-letter code like EUR.")]
    public string Currency { get; set; } = "EUR";

    public static PlanInput From(PlanDto p)
    {
        var input = new PlanInput
        {
            AccountId = p.AccountId,
            Title = p.Title,
            PeriodStart = p.PeriodStart,
            PeriodEnd = p.PeriodEnd,
            OwnerId = p.OwnerId,
            ReviewCadence = p.ReviewCadence,
            ResourceBudget = p.ResourceBudget,
            Currency = p.Currency,
        };
        foreach (var (name, value) in p.Sections) typeof(PlanInput).GetProperty(name)!.SetValue(input, value);
        return input;
    }
}

public sealed class ObjectiveInput
{
    [Required(ErrorMessage = "Say what the objective is.")]
    [StringLength(200, ErrorMessage = "Title can be at most 200 characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Name the KPI that measures it.")]
    [StringLength(200, ErrorMessage = "KPI can be at most 200 characters.")]
    public string Kpi { get; set; } = "";

    [StringLength(20, ErrorMessage = "Unit can be at most 20 characters.")]
    public string? Unit { get; set; }

    public MetricSource Source { get; set; } = MetricSource.Manual;
    public decimal? Baseline { get; set; }

    [Required(ErrorMessage = "A measurable objective needs a target.")]
    public decimal? Target { get; set; }

    /// <summary>Typed-in actual; ignored when the source is the account's data.</summary>
    public decimal? Actual { get; set; }
    public DateOnly? DueDate { get; set; }
    public ObjectiveStatus Status { get; set; } = ObjectiveStatus.NotStarted;

    public static ObjectiveInput From(ObjectiveDto o) => new()
    {
        Title = o.Title,
        Kpi = o.Kpi,
        Unit = o.Unit,
        Source = o.Source,
        Baseline = o.Baseline,
        Target = o.Target,
        Actual = o.Source == MetricSource.Manual ? o.Actual : null,
        DueDate = o.DueDate,
        Status = o.Status,
    };
}

/// <summary>What comes with a lifecycle move: a comment (required when asking for changes), a review trigger, the closing evaluation.</summary>
public sealed class PlanTransitionInput
{
    [StringLength(4000, ErrorMessage = "The comment can be at most 4,000 characters.")]
    public string? Comment { get; set; }

    public ReviewTrigger? Trigger { get; set; }

    [StringLength(PlanSections.MaxLength)]
    public string? Findings { get; set; }

    /// <summary>At close: how each objective went.</summary>
    public List<ObjectiveEvaluationInput>? Evaluations { get; set; }
}

public sealed class ObjectiveEvaluationInput
{
    public int ObjectiveId { get; set; }
    public ObjectiveStatus Status { get; set; }

    [StringLength(4000)]
    public string? Evaluation { get; set; }
}

public sealed class PlanActionInput
{
    [Required(ErrorMessage = "Say what has to be done.")]
    [StringLength(300, ErrorMessage = "The action can be at most 300 characters.")]
    public string Title { get; set; } = "";

    /// <summary>Who does it; empty means the plan's owner.</summary>
    public string? AssigneeId { get; set; }

    public DateOnly? DueDate { get; set; }
}

public sealed record PlanSummaryDto(
    int Id, int AccountId, string AccountName, string Title, DateOnly PeriodStart, DateOnly PeriodEnd,
    string OwnerId, string OwnerName, PlanStatus Status, DateOnly? NextReviewDue, bool ReviewDue, long Version, DateTime UpdatedAt) : IVersioned;

public sealed record ObjectiveDto(
    int Id, string Title, string Kpi, string? Unit, MetricSource Source, decimal? Baseline, decimal Target, decimal? Actual,
    DateOnly? DueDate, ObjectiveStatus Status, string? Evaluation, long Version)
{
    /// <summary>How far from baseline to target the actual is, 0–1 (more than 1 when beyond target).</summary>
    public double? Progress => Actual is not { } actual ? null
        : Target == (Baseline ?? 0) ? (actual >= Target ? 1 : 0)
        : Math.Max(0, (double)((actual - (Baseline ?? 0)) / (Target - (Baseline ?? 0))));
}

public sealed record PlanTransitionDto(long Id, PlanStatus From, PlanStatus To, string Action, string? ByName, DateTime At, string? Comment);

public sealed record PlanSnapshotDto(int Number, string Kind, string? ByName, DateTime At);

public sealed record PlanDto(
    int Id, int AccountId, string AccountName, string Title, DateOnly PeriodStart, DateOnly PeriodEnd,
    string OwnerId, string OwnerName, PlanStatus Status, ReviewCadence ReviewCadence, DateOnly? NextReviewDue, bool ReviewDue,
    IReadOnlyDictionary<string, string?> Sections, decimal? ResourceBudget, string Currency,
    string? ApproverId, string? ApproverName, int? ApprovedSnapshot, string? Findings, DateTime? ClosedAt,
    IReadOnlyList<ObjectiveDto> Objectives, IReadOnlyList<TaskDto> Actions,
    IReadOnlyList<PlanAction> AllowedActions,
    long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

/// <summary>One difference between the approved version and the plan now.</summary>
public sealed record PlanChange(string What, string? Approved, string? Current);

public sealed record PlanDiffDto(int? ApprovedSnapshot, DateTime? ApprovedAt, IReadOnlyList<PlanChange> Changes);

public sealed record PlanListQuery
{
    public int? AccountId { get; init; }
    public PlanStatus? Status { get; init; }
    public string? OwnerId { get; init; }
    public bool? ReviewDue { get; init; }
    public string? Search { get; init; }
    /// <summary>account, title, period, status, updated; '-' in front for descending.</summary>
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}
