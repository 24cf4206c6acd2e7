using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Revenue;
using Steward.Infrastructure.Access;

namespace Steward.Features.Portfolio;

/// <summary>
/// Recomputes every account's score in one set-based pass: two aggregate queries in, the maths in
/// memory (percentile ranks need the whole portfolio), one bulk write out, in one transaction.
/// Readers see either the old scores or the new ones, never a mix.
/// </summary>
public sealed class ScoringService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScoringService> logger)
{
    private static readonly SemaphoreSlim OnePassAtATime = new(1, 1);

    private static readonly string[] ScoreProperties =
    [
        nameof(AccountScore.AccountId), nameof(AccountScore.Revenue12), nameof(AccountScore.RevenuePrevious12), nameof(AccountScore.OwnRevenue12),
        nameof(AccountScore.Growth), nameof(AccountScore.Potential), nameof(AccountScore.Margin), nameof(AccountScore.ShareOfWallet),
        nameof(AccountScore.RevenueScore), nameof(AccountScore.GrowthScore), nameof(AccountScore.PotentialScore), nameof(AccountScore.MarginScore),
        nameof(AccountScore.StrategicFitScore), nameof(AccountScore.ReplaceabilityScore), nameof(AccountScore.ShareOfWalletScore), nameof(AccountScore.RelationshipScore),
        nameof(AccountScore.Attractiveness), nameof(AccountScore.Position), nameof(AccountScore.Quadrant), nameof(AccountScore.RecommendedTier), nameof(AccountScore.ComputedAt),
    ];

    private static readonly string[] ChangeProperties =
    [
        nameof(AccountChange.AccountId), nameof(AccountChange.Kind), nameof(AccountChange.From), nameof(AccountChange.To),
        nameof(AccountChange.Reason), nameof(AccountChange.ByUserId), nameof(AccountChange.At),
    ];

    public async Task<ScoringRun> RecomputeAsync(string trigger, string? byUserId = null, CancellationToken ct = default)
    {
        await OnePassAtATime.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Viewer>().SetSystem();
            var db = scope.ServiceProvider.GetRequiredService<StewardDbContext>();
            db.Database.SetCommandTimeout(BulkWork.CommandTimeout);
            var started = clock.GetUtcNow().UtcDateTime;
            var startedAt = clock.GetTimestamp();

            var settings = await SettingsAsync(db, ct);
            var (facts, ownRevenue, previous) = await GatherFactsAsync(db, ct);
            var gathered = clock.GetElapsedTime(startedAt);
            var scores = ScoringMath.ScoreAll(facts, settings, started);
            foreach (var score in scores) score.OwnRevenue12 = ownRevenue.GetValueOrDefault(score.AccountId);
            var changes = scores.Where(s => previous.TryGetValue(s.AccountId, out var q) && q != s.Quadrant).ToList();
            var scored = clock.GetElapsedTime(startedAt);

            var strategy = db.Database.CreateExecutionStrategy();
            var run = await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.Set<AccountScore>().ExecuteDeleteAsync(ct);
                await BulkWriter.InsertAsync(db, BulkTable.For<AccountScore>(db, ScoreProperties), scores.Select(ScoreRow), ct);
                await BulkWriter.InsertAsync(db, BulkTable.For<AccountChange>(db, ChangeProperties), changes.Select(s => new object?[]
                {
                    s.AccountId, nameof(AccountChangeKind.ScoreChanged), previous[s.AccountId].ToString(), s.Quadrant.ToString(),
                    $"Attractiveness {s.Attractiveness}, position {s.Position}", byUserId, started,
                }), ct);
                var run = new ScoringRun { StartedAt = started, FinishedAt = clock.GetUtcNow().UtcDateTime, Accounts = scores.Count, QuadrantChanges = changes.Count, Trigger = trigger, ByUserId = byUserId };
                db.Add(run);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return run;
            });
            logger.LogInformation("Scored {Accounts} accounts ({Changes} changed quadrant) in {Ms:F0} ms (reading {Gather:F0} ms, scoring {Score:F0} ms, writing {Write:F0} ms), trigger {Trigger}.",
                run.Accounts, run.QuadrantChanges, clock.GetElapsedTime(startedAt).TotalMilliseconds, gathered.TotalMilliseconds,
                (scored - gathered).TotalMilliseconds, (clock.GetElapsedTime(startedAt) - scored).TotalMilliseconds, trigger);
            return run;
        }
        finally
        {
            OnePassAtATime.Release();
        }
    }

    public static async Task<PortfolioSettings> SettingsAsync(StewardDbContext db, CancellationToken ct) =>
        await db.Set<PortfolioSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == PortfolioSettings.SingletonId, ct) ?? new PortfolioSettings();

    /// <summary>
    /// Revenue aggregates per account in one grouped query, the accounts with the quadrant of their
    /// previous score in another, then the roll-up of subsidiaries into their parents.
    /// </summary>
    /// <remarks>
    /// The pass runs as the system and covers every account, so the per-row "is its account
    /// visible" filter is skipped: it would join 2.4 million revenue lines to the accounts to
    /// learn what is already known.
    /// </remarks>
    private async Task<(List<ScoringFacts> Facts, Dictionary<int, decimal> OwnRevenue, Dictionary<int, Quadrant> Previous)> GatherFactsAsync(StewardDbContext db, CancellationToken ct)
    {
        var window = RevenueWindow.Trailing12Months(clock);
        var from = window.From;
        var previousFrom = window.From.AddMonths(-12);
        var to = window.To;

        var revenue = await db.RevenueLines.AsNoTracking().IgnoreQueryFilters([StewardDbContext.AccountOwnedFilterKey])
            .Where(r => r.Period >= previousFrom && r.Period < to)
            .GroupBy(r => r.AccountId)
            .Select(g => new
            {
                AccountId = g.Key,
                Current = g.Sum(r => r.Period >= from ? r.Amount : 0m),
                Previous = g.Sum(r => r.Period < from ? r.Amount : 0m),
                MarginAmount = g.Sum(r => r.Period >= from && r.Margin != null ? r.Amount * r.Margin!.Value : 0m),
                AmountWithMargin = g.Sum(r => r.Period >= from && r.Margin != null ? r.Amount : 0m),
            })
            .ToDictionaryAsync(r => r.AccountId, ct);

        var accounts = await (
            from a in db.Accounts.AsNoTracking().Where(a => a.ArchivedAt == null)
            join s in db.Set<AccountScore>().AsNoTracking().IgnoreQueryFilters([StewardDbContext.AccountOwnedFilterKey]) on a.Id equals s.AccountId into scored
            from s in scored.DefaultIfEmpty()
            select new { a.Id, a.ParentId, a.EstimatedWallet, a.StrategicFit, a.Replaceability, a.RelationshipStrength, Previous = s == null ? (Quadrant?)null : s.Quadrant })
            .ToListAsync(ct);

        // Group totals: every account adds its own figures to itself and to each of its ancestors.
        var parentOf = accounts.ToDictionary(a => a.Id, a => a.ParentId);
        var totals = accounts.ToDictionary(a => a.Id, _ => new decimal[5]);
        foreach (var account in accounts)
        {
            if (!revenue.TryGetValue(account.Id, out var r)) continue;
            int? current = account.Id;
            for (var depth = 0; current is { } id && totals.ContainsKey(id) && depth < 20; depth++)
            {
                var t = totals[id];
                t[0] += r.Current;
                t[1] += r.Previous;
                t[2] += r.MarginAmount;
                t[3] += r.AmountWithMargin;
                current = parentOf[id];
            }
        }
        var childWallets = accounts.Where(a => a.ParentId is not null && a.EstimatedWallet is not null)
            .GroupBy(a => a.ParentId!.Value).ToDictionary(g => g.Key, g => g.Sum(a => a.EstimatedWallet!.Value));

        var facts = accounts.Select(a =>
        {
            var t = totals[a.Id];
            // A group's wallet is its own estimate if it has one, else what its subsidiaries' estimates add up to.
            var wallet = a.EstimatedWallet ?? (childWallets.TryGetValue(a.Id, out var w) ? w : null);
            return new ScoringFacts(a.Id, t[0], t[1], wallet, t[3] == 0 ? null : t[2] / t[3], a.StrategicFit, a.Replaceability, a.RelationshipStrength);
        }).ToList();
        var previous = accounts.Where(a => a.Previous is not null).ToDictionary(a => a.Id, a => a.Previous!.Value);
        return (facts, revenue.ToDictionary(r => r.Key, r => r.Value.Current), previous);
    }

    private static object?[] ScoreRow(AccountScore s) =>
    [
        s.AccountId, s.Revenue12, s.RevenuePrevious12, s.OwnRevenue12, s.Growth, s.Potential, s.Margin, s.ShareOfWallet,
        s.RevenueScore, s.GrowthScore, s.PotentialScore, s.MarginScore, s.StrategicFitScore, s.ReplaceabilityScore, s.ShareOfWalletScore, s.RelationshipScore,
        s.Attractiveness, s.Position, s.Quadrant.ToString(), s.RecommendedTier.ToString(), s.ComputedAt,
    ];
}
