using System.ComponentModel.DataAnnotations;
using Steward.Infrastructure.Http;

namespace Steward.Features.Contracts;

/// <summary>What a person may set on a contract: the body of POST/PUT/PATCH and the edit form's model.</summary>
public sealed class ContractInput
{
    [Range(1, int.MaxValue, ErrorMessage = "Choose the account the contract is with.")]
    public int AccountId { get; set; }

    [Required(ErrorMessage = "Name is required.")]
    [StringLength(200, ErrorMessage = "Name can be at most 200 characters.")]
    public string Name { get; set; } = "";

    [StringLength(100, ErrorMessage = "Reference can be at most 100 characters.")]
    public string? Reference { get; set; }

    [Required(ErrorMessage = "Start date is required.")]
    public DateOnly? StartDate { get; set; }

    [Required(ErrorMessage = "End date is required.")]
    public DateOnly? EndDate { get; set; }

    [Range(typeof(decimal), "0", "1000000000000", ErrorMessage = "Annual value must be zero or more.")]
    public decimal AnnualValue { get; set; }

    [Required(ErrorMessage = "Currency is required.")]
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency must be a three-letter ISO code such as EUR or USD.")]
    public string Currency { get; set; } = "EUR";

    public bool AutoRenew { get; set; }

    [Range(0, 730, ErrorMessage = "Notice period must be between 0 and 730 days.")]
    public int NoticePeriodDays { get; set; } = 90;

    [EnumDataType(typeof(ContractStatus), ErrorMessage = "Status must be one of Draft, Active, Expired, Terminated.")]
    public ContractStatus Status { get; set; } = ContractStatus.Active;

    [EnumDataType(typeof(RenewalRisk), ErrorMessage = "Renewal risk must be one of Good, Monitor, AtRisk.")]
    public RenewalRisk RenewalRisk { get; set; } = RenewalRisk.Good;

    [StringLength(2000, ErrorMessage = "Risk reason can be at most 2,000 characters.")]
    public string? RiskReason { get; set; }

    [StringLength(4000, ErrorMessage = "Action plan can be at most 4,000 characters.")]
    public string? ActionPlan { get; set; }

    [Range(1, 730, ErrorMessage = "Renewal lead time must be between 1 and 730 days.")]
    public int? RenewalLeadDays { get; set; }

    public List<ContractDocumentInput> Documents { get; set; } = [];

    [StringLength(10_000, ErrorMessage = "Notes can be at most 10,000 characters.")]
    public string? Notes { get; set; }

    public static ContractInput From(ContractDto c) => new()
    {
        AccountId = c.AccountId,
        Name = c.Name,
        Reference = c.Reference,
        StartDate = c.StartDate,
        EndDate = c.EndDate,
        AnnualValue = c.AnnualValue,
        Currency = c.Currency,
        AutoRenew = c.AutoRenew,
        NoticePeriodDays = c.NoticePeriodDays,
        Status = c.Status,
        RenewalRisk = c.RenewalRisk,
        RiskReason = c.RiskReason,
        ActionPlan = c.ActionPlan,
        RenewalLeadDays = c.RenewalLeadDays,
        Documents = c.Documents.Select(d => new ContractDocumentInput { Title = d.Title, Url = d.Url }).ToList(),
        Notes = c.Notes,
    };
}

public sealed class ContractDocumentInput
{
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
}

public sealed record ContractDocumentDto(string Title, string Url);

public sealed record ContractDto(
    int Id,
    int AccountId,
    string AccountName,
    string AccountOwnerId,
    string AccountOwnerName,
    string Name,
    string? Reference,
    DateOnly StartDate,
    DateOnly EndDate,
    decimal AnnualValue,
    string Currency,
    bool AutoRenew,
    int NoticePeriodDays,
    DateOnly NoticeDeadline,
    ContractStatus Status,
    RenewalRisk RenewalRisk,
    string? RiskReason,
    string? ActionPlan,
    int? RenewalLeadDays,
    IReadOnlyList<ContractDocumentDto> Documents,
    string? Notes,
    bool Archived,
    /// <summary>Days from today to the end date; negative once it has passed.</summary>
    int DaysToEnd,
    int? RenewalOpportunityId,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IVersioned;

/// <summary>Filters, sort and page of the contracts list (GET /api/v1/contracts) and of the renewals pipeline's drill-downs.</summary>
public sealed record ContractListQuery
{
    public int? AccountId { get; init; }
    public string? Search { get; init; }
    public ContractStatus? Status { get; init; }
    public RenewalRisk? Risk { get; init; }
    /// <summary>Only active contracts ending between today and today + this many days (30, 60, 90, 180…).</summary>
    public int? WithinDays { get; init; }
    public DateOnly? EndsFrom { get; init; }
    public DateOnly? EndsTo { get; init; }
    /// <summary>The account owner (who is answerable for the renewal).</summary>
    public string? OwnerId { get; init; }
    public int? TeamId { get; init; }
    /// <summary>Only contracts at accounts owned by the people whose numbers the viewer reports on.</summary>
    public bool? InScope { get; init; }
    public bool? IncludeArchived { get; init; }
    /// <summary>end, name, account, value, risk, updated; prefix with '-' for descending.</summary>
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}
