using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Users;

namespace Steward.Features.Plans;

/// <summary>Where a plan is in its life. See <see cref="PlanLifecycle"/> for the allowed moves.</summary>
public enum PlanStatus
{
    Draft,
    Submitted,
    ChangesRequested,
    Approved,
    Active,
    InReview,
    Closed,
}

/// <summary>How often an active plan comes up for periodic review (seed 003's frequencies).</summary>
public enum ReviewCadence
{
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}

/// <summary>Why a periodic review was opened: the calendar, or one of seed 003's triggers.</summary>
public enum ReviewTrigger
{
    Scheduled,
    AccountPerformance,
    CustomerFeedback,
    MarketTrends,
    InternalResources,
    Competition,
}

/// <summary>
/// A key account plan for one account and period (the "Key Account Plan Blueprint"): what we know
/// about the customer, what they want, what we aim for (objectives), how (strategies, actions,
/// resources) and what could go wrong. Sections are filled progressively; the status moves only
/// through <see cref="PlanLifecycle"/>.
/// </summary>
public class AccountPlan : TrackedEntity, IAccountOwned
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }
    public string Title { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public string OwnerId { get; set; } = "";
    public StewardUser? Owner { get; set; }
    public PlanStatus Status { get; set; } = PlanStatus.Draft;
    public ReviewCadence ReviewCadence { get; set; } = ReviewCadence.Quarterly;
    /// <summary>Set when the plan goes live, moved on by each completed review.</summary>
    public DateOnly? NextReviewDue { get; set; }

    // The blueprint's sections; free text, filled progressively.
    public string? CustomerProfile { get; set; }
    public string? NeedsAssessment { get; set; }
    public string? CustomerGoals { get; set; }
    public string? Strengths { get; set; }
    public string? Weaknesses { get; set; }
    public string? Opportunities { get; set; }
    public string? Threats { get; set; }
    public string? Strategies { get; set; }
    public string? ResourcePeople { get; set; }
    public decimal? ResourceBudget { get; set; }
    public string Currency { get; set; } = "EUR";
    public string? Risks { get; set; }
    public string? Whitespace { get; set; }

    /// <summary>Who the submitted plan waits on; null means any admin.</summary>
    public string? ApproverId { get; set; }
    public string? SubmittedById { get; set; }
    /// <summary>The snapshot number last approved: what was agreed, to compare the draft against.</summary>
    public int? ApprovedSnapshot { get; set; }

    /// <summary>The closing evaluation: the documented findings of seed 003's last step.</summary>
    public string? Findings { get; set; }
    public DateTime? ClosedAt { get; set; }

    public List<PlanObjective> Objectives { get; set; } = [];
}
