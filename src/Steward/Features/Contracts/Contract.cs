using Steward.Data;
using Steward.Features.Accounts;

namespace Steward.Features.Contracts;

public enum ContractStatus
{
    Draft,
    Active,
    /// <summary>The term ran out and a new one was not agreed.</summary>
    Expired,
    /// <summary>Ended early or notice was given.</summary>
    Terminated,
}

/// <summary>How likely the customer renews, in the account manager's judgement.</summary>
public enum RenewalRisk
{
    Good,
    /// <summary>Undecided: allowed until 90 days before the end date, then it must become Good or At risk.</summary>
    Monitor,
    AtRisk,
}

/// <summary>An agreement with a customer: its term, value and the renewal judgement for its end date.</summary>
public class Contract : TrackedEntity, IAccountOwned
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The contract number in the customer's or our legal system.</summary>
    public string? Reference { get; set; }
    public DateOnly StartDate { get; set; }
    /// <summary>The last day of the current term: the renewal date.</summary>
    public DateOnly EndDate { get; set; }
    public decimal AnnualValue { get; set; }
    public string Currency { get; set; } = "EUR";
    /// <summary>Renews by itself unless one side gives notice before <see cref="NoticeDeadline"/>.</summary>
    public bool AutoRenew { get; set; }
    public int NoticePeriodDays { get; set; }
    public ContractStatus Status { get; set; } = ContractStatus.Active;
    public RenewalRisk RenewalRisk { get; set; } = RenewalRisk.Good;
    /// <summary>Why the renewal is at risk or being monitored.</summary>
    public string? RiskReason { get; set; }
    /// <summary>What will be done to save an at-risk renewal; required while it is at risk.</summary>
    public string? ActionPlan { get; set; }
    /// <summary>Days before the end date the renewal opportunity is opened; null uses the configured default.</summary>
    public int? RenewalLeadDays { get; set; }
    public List<ContractDocument> Documents { get; set; } = [];
    public string? Notes { get; set; }
    public DateTime? ArchivedAt { get; set; }

    public DateOnly NoticeDeadline => EndDate.AddDays(-NoticePeriodDays);
}

/// <summary>A link to where the signed document lives (a DMS, SharePoint, a signing service).</summary>
public class ContractDocument
{
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
}
