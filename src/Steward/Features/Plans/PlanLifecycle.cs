using Steward.Infrastructure.Errors;

namespace Steward.Features.Plans;

public enum PlanAction
{
    Submit,
    Approve,
    RequestChanges,
    Activate,
    StartReview,
    CompleteReview,
    Close,
}

/// <summary>
/// The plan's state machine, in one table: draft → submitted → approved or changes requested →
/// active → in review → (active again, resubmitted, or) closed. Anything not in the table is refused.
/// </summary>
public static class PlanLifecycle
{
    private static readonly Dictionary<(PlanStatus From, PlanAction Action), PlanStatus> Moves = new()
    {
        [(PlanStatus.Draft, PlanAction.Submit)] = PlanStatus.Submitted,
        [(PlanStatus.ChangesRequested, PlanAction.Submit)] = PlanStatus.Submitted,
        // A review that changes the plan goes back for approval (seed 003's periodic review gate).
        [(PlanStatus.InReview, PlanAction.Submit)] = PlanStatus.Submitted,
        [(PlanStatus.Submitted, PlanAction.Approve)] = PlanStatus.Approved,
        [(PlanStatus.Submitted, PlanAction.RequestChanges)] = PlanStatus.ChangesRequested,
        [(PlanStatus.Approved, PlanAction.Activate)] = PlanStatus.Active,
        [(PlanStatus.Active, PlanAction.StartReview)] = PlanStatus.InReview,
        [(PlanStatus.InReview, PlanAction.CompleteReview)] = PlanStatus.Active,
        [(PlanStatus.Active, PlanAction.Close)] = PlanStatus.Closed,
        [(PlanStatus.InReview, PlanAction.Close)] = PlanStatus.Closed,
    };

    public static bool CanMove(PlanStatus from, PlanAction action) => Moves.ContainsKey((from, action));

    /// <summary>The status after <paramref name="action"/>, or a clear refusal naming what is possible.</summary>
    public static PlanStatus Next(PlanStatus from, PlanAction action)
    {
        if (Moves.TryGetValue((from, action), out var to)) return to;
        var possible = Allowed(from).Select(a => a.Label()).ToList();
        var hint = possible.Count == 0 ? "Nothing more can happen to it." : $"From here it can: {string.Join(", ", possible)}.";
        throw new InvalidInputException("Status", $"A plan that is {from.Label().ToLowerInvariant()} cannot {action.Label().ToLowerInvariant()}. {hint}");
    }

    public static IEnumerable<PlanAction> Allowed(PlanStatus from) => Moves.Keys.Where(k => k.From == from).Select(k => k.Action);

    /// <summary>Sections and objectives may be edited while the plan is being written or reviewed.</summary>
    public static bool ContentEditable(PlanStatus status) => status is PlanStatus.Draft or PlanStatus.ChangesRequested or PlanStatus.InReview;

    /// <summary>Actuals and objective status are progress, recorded while the plan runs too.</summary>
    public static bool ProgressEditable(PlanStatus status) => status is not (PlanStatus.Submitted or PlanStatus.Closed);

    public static string Label(this PlanStatus status) => status switch
    {
        PlanStatus.ChangesRequested => "Changes requested",
        PlanStatus.InReview => "In review",
        _ => status.ToString(),
    };

    public static string Label(this PlanAction action) => action switch
    {
        PlanAction.Submit => "Submit for approval",
        PlanAction.RequestChanges => "Request changes",
        PlanAction.StartReview => "Start review",
        PlanAction.CompleteReview => "Complete review",
        _ => action.ToString(),
    };

    public static string Label(this ReviewCadence cadence) => cadence switch
    {
        ReviewCadence.HalfYearly => "Half-yearly",
        _ => cadence.ToString(),
    };

    public static string Label(this ReviewTrigger trigger) => trigger switch
    {
        ReviewTrigger.AccountPerformance => "Account performance",
        ReviewTrigger.CustomerFeedback => "Customer feedback",
        ReviewTrigger.MarketTrends => "Market trends",
        ReviewTrigger.InternalResources => "Internal resource allocation",
        ReviewTrigger.Competition => "Competitive landscape",
        _ => "Scheduled",
    };

    public static string Label(this ObjectiveStatus status) => status switch
    {
        ObjectiveStatus.NotStarted => "Not started",
        ObjectiveStatus.OnTrack => "On track",
        ObjectiveStatus.AtRisk => "At risk",
        ObjectiveStatus.OffTrack => "Off track",
        _ => status.ToString(),
    };

    public static DateOnly NextReview(DateOnly from, ReviewCadence cadence) => cadence switch
    {
        ReviewCadence.Monthly => from.AddMonths(1),
        ReviewCadence.Quarterly => from.AddMonths(3),
        ReviewCadence.HalfYearly => from.AddMonths(6),
        _ => from.AddYears(1),
    };
}
