using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Portfolio;
using Steward.Features.Revenue;
using Steward.Infrastructure.Access;

namespace Steward.Bench;

/// <summary>
/// Rescoring 100,000 accounts with 24 months of revenue (2.4 million lines) against a hand-written
/// set-based SQL baseline that does the database part of the same work in one statement: trailing
/// and previous 12 months and margin per account, percentile rank of revenue, written to a table.
/// Target: Steward's full pass (roll-up to parents, every criterion, quadrants, history of
/// quadrant changes) within 2× of it.
/// </summary>
[Config(typeof(LoadScenarioConfig))]
public class ScoringBenchmarks
{
    private WebApplication _app = default!;
    private string _baselineSql = "";
    private object[] _window = [];

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = BenchDatabase.Sqlite;

    public static IEnumerable<string> Providers() => BenchDatabase.Providers();

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _app = await BenchDatabase.OpenAsync(Provider, accounts: 100_000, months: 24);
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Viewer>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<StewardDbContext>();
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TABLE IF NOT EXISTS "BenchScores" ("AccountId" integer PRIMARY KEY, "Revenue12" numeric, "Previous12" numeric, "Margin" numeric, "RevenueRank" double precision)
            """);
        var lines = db.Model.FindEntityType(typeof(RevenueLine))!.GetTableName();
        var window = RevenueWindow.Trailing12Months(TimeProvider.System);
        _window = [window.From, window.From.AddMonths(-12), window.To];
        _baselineSql = $$"""
            INSERT INTO "BenchScores" ("AccountId", "Revenue12", "Previous12", "Margin", "RevenueRank")
            SELECT "AccountId", current12, previous12, margin, PERCENT_RANK() OVER (ORDER BY current12)
            FROM (
                SELECT "AccountId",
                       SUM(CASE WHEN "Period" >= {0} THEN "Amount" ELSE 0 END) AS current12,
                       SUM(CASE WHEN "Period" < {0} THEN "Amount" ELSE 0 END) AS previous12,
                       SUM(CASE WHEN "Period" >= {0} AND "Margin" IS NOT NULL THEN "Amount" * "Margin" ELSE 0 END)
                         / NULLIF(SUM(CASE WHEN "Period" >= {0} AND "Margin" IS NOT NULL THEN "Amount" ELSE 0 END), 0) AS margin
                FROM "{{lines}}" WHERE "Period" >= {1} AND "Period" < {2}
                GROUP BY "AccountId") totals
            """;
    }

    [Benchmark(Baseline = true, Description = "hand-written SQL: aggregate, rank, write")]
    public async Task<int> HandWrittenSql()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Viewer>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<StewardDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "BenchScores" """);
        var written = await db.Database.ExecuteSqlRawAsync(_baselineSql, _window);
        await transaction.CommitAsync();
        return written;
    }

    [Benchmark(Description = "Steward: rescore the whole portfolio")]
    public async Task<int> Rescore() =>
        (await _app.Services.GetRequiredService<ScoringService>().RecomputeAsync("bench")).Accounts;

    [GlobalCleanup]
    public Task CleanupAsync() => _app.DisposeAsync().AsTask();
}
