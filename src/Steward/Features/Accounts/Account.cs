using Steward.Data;
using Steward.Features.Contacts;
using Steward.Features.Revenue;
using Steward.Features.Users;

namespace Steward.Features.Accounts;

/// <summary>A customer organisation (or a prospect) and everything we keep about it.</summary>
public class Account : TrackedEntity
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Upper-case, trimmed, single-spaced name: for search and import matching on both databases.</summary>
    public string NormalizedName { get; set; } = "";
    /// <summary>The id the customer has in another system (a CRM export), for idempotent imports.</summary>
    public string? ExternalId { get; set; }
    public string? Sector { get; set; }
    public string? Country { get; set; }
    public string? Region { get; set; }
    public string? Website { get; set; }
    public int? Employees { get; set; }
    /// <summary>The customer's own annual revenue: how big the company is, not what it spends with us.</summary>
    public decimal? AnnualRevenue { get; set; }
    public string Currency { get; set; } = "EUR";
    public int? ParentId { get; set; }
    public Account? Parent { get; set; }
    public List<Account> Subsidiaries { get; set; } = [];
    public string OwnerId { get; set; } = "";
    public StewardUser? Owner { get; set; }
    public AccountTier Tier { get; set; }
    public AccountStatus Status { get; set; } = AccountStatus.Active;
    public DateOnly? CustomerSince { get; set; }
    /// <summary>What the customer spends a year on what we sell, with anyone: our revenue's ceiling.</summary>
    public decimal? EstimatedWallet { get; set; }
    /// <summary>1–5, set by hand: how well the customer fits our strategy.</summary>
    public int? StrategicFit { get; set; }
    /// <summary>1–5, set by hand: how easily we could replace this customer's business (5 = easily).</summary>
    public int? Replaceability { get; set; }
    /// <summary>1–5, set by hand: how strong our relationships there are overall.</summary>
    public int? RelationshipStrength { get; set; }
    public string? Notes { get; set; }
    public DateTime? ArchivedAt { get; set; }
    public string? ArchivedById { get; set; }

    public List<AccountTeamMember> TeamMembers { get; set; } = [];
    public List<Contact> Contacts { get; set; } = [];
    public List<RevenueLine> RevenueLines { get; set; } = [];

    public bool IsArchived => ArchivedAt is not null;

    public static string Normalize(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
