using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Accounts;
using Steward.Infrastructure.Http;

namespace Steward.Bench;

/// <summary>
/// The accounts list at 100,000 accounts: one page, filtered by access, against the same page for
/// an admin (no access predicate) as the baseline. The ratio is the price of record-level access.
/// </summary>
[Config(typeof(QueryScenarioConfig))]
public class AccountListBenchmarks
{
    private WebApplication _app = default!;
    private AsyncServiceScope _admin;
    private AsyncServiceScope _accountManager;
    private AsyncServiceScope _manager;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = BenchDatabase.Sqlite;

    public static IEnumerable<string> Providers() => BenchDatabase.Providers();

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _app = await BenchDatabase.OpenAsync(Provider, accounts: 100_000, months: 24);
        _admin = await BenchDatabase.ScopeForAsync(_app, "admin@steward.demo");
        _accountManager = await BenchDatabase.ScopeForAsync(_app, "am@steward.demo");
        _manager = await BenchDatabase.ScopeForAsync(_app, "manager@steward.demo");
    }

    private static Task<Page<AccountListItem>> FirstPage(AsyncServiceScope scope, string? search = null, string? sort = null) =>
        scope.ServiceProvider.GetRequiredService<AccountQueries>().ListAsync(new AccountListQuery { Search = search, Sort = sort, PageSize = 25 });

    [Benchmark(Baseline = true, Description = "admin, first page by name")]
    public Task<Page<AccountListItem>> Admin() => FirstPage(_admin);

    [Benchmark(Description = "account manager, first page by name")]
    public Task<Page<AccountListItem>> AccountManager() => FirstPage(_accountManager);

    [Benchmark(Description = "manager (team), first page by name")]
    public Task<Page<AccountListItem>> Manager() => FirstPage(_manager);

    [Benchmark(Description = "account manager, search 'harbour'")]
    public Task<Page<AccountListItem>> Search() => FirstPage(_accountManager, search: "harbour");

    [Benchmark(Description = "account manager, sorted by 12-month revenue")]
    public Task<Page<AccountListItem>> ByRevenue() => FirstPage(_accountManager, sort: "-revenue");

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _admin.DisposeAsync();
        await _accountManager.DisposeAsync();
        await _manager.DisposeAsync();
        await _app.DisposeAsync();
    }
}
