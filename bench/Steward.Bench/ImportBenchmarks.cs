using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using nietras.SeparatedValues;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Demo.Generator;
using Steward.Features.Import;
using Steward.Features.Revenue;
using Steward.Infrastructure.Access;

namespace Steward.Bench;

/// <summary>
/// Importing a revenue export of a million rows (STEWARD_BENCH_ROWS to change) into an empty
/// revenue table, against a raw baseline in the same run: the same file parsed with Sep, account
/// names looked up in a dictionary, rows inserted in one transaction with a prepared statement on
/// SQLite or binary COPY on PostgreSQL, same schema and indexes. Steward's import does more (the
/// mapping, every cell checked with a named error, commits per batch so a crash loses nothing,
/// the merge that makes a second run change nothing, rescoring after), and must keep at least half the
/// throughput. Each iteration starts from an empty revenue table.
/// </summary>
[Config(typeof(LongScenarioConfig))]
public class ImportBenchmarks
{
    private const int FileAccounts = 41_667;
    private WebApplication _app = default!;
    private AsyncServiceScope _admin;
    private string _file = "";

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = BenchDatabase.Sqlite;

    public static IEnumerable<string> Providers() => BenchDatabase.Providers();

    public static long Rows => long.TryParse(Environment.GetEnvironmentVariable("STEWARD_BENCH_ROWS"), out var rows) ? rows : 1_000_000;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _app = await BenchDatabase.OpenAsync(Provider, accounts: FileAccounts, months: 0, score: false);
        _admin = await BenchDatabase.ScopeForAsync(_app, "admin@steward.demo");
        _file = Path.Combine(Path.GetTempPath(), $"steward-bench-revenue-{Rows}.csv");
        if (!File.Exists(_file))
        {
            var now = DateTime.UtcNow;
            await RevenueFileWriter.WriteAsync(_file, FileAccounts, Rows, new DateOnly(now.Year, now.Month, 1).AddMonths(-1));
        }
    }

    [IterationSetup]
    public void EmptyRevenue()
    {
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Viewer>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<StewardDbContext>();
        if (db.Database.IsNpgsql())
        {
            // TRUNCATE rather than DELETE: a million dead rows left for autovacuum would slow
            // whichever scenario runs next, and not the same way each time.
            var lines = db.Model.FindEntityType(typeof(RevenueLine))!.GetTableName();
            var before = db.Model.FindEntityType(typeof(RevenueLineBefore))!.GetTableName();
            var truncate = $"TRUNCATE \"{lines}\", \"{before}\"";   // names from the EF model
            db.Database.ExecuteSqlRaw(truncate);
        }
        else
        {
            db.RevenueLines.ExecuteDelete();
            db.Set<RevenueLineBefore>().ExecuteDelete();
        }
    }

    [Benchmark(Baseline = true, Description = "raw: Sep + prepared INSERT / binary COPY, one transaction")]
    public async Task<int> Raw()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Viewer>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<StewardDbContext>();
        var ids = await db.Accounts.ToDictionaryAsync(a => a.NormalizedName, a => a.Id);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var table = BulkTable.For<RevenueLine>(db, nameof(RevenueLine.AccountId), nameof(RevenueLine.Period), nameof(RevenueLine.Amount),
            nameof(RevenueLine.Currency), nameof(RevenueLine.Product), nameof(RevenueLine.ProductKey), nameof(RevenueLine.Margin));
        var written = await BulkWriter.InsertAsync(db, table, ParseRaw(ids), default);
        await transaction.CommitAsync();
        return written;
    }

    private IEnumerable<object?[]> ParseRaw(Dictionary<string, int> ids)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(_file);
        foreach (var row in reader)
        {
            var month = row["Month"].ToString();
            var product = row["Product"].ToString();
            yield return
            [
                ids[Account.Normalize(row["Account"].ToString())],
                new DateOnly(int.Parse(month.AsSpan(0, 4), CultureInfo.InvariantCulture), int.Parse(month.AsSpan(5, 2), CultureInfo.InvariantCulture), 1),
                decimal.Parse(row["Amount"].Span, CultureInfo.InvariantCulture),
                row["Currency"].ToString(),
                product,
                RevenueLine.KeyOf(product),
                decimal.Parse(row["Margin"].Span, CultureInfo.InvariantCulture),
            ];
        }
    }

    [Benchmark(Description = "Steward import: upload, map, validate, merge per batch, rescore")]
    public async Task<int> StewardImport()
    {
        var imports = _admin.ServiceProvider.GetRequiredService<ImportService>();
        ImportJobDto job;
        await using (var stream = File.OpenRead(_file))
        {
            job = await imports.UploadAsync(stream, Path.GetFileName(_file), ImportKind.Revenue);
        }
        await imports.SetMappingAsync(job.Id, job.Mapping);
        await using var runScope = _app.Services.CreateAsyncScope();
        var runner = runScope.ServiceProvider.GetRequiredService<ImportRunner>();
        await runner.ClaimAsync(job.Id);
        await runner.RunAsync(job.Id);
        var done = await imports.GetAsync(job.Id);
        if (done.Status != ImportStatus.Completed || done.Created != Rows) throw new InvalidOperationException($"The import ended {done.Status} with {done.Created} created: {done.Failure}");
        return done.Created;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _admin.DisposeAsync();
        await _app.DisposeAsync();
    }
}
