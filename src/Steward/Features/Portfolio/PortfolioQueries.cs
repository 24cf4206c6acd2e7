using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Portfolio;

/// <summary>
/// The portfolio views over the stored scores. All queries go through the access filters, so a
/// manager's matrix, 80/20 and load cover exactly the accounts they may see.
/// </summary>
public sealed class PortfolioQueries(IDbContextFactory<StewardDbContext> dbFactory)
{
    /// <summary>Bubbles drawn in the matrix; the rest are counted, not drawn (a chart of 100k dots helps nobody).</summary>
    public const int MatrixLimit = 400;

    // A member-init class, not a positional record: EF can translate member access on the former only.
    private sealed class Scored
    {
        public Account Account { get; init; } = default!;
        public AccountScore Score { get; init; } = default!;
    }

    private static IQueryable<Scored> Visible(StewardDbContext db, PortfolioFilter filter)
    {
        var rows = db.Accounts.AsNoTracking().Where(a => a.ArchivedAt == null)
            .Join(db.Set<AccountScore>().AsNoTracking(), a => a.Id, s => s.AccountId, (a, s) => new Scored { Account = a, Score = s });
        if (InputValidation.Clean(filter.OwnerId) is { } owner) rows = rows.Where(r => r.Account.OwnerId == owner);
        if (filter.TeamId is { } team) rows = rows.Where(r => r.Account.Owner!.TeamId == team);
        if (InputValidation.Clean(filter.Sector) is { } sector) rows = rows.Where(r => r.Account.Sector == sector);
        if (InputValidation.Clean(filter.Region) is { } region) rows = rows.Where(r => r.Account.Region == region);
        if (filter.Quadrant is { } quadrant) rows = rows.Where(r => r.Score.Quadrant == quadrant);
        if (filter.Tier is { } tier) rows = rows.Where(r => r.Account.Tier == tier);
        return rows;
    }

    public async Task<PortfolioSummary> SummaryAsync(PortfolioFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await ScoringService.SettingsAsync(db, ct);
        var visible = Visible(db, filter);

        var matrix = await visible.OrderByDescending(r => r.Score.Revenue12).ThenBy(r => r.Account.Id).Take(MatrixLimit)
            .Select(r => new MatrixPoint(r.Account.Id, r.Account.Name, r.Score.Attractiveness, r.Score.Position, r.Score.Revenue12, r.Account.Tier, r.Score.Quadrant))
            .ToListAsync(ct);
        var quadrants = await visible.GroupBy(r => r.Score.Quadrant)
            .Select(g => new QuadrantCount(g.Key, g.Count(), g.Sum(r => r.Score.OwnRevenue12)))
            .ToListAsync(ct);
        var count = quadrants.Sum(q => q.Accounts);

        var load = await visible.GroupBy(r => new { r.Account.OwnerId, r.Account.Owner!.DisplayName, Team = r.Account.Owner.Team != null ? r.Account.Owner.Team.Name : null })
            .Select(g => new { g.Key.OwnerId, g.Key.DisplayName, g.Key.Team, Accounts = g.Count(), Key = g.Count(r => r.Account.Tier == AccountTier.Key) })
            .ToListAsync(ct);

        var rising = await visible.Where(r => r.Account.Tier != AccountTier.Key && (r.Score.Quadrant == Quadrant.Develop || r.Score.Potential > 0))
            .OrderByDescending(r => r.Score.PotentialScore + r.Score.GrowthScore).ThenByDescending(r => r.Score.Attractiveness).ThenBy(r => r.Account.Id).Take(10)
            .Select(r => new RisingAccount(r.Account.Id, r.Account.Name, r.Account.Owner!.DisplayName, r.Account.Tier, r.Score.Potential, r.Score.Growth, r.Score.Attractiveness))
            .ToListAsync(ct);

        var scoredAt = await db.Set<ScoringRun>().OrderByDescending(r => r.FinishedAt).Select(r => (DateTime?)r.FinishedAt).FirstOrDefaultAsync(ct);
        return new PortfolioSummary(matrix, Math.Max(0, count - matrix.Count), await ParetoAsync(visible, ct), quadrants,
            [.. load.OrderByDescending(l => l.Accounts).Select(l => new ManagerLoad(l.OwnerId, l.DisplayName, l.Team, l.Accounts, l.Key, settings.AccountsPerManager, settings.KeyAccountsPerManager))],
            rising, scoredAt);
    }

    /// <summary>
    /// Accounts ranked by their own revenue (parents without their subsidiaries, so nothing counts
    /// twice), streamed from the database in order; only one number per account is read.
    /// </summary>
    private static async Task<ParetoSummary> ParetoAsync(IQueryable<Scored> visible, CancellationToken ct)
    {
        var revenues = new List<decimal>();
        await foreach (var revenue in visible.Where(r => r.Score.OwnRevenue12 > 0).OrderByDescending(r => r.Score.OwnRevenue12).Select(r => r.Score.OwnRevenue12).AsAsyncEnumerable().WithCancellation(ct))
        {
            revenues.Add(revenue);
        }
        var accounts = await visible.CountAsync(ct);
        return Pareto(revenues, accounts);
    }

    /// <summary>The 80/20 figures from revenues sorted high to low; <paramref name="accounts"/> includes those without revenue.</summary>
    public static ParetoSummary Pareto(IReadOnlyList<decimal> sortedRevenues, int accounts)
    {
        var total = sortedRevenues.Sum();
        if (accounts == 0 || total == 0) return new ParetoSummary(accounts, 0, 0, 0, 0, []);
        var curve = new List<ParetoPoint> { new(0, 0) };
        decimal cumulative = 0;
        var top = 0;
        decimal topShare = 0;
        var step = Math.Max(1, accounts / 50);
        for (var i = 0; i < sortedRevenues.Count; i++)
        {
            cumulative += sortedRevenues[i];
            if (top == 0 && cumulative >= total * 0.8m)
            {
                top = i + 1;
                topShare = cumulative / total;
            }
            if ((i + 1) % step == 0) curve.Add(new ParetoPoint((decimal)(i + 1) / accounts, cumulative / total));
        }
        curve.Add(new ParetoPoint(1, 1));
        return new ParetoSummary(accounts, total, top, (decimal)top / accounts, topShare, curve);
    }

    public async Task<Page<PortfolioRow>> TableAsync(PortfolioFilter filter, string? sort, int? page, int? pageSize, CancellationToken ct = default)
    {
        var (p, size) = Paging.Clamp(page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Visible(db, filter);
        var total = await rows.CountAsync(ct);
        var descending = sort?.StartsWith('-') != false;
        IOrderedQueryable<Scored> ordered = sort?.TrimStart('-', '+').ToLowerInvariant() switch
        {
            "name" => descending ? rows.OrderByDescending(r => r.Account.Name) : rows.OrderBy(r => r.Account.Name),
            "revenue" => descending ? rows.OrderByDescending(r => r.Score.Revenue12) : rows.OrderBy(r => r.Score.Revenue12),
            "position" => descending ? rows.OrderByDescending(r => r.Score.Position) : rows.OrderBy(r => r.Score.Position),
            "growth" => descending ? rows.OrderByDescending(r => r.Score.Growth) : rows.OrderBy(r => r.Score.Growth),
            "owner" => descending ? rows.OrderByDescending(r => r.Account.Owner!.DisplayName) : rows.OrderBy(r => r.Account.Owner!.DisplayName),
            null or "" or "attractiveness" => descending ? rows.OrderByDescending(r => r.Score.Attractiveness) : rows.OrderBy(r => r.Score.Attractiveness),
            _ => throw new InvalidInputException("Sort", $"Cannot sort by '{sort}'. Use attractiveness, position, revenue, growth, name or owner, with '-' for descending."),
        };
        var items = await ordered.ThenBy(r => r.Account.Id).Skip((p - 1) * size).Take(size)
            .Select(r => new PortfolioRow(r.Account.Id, r.Account.Name, r.Account.Owner!.DisplayName, r.Account.Sector, r.Account.Region, r.Account.Tier,
                r.Score.RecommendedTier, r.Score.Quadrant, r.Score.Attractiveness, r.Score.Position, r.Score.Revenue12, r.Score.Growth))
            .ToListAsync(ct);
        return new Page<PortfolioRow>(items, p, size, total);
    }
}
