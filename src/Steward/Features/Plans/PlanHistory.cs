using Steward.Data;

namespace Steward.Features.Plans;

/// <summary>One move of a plan's lifecycle: who, when, from what to what, and why.</summary>
public class PlanTransition : IAccountOwned
{
    public long Id { get; set; }
    public int PlanId { get; set; }
    public AccountPlan? Plan { get; set; }
    public int AccountId { get; set; }
    public PlanStatus From { get; set; }
    public PlanStatus To { get; set; }
    public string Action { get; set; } = "";
    public string? ByUserId { get; set; }
    public DateTime At { get; set; }
    public string? Comment { get; set; }
}

/// <summary>
/// A frozen copy of a plan's content (sections and objectives, as JSON) taken when it is
/// submitted and when it is approved, so what was agreed can always be read and compared.
/// </summary>
public class PlanSnapshot : IAccountOwned
{
    public long Id { get; set; }
    public int PlanId { get; set; }
    public int AccountId { get; set; }
    public int Number { get; set; }
    /// <summary>"Submitted" or "Approved".</summary>
    public string Kind { get; set; } = "";
    public string Content { get; set; } = "";
    public string? ByUserId { get; set; }
    public DateTime At { get; set; }
}
