using System.ComponentModel.DataAnnotations;

namespace Steward.Features.Accounts;

/// <summary>What a person may set on an account: the body of POST/PUT/PATCH and the edit form's model.</summary>
public sealed class AccountInput
{
    [Required(ErrorMessage = "Name is required.")]
    [StringLength(200, ErrorMessage = "Name can be at most 200 characters.")]
    public string Name { get; set; } = "";

    [StringLength(100, ErrorMessage = "External id can be at most 100 characters.")]
    public string? ExternalId { get; set; }

    [StringLength(100, ErrorMessage = "Sector can be at most 100 characters.")]
    public string? Sector { get; set; }

    [StringLength(100, ErrorMessage = "Country can be at most 100 characters.")]
    public string? Country { get; set; }

    [StringLength(100, ErrorMessage = "Region can be at most 100 characters.")]
    public string? Region { get; set; }

    [StringLength(300, ErrorMessage = "Website can be at most 300 characters.")]
    [RegularExpression(@"^(https?://)?[\w.-]+\.[a-zA-Z]{2,}(/\S*)?$", ErrorMessage = "Website must be a web address like example.com or https://example.com.")]
    public string? Website { get; set; }

    [Range(0, 10_000_000, ErrorMessage = "Employees must be between 0 and 10,000,000.")]
    public int? Employees { get; set; }

    [Range(typeof(decimal), "0", "1000000000000000", ErrorMessage = "Annual revenue must be zero or more.")]
    public decimal? AnnualRevenue { get; set; }

    [Required(ErrorMessage = "Currency is required.")]
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency must be a three-letter ISO code such as EUR or USD.")]
    public string Currency { get; set; } = "EUR";

    public int? ParentId { get; set; }

    /// <summary>The account manager who owns the account. Empty means the person creating it.</summary>
    public string? OwnerId { get; set; }

    [EnumDataType(typeof(AccountTier), ErrorMessage = "Tier must be one of Unassigned, Key, Growth, Standard.")]
    public AccountTier Tier { get; set; } = AccountTier.Unassigned;

    [EnumDataType(typeof(AccountStatus), ErrorMessage = "Status must be one of Prospect, Onboarding, Active, AtRisk, Churned.")]
    public AccountStatus Status { get; set; } = AccountStatus.Active;

    public DateOnly? CustomerSince { get; set; }

    [Range(typeof(decimal), "0", "1000000000000000", ErrorMessage = "Estimated wallet must be zero or more.")]
    public decimal? EstimatedWallet { get; set; }

    [Range(1, 5, ErrorMessage = "Strategic fit must be between 1 and 5.")]
    public int? StrategicFit { get; set; }

    [Range(1, 5, ErrorMessage = "Replaceability must be between 1 and 5.")]
    public int? Replaceability { get; set; }

    [Range(1, 5, ErrorMessage = "Relationship strength must be between 1 and 5.")]
    public int? RelationshipStrength { get; set; }

    [StringLength(10_000, ErrorMessage = "Notes can be at most 10,000 characters.")]
    public string? Notes { get; set; }

    public static AccountInput From(AccountDto a) => new()
    {
        Name = a.Name,
        ExternalId = a.ExternalId,
        Sector = a.Sector,
        Country = a.Country,
        Region = a.Region,
        Website = a.Website,
        Employees = a.Employees,
        AnnualRevenue = a.AnnualRevenue,
        Currency = a.Currency,
        ParentId = a.ParentId,
        OwnerId = a.OwnerId,
        Tier = a.Tier,
        Status = a.Status,
        CustomerSince = a.CustomerSince,
        EstimatedWallet = a.EstimatedWallet,
        StrategicFit = a.StrategicFit,
        Replaceability = a.Replaceability,
        RelationshipStrength = a.RelationshipStrength,
        Notes = a.Notes,
    };
}
