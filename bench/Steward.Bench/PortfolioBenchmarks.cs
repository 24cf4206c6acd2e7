using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Accounts;
using Steward.Features.Portfolio;

namespace Steward.Bench;

/// <summary>
/// Everything the portfolio page loads for 100,000 scored accounts (summary: quadrants, matrix,
/// 80/20, load, rising; and the first table page), computed and from the summary cache, as a
/// manager and as an admin. Baseline:
/// the first page of the plain accounts list for the admin. Target: p95 under 300 ms.
/// </summary>
[Config(typeof(QueryScenarioConfig))]
public class PortfolioBenchmarks
{
    private WebApplication _app = default!;
    private AsyncServiceScope _admin;
    private AsyncServiceScope _manager;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = BenchDatabase.Sqlite;

    public static IEnumerable<string> Providers() => BenchDatabase.Providers();

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _app = await BenchDatabase.OpenAsync(Provider, accounts: 100_000, months: 24);
        _admin = await BenchDatabase.ScopeForAsync(_app, "admin@steward.demo");
        _manager = await BenchDatabase.ScopeForAsync(_app, "manager@steward.demo");
    }

    [Benchmark(Baseline = true, Description = "accounts list, first page (admin)")]
    public Task<object> AccountsPage() => Wrap(_admin.ServiceProvider.GetRequiredService<AccountQueries>().ListAsync(new AccountListQuery { PageSize = 25 }));

    [Benchmark(Description = "portfolio page data, computed (admin, 100k accounts)")]
    public Task<object> PortfolioAdminComputed() => PageDataAsync(_admin, cached: false);

    [Benchmark(Description = "portfolio page data, computed (manager of a team)")]
    public Task<object> PortfolioManagerComputed() => PageDataAsync(_manager, cached: false);

    [Benchmark(Description = "portfolio page data, warm (admin)")]
    public Task<object> PortfolioAdminWarm() => PageDataAsync(_admin, cached: true);

    [Benchmark(Description = "portfolio page data, warm (manager of a team)")]
    public Task<object> PortfolioManagerWarm() => PageDataAsync(_manager, cached: true);

    /// <summary>
    /// The summary and the table's first page. Computed: every aggregate runs (the first view after
    /// a change). Warm: the summary comes from the cache the page uses; the table page still runs.
    /// </summary>
    private static async Task<object> PageDataAsync(AsyncServiceScope scope, bool cached)
    {
        var queries = scope.ServiceProvider.GetRequiredService<PortfolioQueries>();
        var filter = new PortfolioFilter();
        var summary = cached ? await queries.SummaryAsync(filter) : await queries.ComputeSummaryAsync(filter);
        var table = await queries.TableAsync(filter, sort: null, page: 1, pageSize: 25);
        return (summary, table);
    }

    private static async Task<object> Wrap<T>(Task<T> task) => (await task)!;

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _admin.DisposeAsync();
        await _manager.DisposeAsync();
        await _app.DisposeAsync();
    }
}
