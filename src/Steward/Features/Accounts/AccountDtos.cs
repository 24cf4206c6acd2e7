using Steward.Infrastructure.Http;

namespace Steward.Features.Accounts;

/// <summary>An account as the API and the account page show it.</summary>
public sealed record AccountDto(
    int Id,
    string Name,
    string? ExternalId,
    string? Sector,
    string? Country,
    string? Region,
    string? Website,
    int? Employees,
    decimal? AnnualRevenue,
    string Currency,
    int? ParentId,
    string? ParentName,
    string OwnerId,
    string OwnerName,
    AccountTier Tier,
    AccountStatus Status,
    DateOnly? CustomerSince,
    decimal? EstimatedWallet,
    int? StrategicFit,
    int? Replaceability,
    int? RelationshipStrength,
    string? Notes,
    bool Archived,
    DateTime? ArchivedAt,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IVersioned;

/// <summary>One row of the accounts list.</summary>
public sealed record AccountListItem(
    int Id,
    string Name,
    string? Sector,
    string? Country,
    string OwnerId,
    string OwnerName,
    AccountTier Tier,
    AccountStatus Status,
    decimal Revenue12Months,
    int? ParentId,
    string? ParentName,
    bool Archived);

/// <summary>Filters, sort and page of the accounts list (query string of GET /api/v1/accounts).</summary>
public sealed record AccountListQuery
{
    public string? Search { get; init; }
    public string? OwnerId { get; init; }
    public AccountTier? Tier { get; init; }
    public AccountStatus? Status { get; init; }
    public string? Sector { get; init; }
    public int? ParentId { get; init; }
    public bool? IncludeArchived { get; init; }
    /// <summary>name, sector, country, owner, tier, status, revenue, updated; prefix with '-' for descending.</summary>
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}
