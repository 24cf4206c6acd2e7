using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Cases;
using Steward.Features.Contracts;
using Steward.Features.Demo;
using Steward.Features.Opportunities;
using Steward.Features.Retention;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Retention;

public sealed class RetentionDemoTests : RetentionTest
{
    [Fact]
    public async Task The_demo_has_renewals_all_year_every_stage_targets_and_escalations()
    {
        await App.AsAsync<bool>(null, async services =>
        {
            // The test database holds the demo people only; empty it so the seeder sees a new database.
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
            var months = await db.Set<Contract>().Where(c => c.EndDate >= Today && c.EndDate < Today.AddMonths(12)).Select(c => new { c.EndDate.Year, c.EndDate.Month }).Distinct().CountAsync();
            return new
            {
                Months = months,
                AtRisk = await db.Set<Contract>().CountAsync(c => c.RenewalRisk == RenewalRisk.AtRisk && c.EndDate >= Today),
                StagesPerOwner = await db.Set<Opportunity>().GroupBy(o => o.OwnerId).Select(g => g.Select(o => o.Stage!.Name).Distinct().Count()).ToListAsync(),
                Targets = await db.Set<SalesTarget>().Select(t => new { t.Year, t.Quarter }).Distinct().CountAsync(),
                Escalated = await db.Set<Case>().CountAsync(c => c.Status != CaseStatus.Resolved && c.EscalationLevel != EscalationLevel.AccountManager),
                Open = await db.Set<Case>().CountAsync(c => c.Status != CaseStatus.Resolved),
                Rfps = await db.Set<Features.Tasks.TaskItem>().CountAsync(t => t.SourceKind == "rfp"),
            };
        });
        Assert.InRange(facts.Months, 12, 13); // every month of the coming year
        Assert.InRange(facts.AtRisk, 4, 30);
        Assert.Equal(4, facts.StagesPerOwner.Count);
        Assert.All(facts.StagesPerOwner, stages => Assert.Equal(6, stages));
        Assert.Equal(2, facts.Targets);
        Assert.InRange(facts.Escalated, 3, 10);
        Assert.True(facts.Open > facts.Escalated);
        Assert.True(facts.Rfps > 0);

        // The seeded renewals are the ones the sweep would open: it opens none of them again.
        var swept = await SweepRenewalsAsync();
        Assert.Equal(0, swept.OpportunitiesOpened);
    }
}
