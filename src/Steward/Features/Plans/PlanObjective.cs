using Steward.Data;

namespace Steward.Features.Plans;

public enum ObjectiveStatus
{
    NotStarted,
    OnTrack,
    AtRisk,
    OffTrack,
    Achieved,
    Missed,
}

/// <summary>Where an objective's actual comes from: typed in, or read from the account's data.</summary>
public enum MetricSource
{
    Manual,
    /// <summary>Revenue of the last 12 full months (the account's own lines).</summary>
    Revenue12Months,
    /// <summary>Growth of the last 12 months over the 12 before, in percent.</summary>
    RevenueGrowthPercent,
}

/// <summary>One measurable objective of a plan: KPI, baseline, target, actual, due date, status.</summary>
public class PlanObjective : TrackedEntity, IAccountOwned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public AccountPlan? Plan { get; set; }
    /// <summary>The plan's account, repeated so the account filter applies directly.</summary>
    public int AccountId { get; set; }
    public string Title { get; set; } = "";
    public string Kpi { get; set; } = "";
    public string? Unit { get; set; }
    public MetricSource Source { get; set; }
    public decimal? Baseline { get; set; }
    public decimal Target { get; set; }
    public decimal? Actual { get; set; }
    public DateOnly? DueDate { get; set; }
    public ObjectiveStatus Status { get; set; }
    /// <summary>At close: how the objective went, in words.</summary>
    public string? Evaluation { get; set; }
    public int SortOrder { get; set; }
}
