using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Demo;
using Steward.Features.Relationships;
using Steward.Features.Relationships.Gaps;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Relationships;

public sealed class RelationshipDemoTests : ApiTest
{
    [Fact]
    public async Task The_demo_has_stakeholders_relationships_and_gaps_worth_showing()
    {
        await App.AsAsync<bool>(null, async services =>
        {
            var db = services.GetRequiredService<StewardDbContext>();
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AspNetUserRoles\"");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Teams\" SET \"ManagerId\" = NULL");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AspNetUsers\"");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"Teams\"");
            return await services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(new DemoOptions { Seed = true, Accounts = 60 });
        });

        var facts = await App.AsAsync(null, async services =>
        {
            var db = services.GetRequiredService<StewardDbContext>();
            return new
            {
                KeyContactsWithoutProfile = await db.Contacts.CountAsync(c => c.Account!.Tier == AccountTier.Key && !db.Set<Stakeholder>().Any(s => s.ContactId == c.Id)),
                LargestAccount = await db.Accounts.MaxAsync(a => a.Contacts.Count),
                Relationships = await db.Set<Relationship>().CountAsync(),
                HoldersNotOnTheAccount = await db.Set<Relationship>().CountAsync(r => !db.Accounts.Any(a => a.Id == r.AccountId && (a.OwnerId == r.UserId || a.TeamMembers.Any(m => m.UserId == r.UserId)))),
                Plans = await db.Set<Stakeholder>().CountAsync(s => s.TouchEveryDays != null && s.PlanOwnerId != null && s.TouchDueAt != null),
            };
        });
        Assert.Equal(0, facts.KeyContactsWithoutProfile);
        Assert.InRange(facts.LargestAccount, 40, 55);
        Assert.True(facts.Relationships > 150, $"{facts.Relationships} relationships");
        Assert.True(facts.HoldersNotOnTheAccount > 0, "colleagues outside the account team know stakeholders too");
        Assert.True(facts.Plans > 10, $"{facts.Plans} engagement plans");

        var portfolio = await App.AsAsync(People.Admin, s => s.GetRequiredService<RelationshipPortfolio>().ListAsync(new RelationshipGapQuery { PageSize = 200 }));
        Assert.Contains(portfolio.Items, a => a.SingleThreaded);
        Assert.Contains(portfolio.Items, a => a.StaleRelationships > 0);
        Assert.Contains(portfolio.Items, a => a.ChampionsLeft > 0 && a.Tier == AccountTier.Key);
        Assert.Contains(portfolio.Items, a => a.NoExecutiveSponsor);
        Assert.True(portfolio.Total < 60, "some accounts have no gaps at all");

        // The large key account of the main account manager tells the whole story.
        var flagshipId = await App.AsAsync(null, s => s.GetRequiredService<StewardDbContext>().Accounts.OrderByDescending(a => a.Contacts.Count).Select(a => a.Id).FirstAsync());
        var gaps = (await App.AsAsync(People.AmNorth, s => s.GetRequiredService<RelationshipGapService>().ForAccountAsync(flagshipId))).Gaps;
        Assert.Contains(gaps, g => g.Kind == GapKind.DecisionMakerUncovered);
        Assert.Contains(gaps, g => g.Kind == GapKind.StaleRelationship);
        Assert.Contains(gaps, g => g.Kind == GapKind.UnmanagedBlocker);
        Assert.DoesNotContain(gaps, g => g.Kind is GapKind.SingleThreaded or GapKind.NoExecutiveSponsor);
    }
}
