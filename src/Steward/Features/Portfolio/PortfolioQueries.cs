using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Portfolio;

/// <summary>
/// The portfolio views over the stored scores. All queries go through the access filters, so a
/// manager's matrix, 80/20 and load cover exactly the accounts they may see.
/// </summary>
public sealed class PortfolioQueries(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, PortfolioSummaryCache cache)
{
    /// <summary>Bubbles drawn in the matrix; the rest are counted, not drawn (a chart of 100k dots helps nobody).</summary>
    public const int MatrixLimit = 400;

    // A member-init class, not a positional record: EF can translate member access on the former only.
    private sealed class Scored
    {
        public Account Account { get; init; } = default!;
        public AccountScore Score { get; init; } = default!;
    }

    /// <summary>
    /// Non-archived accounts the viewer may see, with their scores. The scores' own access filter
    /// is skipped: the join to the filtered accounts already decides, and checking twice doubled
    /// the cost of every portfolio query.
    /// </summary>
    private static IQueryable<Scored> Visible(StewardDbContext db, PortfolioFilter filter)
    {
        var scores = db.Set<AccountScore>().AsNoTracking().IgnoreQueryFilters([StewardDbContext.AccountOwnedFilterKey]);
        var rows = db.Accounts.AsNoTracking().Where(a => a.ArchivedAt == null)
            .Join(scores, a => a.Id, s => s.AccountId, (a, s) => new Scored { Account = a, Score = s });
        if (InputValidation.Clean(filter.OwnerId) is { } owner) rows = rows.Where(r => r.Account.OwnerId == owner);
        if (filter.TeamId is { } team) rows = rows.Where(r => r.Account.Owner!.TeamId == team);
        if (InputValidation.Clean(filter.Sector) is { } sector) rows = rows.Where(r => r.Account.Sector == sector);
        if (InputValidation.Clean(filter.Region) is { } region) rows = rows.Where(r => r.Account.Region == region);
        if (filter.Quadrant is { } quadrant) rows = rows.Where(r => r.Score.Quadrant == quadrant);
        if (filter.Tier is { } tier) rows = rows.Where(r => r.Account.Tier == tier);
        return rows;
    }

    /// <summary>The summary as the viewer last saw it, unless something it reads has changed since (see <see cref="PortfolioSummaryCache"/>).</summary>
    public Task<PortfolioSummary> SummaryAsync(PortfolioFilter filter, CancellationToken ct = default) =>
        cache.GetOrComputeAsync(viewer, filter, () => ComputeSummaryAsync(filter, ct));

    /// <summary>
    /// Four passes over the visible portfolio: counts and revenue per manager × quadrant × key
    /// (which give the quadrants, the load and the 80/20 total), the matrix's largest accounts,
    /// the rising list, and the revenues in order for the 80/20 curve.
    /// </summary>
    public async Task<PortfolioSummary> ComputeSummaryAsync(PortfolioFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await ScoringService.SettingsAsync(db, ct);
        var visible = Visible(db, filter);

        var groups = await visible.GroupBy(r => new { r.Account.OwnerId, r.Score.Quadrant, Key = r.Account.Tier == AccountTier.Key })
            .Select(g => new
            {
                g.Key.OwnerId,
                g.Key.Quadrant,
                g.Key.Key,
                Accounts = g.Count(),
                Revenue = g.Sum(r => r.Score.OwnRevenue12),
                PositiveRevenue = g.Sum(r => r.Score.OwnRevenue12 > 0 ? r.Score.OwnRevenue12 : 0),
            })
            .ToListAsync(ct);
        var count = groups.Sum(g => g.Accounts);
        var quadrants = groups.GroupBy(g => g.Quadrant).Select(q => new QuadrantCount(q.Key, q.Sum(g => g.Accounts), q.Sum(g => g.Revenue))).ToList();

        var matrix = await visible.OrderByDescending(r => r.Score.Revenue12).ThenBy(r => r.Account.Id).Take(MatrixLimit)
            .Select(r => new MatrixPoint(r.Account.Id, r.Account.Name, r.Score.Attractiveness, r.Score.Position, r.Score.Revenue12, r.Account.Tier, r.Score.Quadrant))
            .ToListAsync(ct);

        var rising = await visible.Where(r => r.Account.Tier != AccountTier.Key && (r.Score.Quadrant == Quadrant.Develop || r.Score.Potential > 0))
            .OrderByDescending(r => r.Score.PotentialScore + r.Score.GrowthScore).ThenByDescending(r => r.Score.Attractiveness).ThenBy(r => r.Account.Id).Take(10)
            .Select(r => new RisingAccount(r.Account.Id, r.Account.Name, r.Account.Owner!.DisplayName, r.Account.Tier, r.Score.Potential, r.Score.Growth, r.Score.Attractiveness))
            .ToListAsync(ct);

        var pareto = new ParetoBuilder(count, groups.Sum(g => g.PositiveRevenue));
        await foreach (var revenue in visible.Where(r => r.Score.OwnRevenue12 > 0).OrderByDescending(r => r.Score.OwnRevenue12).Select(r => r.Score.OwnRevenue12).AsAsyncEnumerable().WithCancellation(ct))
        {
            pareto.Add(revenue);
        }

        var ownerIds = groups.Select(g => g.OwnerId).Distinct().ToList();
        var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, Team = u.Team != null ? u.Team.Name : null })
            .ToDictionaryAsync(u => u.Id, ct);
        var load = groups.GroupBy(g => g.OwnerId)
            .Select(o => (Owner: owners.GetValueOrDefault(o.Key), Id: o.Key, Accounts: o.Sum(g => g.Accounts), Key: o.Where(g => g.Key).Sum(g => g.Accounts)))
            .Select(o => new ManagerLoad(o.Id, o.Owner?.DisplayName ?? o.Id, o.Owner?.Team, o.Accounts, o.Key, settings.AccountsPerManager, settings.KeyAccountsPerManager))
            .OrderByDescending(l => l.Accounts).ThenBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ToList();

        var scoredAt = await db.Set<ScoringRun>().OrderByDescending(r => r.FinishedAt).Select(r => (DateTime?)r.FinishedAt).FirstOrDefaultAsync(ct);
        return new PortfolioSummary(matrix, Math.Max(0, count - matrix.Count), pareto.Build(), quadrants, load, rising, scoredAt);
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
