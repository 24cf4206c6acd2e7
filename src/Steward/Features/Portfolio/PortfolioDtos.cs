using Steward.Features.Accounts;

namespace Steward.Features.Portfolio;

/// <summary>The portfolio filters (query string of the portfolio API).</summary>
public sealed record PortfolioFilter
{
    public string? OwnerId { get; init; }
    public int? TeamId { get; init; }
    public string? Sector { get; init; }
    public string? Region { get; init; }
    public Quadrant? Quadrant { get; init; }
    public AccountTier? Tier { get; init; }
}

public sealed record MatrixPoint(int AccountId, string Name, int Attractiveness, int Position, decimal Revenue12, AccountTier Tier, Quadrant Quadrant);

public sealed record ParetoPoint(decimal ShareOfAccounts, decimal ShareOfRevenue);

/// <summary>"The top <see cref="TopCount"/> accounts (<see cref="TopShareOfAccounts"/>) bring <see cref="TopShareOfRevenue"/> of revenue."</summary>
public sealed record ParetoSummary(int Accounts, decimal TotalRevenue, int TopCount, decimal TopShareOfAccounts, decimal TopShareOfRevenue, IReadOnlyList<ParetoPoint> Curve)
{
    public string Sentence => Accounts == 0 || TotalRevenue == 0
        ? "No revenue in the last 12 months yet."
        : $"The top {TopCount} accounts ({Percent(TopShareOfAccounts)}) bring {Percent(TopShareOfRevenue)} of revenue.";

    private static string Percent(decimal share) => $"{Math.Round(share * 100, MidpointRounding.AwayFromZero):0}%";
}

public sealed record ManagerLoad(string UserId, string Name, string? Team, int Accounts, int KeyAccounts, int Capacity, int KeyCapacity)
{
    public bool OverCapacity => Accounts > Capacity || KeyAccounts > KeyCapacity;
}

public sealed record PortfolioRow(
    int AccountId, string Name, string OwnerName, string? Sector, string? Region, AccountTier Tier, AccountTier RecommendedTier,
    Quadrant Quadrant, int Attractiveness, int Position, decimal Revenue12, decimal? Growth);

public sealed record RisingAccount(int AccountId, string Name, string OwnerName, AccountTier Tier, decimal? Potential, decimal? Growth, int Attractiveness);

public sealed record QuadrantCount(Quadrant Quadrant, int Accounts, decimal Revenue12);

/// <summary>Everything the portfolio page shows above its table, in one round of queries.</summary>
public sealed record PortfolioSummary(
    IReadOnlyList<MatrixPoint> Matrix, int MatrixOmitted, ParetoSummary Pareto, IReadOnlyList<QuadrantCount> Quadrants,
    IReadOnlyList<ManagerLoad> Load, IReadOnlyList<RisingAccount> Rising, DateTime? ScoredAt);
