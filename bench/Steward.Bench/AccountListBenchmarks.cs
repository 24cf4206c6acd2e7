using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Accounts;
using Steward.Features.Users;
using Steward.Infrastructure.Access;

namespace Steward.Bench;

/// <summary>
/// The accounts list at 100,000 accounts: one page, filtered by access, against the same page for
/// an admin (no access predicate) as the baseline. The ratio is the price of record-level access.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class AccountListBenchmarks
{
    private WebApplication _app = default!;
    private AsyncServiceScope _admin;
    private AsyncServiceScope _accountManager;
    private AsyncServiceScope _manager;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _app = await BenchDatabase.OpenAsync(accounts: 100_000, accountsWithRevenue: 10_000);
        _admin = await ScopeForAsync("admin@steward.demo", isAdmin: true);
        _accountManager = await ScopeForAsync("am@steward.demo");
        _manager = await ScopeForAsync("manager@steward.demo", isManager: true);
    }

    private async Task<AsyncServiceScope> ScopeForAsync(string email, bool isAdmin = false, bool isManager = false)
    {
        var scope = _app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StewardUser>>().FindByEmailAsync(email);
        var viewer = scope.ServiceProvider.GetRequiredService<Viewer>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<StewardUser>>().CreateAsync(user!);
        viewer.Set(principal);
        return scope;
    }

    private static Task<Steward.Infrastructure.Http.Page<AccountListItem>> FirstPage(AsyncServiceScope scope, string? search = null, string? sort = null) =>
        scope.ServiceProvider.GetRequiredService<AccountQueries>().ListAsync(new AccountListQuery { Search = search, Sort = sort, PageSize = 25 });

    [Benchmark(Baseline = true, Description = "admin, first page by name")]
    public Task<Steward.Infrastructure.Http.Page<AccountListItem>> Admin() => FirstPage(_admin);

    [Benchmark(Description = "account manager, first page by name")]
    public Task<Steward.Infrastructure.Http.Page<AccountListItem>> AccountManager() => FirstPage(_accountManager);

    [Benchmark(Description = "manager (team), first page by name")]
    public Task<Steward.Infrastructure.Http.Page<AccountListItem>> Manager() => FirstPage(_manager);

    [Benchmark(Description = "account manager, search 'retail'")]
    public Task<Steward.Infrastructure.Http.Page<AccountListItem>> Search() => FirstPage(_accountManager, search: "retail");

    [Benchmark(Description = "account manager, sorted by 12-month revenue")]
    public Task<Steward.Infrastructure.Http.Page<AccountListItem>> ByRevenue() => FirstPage(_accountManager, sort: "-revenue");

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _admin.DisposeAsync();
        await _accountManager.DisposeAsync();
        await _manager.DisposeAsync();
        await _app.DisposeAsync();
    }
}
