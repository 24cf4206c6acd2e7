using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Contracts;
using Steward.Features.Users;

namespace Steward.Features.Opportunities;

public enum OpportunityType
{
    Expansion,
    Renewal,
    CrossSell,
    NewProduct,
    Rfp,
    ProForma,
}

/// <summary>How sure the owner is that it closes in its period: what the forecast adds up.</summary>
public enum ForecastCategory
{
    Pipeline,
    BestCase,
    Commit,
    /// <summary>Won. Set by moving to a won stage, never by hand.</summary>
    Closed,
    /// <summary>Left out of the forecast (lost, or not this period).</summary>
    Omitted,
}

/// <summary>Where the opportunity came from.</summary>
public enum OpportunitySource
{
    Plan,
    Insight,
    Qbr,
    CustomerRequest,
    /// <summary>Opened automatically ahead of a contract's end date.</summary>
    Contract,
    Other,
}

/// <summary>A chance to grow or keep revenue at an account: an expansion, a renewal, an RFP, a pro-forma…</summary>
public class Opportunity : TrackedEntity, IAccountOwned
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }
    public string Name { get; set; } = "";
    public OpportunityType Type { get; set; }
    public int StageId { get; set; }
    public OpportunityStage? Stage { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "EUR";
    /// <summary>Percent, 0–100. Defaults to the stage's probability when the stage changes.</summary>
    public int Probability { get; set; }
    public DateOnly CloseDate { get; set; }
    public string OwnerId { get; set; } = "";
    public StewardUser? Owner { get; set; }
    public ForecastCategory ForecastCategory { get; set; }
    public OpportunitySource Source { get; set; }
    public string? LostReason { get; set; }
    public string? Description { get; set; }
    /// <summary>The contract a renewal renews.</summary>
    public int? ContractId { get; set; }
    public Contract? Contract { get; set; }
    /// <summary>The end date of the contract term this renewal is for: one renewal opportunity per term.</summary>
    public DateOnly? RenewalTermEnd { get; set; }
    /// <summary>When the RFP response is due (RFPs only).</summary>
    public DateOnly? RfpDueDate { get; set; }
    public DateTime StageChangedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }
}

/// <summary>One step of the pipeline of one opportunity type. Admins configure them; won and lost close it.</summary>
public class OpportunityStage : TrackedEntity
{
    public int Id { get; set; }
    public OpportunityType Type { get; set; }
    public string Name { get; set; } = "";
    public int Position { get; set; }
    /// <summary>The probability an opportunity gets when it enters this stage.</summary>
    public int Probability { get; set; }
    public StageOutcome Outcome { get; set; }
    /// <summary>Retired stages stay for history but take no new opportunities.</summary>
    public bool IsActive { get; set; } = true;
}

public enum StageOutcome
{
    Open,
    Won,
    Lost,
}

/// <summary>One move of an opportunity from one stage to another: the pipeline's history.</summary>
public class OpportunityStageChange : IAccountOwned
{
    public long Id { get; set; }
    public int OpportunityId { get; set; }
    public Opportunity? Opportunity { get; set; }
    public int AccountId { get; set; }
    public int? FromStageId { get; set; }
    public string? FromStageName { get; set; }
    public int ToStageId { get; set; }
    public string ToStageName { get; set; } = "";
    public decimal Amount { get; set; }
    public int Probability { get; set; }
    /// <summary>Null for changes made by the system (an automatic renewal opportunity).</summary>
    public string? ByUserId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>What one person should close in one quarter, in one currency.</summary>
public class SalesTarget : TrackedEntity
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public StewardUser? User { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "EUR";
    public string? SetById { get; set; }
}
