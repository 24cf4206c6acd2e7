using System.ComponentModel.DataAnnotations;
using Steward.Infrastructure.Http;

namespace Steward.Features.Opportunities;

/// <summary>What a person may set on an opportunity: the body of POST/PUT/PATCH and the edit form's model.</summary>
public sealed class OpportunityInput
{
    [Range(1, int.MaxValue, ErrorMessage = "Choose the account the opportunity is at.")]
    public int AccountId { get; set; }

    [Required(ErrorMessage = "Name is required.")]
    [StringLength(200, ErrorMessage = "Name can be at most 200 characters.")]
    public string Name { get; set; } = "";

    [EnumDataType(typeof(OpportunityType), ErrorMessage = "Type must be one of Expansion, Renewal, CrossSell, NewProduct, Rfp, ProForma.")]
    public OpportunityType Type { get; set; } = OpportunityType.Expansion;

    /// <summary>Empty means the first stage of the type.</summary>
    public int? StageId { get; set; }

    [Range(typeof(decimal), "0", "1000000000000", ErrorMessage = "Amount must be zero or more.")]
    public decimal Amount { get; set; }

    [Required(ErrorMessage = "Currency is required.")]
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency must be a three-letter ISO code such as EUR or USD.")]
    public string Currency { get; set; } = "EUR";

    /// <summary>Percent. Empty means the stage's probability.</summary>
    [Range(0, 100, ErrorMessage = "Probability must be between 0 and 100 percent.")]
    public int? Probability { get; set; }

    [Required(ErrorMessage = "Close date is required.")]
    public DateOnly? CloseDate { get; set; }

    /// <summary>Empty means the account's owner.</summary>
    public string? OwnerId { get; set; }

    [EnumDataType(typeof(ForecastCategory), ErrorMessage = "Forecast category must be one of Pipeline, BestCase, Commit, Closed, Omitted.")]
    public ForecastCategory ForecastCategory { get; set; } = ForecastCategory.Pipeline;

    [EnumDataType(typeof(OpportunitySource), ErrorMessage = "Source must be one of Plan, Insight, Qbr, CustomerRequest, Contract, Other.")]
    public OpportunitySource Source { get; set; } = OpportunitySource.Plan;

    [StringLength(1000, ErrorMessage = "Lost reason can be at most 1,000 characters.")]
    public string? LostReason { get; set; }

    [StringLength(10_000, ErrorMessage = "Description can be at most 10,000 characters.")]
    public string? Description { get; set; }

    /// <summary>The contract a renewal renews.</summary>
    public int? ContractId { get; set; }

    /// <summary>When the RFP response is due (RFPs only).</summary>
    public DateOnly? RfpDueDate { get; set; }

    public static OpportunityInput From(OpportunityDto o) => new()
    {
        AccountId = o.AccountId,
        Name = o.Name,
        Type = o.Type,
        StageId = o.StageId,
        Amount = o.Amount,
        Currency = o.Currency,
        Probability = o.Probability,
        CloseDate = o.CloseDate,
        OwnerId = o.OwnerId,
        ForecastCategory = o.ForecastCategory,
        Source = o.Source,
        LostReason = o.LostReason,
        Description = o.Description,
        ContractId = o.ContractId,
        RfpDueDate = o.RfpDueDate,
    };
}

/// <summary>A move on the board: the new stage, and why it was lost when it was.</summary>
public sealed record OpportunityMoveInput(int StageId, string? LostReason = null);

public sealed record OpportunityDto(
    int Id,
    int AccountId,
    string AccountName,
    string Name,
    OpportunityType Type,
    int StageId,
    string StageName,
    StageOutcome Outcome,
    decimal Amount,
    string Currency,
    int Probability,
    decimal WeightedAmount,
    DateOnly CloseDate,
    string OwnerId,
    string OwnerName,
    ForecastCategory ForecastCategory,
    OpportunitySource Source,
    string? LostReason,
    string? Description,
    int? ContractId,
    string? ContractName,
    DateOnly? RenewalTermEnd,
    DateOnly? RfpDueDate,
    DateTime StageChangedAt,
    DateTime? ClosedAt,
    bool Archived,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IVersioned;

public sealed record StageChangeDto(long Id, string? FromStage, string ToStage, decimal Amount, int Probability, string? ByName, DateTime At,
    /// <summary>How long it stayed in the stage it entered: until the next change, or until now.</summary>
    TimeSpan TimeInStage);

public sealed record StageDto(int Id, OpportunityType Type, string Name, int Position, int Probability, StageOutcome Outcome, bool IsActive, long Version);

/// <summary>Filters, sort and page of the opportunity list (GET /api/v1/opportunities), the board and the forecast's drill-downs.</summary>
public sealed record OpportunityListQuery
{
    public int? AccountId { get; init; }
    public string? OwnerId { get; init; }
    public int? TeamId { get; init; }
    /// <summary>Only opportunities owned by the people whose numbers the viewer reports on (themselves; a manager's teams).</summary>
    public bool? InScope { get; init; }
    public OpportunityType? Type { get; init; }
    public int? StageId { get; init; }
    public StageOutcome? Outcome { get; init; }
    public ForecastCategory? Category { get; init; }
    /// <summary>A quarter, "2026-Q4": the close date falls in it.</summary>
    public string? Period { get; init; }
    public DateOnly? CloseFrom { get; init; }
    public DateOnly? CloseTo { get; init; }
    public string? Currency { get; init; }
    public string? Search { get; init; }
    public bool? IncludeArchived { get; init; }
    /// <summary>close, name, account, amount, stage, owner, updated; prefix with '-' for descending.</summary>
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}
