using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Demo;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Demo;

public sealed class DemoSeederTests : ApiTest
{
    private Task SeedAccountsAsync() => SeedAsync(App);

    /// <summary>The test database holds the demo people only; empty it so the seeder sees a new database.</summary>
    private static Task<bool> SeedAsync(StewardApp app) => app.AsAsync<bool>(null, async services =>
    {
        var db = services.GetRequiredService<StewardDbContext>();
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AspNetUserRoles\"");
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Teams\" SET \"ManagerId\" = NULL");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AspNetUsers\"");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"Teams\"");
        return await services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(new DemoOptions { Seed = true, Accounts = 60 });
    });

    private static Task<List<string>> FirstNamesAsync(StewardApp app) =>
        app.AsAsync(null, s => s.GetRequiredService<StewardDbContext>().Accounts.OrderBy(a => a.Id).Select(a => a.Name).Take(10).ToListAsync());

    [Fact]
    public async Task The_demo_organisation_is_realistic_and_spread_over_the_account_managers()
    {
        await SeedAccountsAsync();
        var facts = await App.AsAsync(null, async services =>
        {
            var db = services.GetRequiredService<StewardDbContext>();
            return new
            {
                Accounts = await db.Accounts.CountAsync(),
                WithSubsidiaries = await db.Accounts.CountAsync(a => a.Subsidiaries.Any()),
                Owners = await db.Accounts.Select(a => a.OwnerId).Distinct().CountAsync(),
                FewestContacts = await db.Accounts.MinAsync(a => a.Contacts.Count),
                WithReportingLines = await db.Contacts.CountAsync(c => c.ReportsToId != null),
                MonthsPerCustomer = await db.Accounts.Where(a => a.Status != AccountStatus.Prospect)
                    .Select(a => a.RevenueLines.Select(r => r.Period).Distinct().Count()).Distinct().ToListAsync(),
                KeyAccounts = await db.Accounts.CountAsync(a => a.Tier == AccountTier.Key),
                Teams = await db.AccountTeamMembers.CountAsync(),
            };
        });

        Assert.InRange(facts.Accounts, 60, 62);
        Assert.True(facts.WithSubsidiaries >= 3, $"{facts.WithSubsidiaries} groups with subsidiaries");
        Assert.True(facts.Owners >= 4, "accounts are spread over the account managers");
        Assert.True(facts.FewestContacts >= 3);
        Assert.True(facts.WithReportingLines > facts.Accounts);
        Assert.Equal([24], facts.MonthsPerCustomer);
        Assert.True(facts.KeyAccounts >= 5);
        Assert.True(facts.Teams > 0);
    }

    [Fact]
    public async Task The_demo_is_the_same_every_time()
    {
        await SeedAccountsAsync();
        await using var other = await StewardApp.StartAsync();
        await SeedAsync(other);
        Assert.Equal(await FirstNamesAsync(App), await FirstNamesAsync(other));
    }

    [Fact]
    public async Task Each_manager_sees_exactly_the_accounts_their_team_owns_or_serves()
    {
        await SeedAccountsAsync();
        foreach (var (manager, team) in new[] { (People.ManagerNorth, "North"), (People.ManagerSouth, "South") })
        {
            var managerId = await App.UserIdAsync(manager);
            var expected = await App.AsAsync(null, s => s.GetRequiredService<StewardDbContext>().Accounts
                .Where(a => a.OwnerId == managerId || a.Owner!.Team!.Name == team || a.TeamMembers.Any(m => m.UserId == managerId || m.User!.Team!.Name == team))
                .Select(a => a.Id).OrderBy(id => id).ToListAsync());
            var seen = await App.AsAsync(manager, s => s.GetRequiredService<AccountQueries>().ListAsync(new AccountListQuery { PageSize = 200, Sort = "name" }));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, seen.Items.Select(i => i.Id).OrderBy(id => id));
        }
    }
}
