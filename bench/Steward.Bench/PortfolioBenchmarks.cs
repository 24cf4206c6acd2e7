using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Accounts;
using Steward.Features.Portfolio;

namespace Steward.Bench;

/// <summary>
/// Everything the portfolio page loads for 100,000 scored accounts (summary: quadrants, matrix,
/// 80/20, load, rising; and the first table page), warm, as a manager and as an admin. Baseline:
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

    [Benchmark(Description = "portfolio page data (admin, 100k accounts)")]
    public Task<object> PortfolioAdmin() => PageDataAsync(_admin);

    [Benchmark(Description = "portfolio page data (manager of a team)")]
    public Task<object> PortfolioManager() => PageDataAsync(_manager);

    private static async Task<object> PageDataAsync(AsyncServiceScope scope)
    {
        var queries = scope.ServiceProvider.GetRequiredService<PortfolioQueries>();
        var filter = new PortfolioFilter();
        var summary = await queries.SummaryAsync(filter);
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
