using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Approvals;
using Steward.Features.Demo;
using Steward.Features.Plans;
using Steward.Features.Playbooks;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Plans;

public sealed class PlansDemoTests : ApiTest
{
    [Fact]
    public async Task The_demo_shows_plans_and_playbooks_in_every_interesting_state()
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

        var waitingOnManager = await App.AsAsync(People.ManagerNorth, s => s.GetRequiredService<ApprovalsQueries>().WaitingAsync());
        Assert.Contains(waitingOnManager, i => i.Kind == ApprovalKind.Plan);
        Assert.Contains(waitingOnManager, i => i.Kind == ApprovalKind.Gate);
        var reviewsDue = await App.AsAsync(People.AmNorth, s => s.GetRequiredService<ApprovalsQueries>().ReviewsDueAsync());
        Assert.Single(reviewsDue);
        var plans = await App.AsAsync(People.Admin, s => s.GetRequiredService<PlanQueries>().ListAsync(new PlanListQuery { PageSize = 50 }));
        Assert.Contains(plans.Items, p => p.Status == PlanStatus.ChangesRequested);
        Assert.Contains(plans.Items, p => p.Status == PlanStatus.Draft);
        var live = plans.Items.Single(p => p.Status == PlanStatus.Active);
        var plan = await App.AsAsync(People.AmNorth, s => s.GetRequiredService<PlanQueries>().GetAsync(live.Id));
        Assert.NotNull(plan.Objectives[0].Actual);
        Assert.Equal(2, plan.Actions.Count);
        var runs = await App.AsAsync(People.Admin, s => s.GetRequiredService<PlaybookRunQueries>().ListAsync(new RunListQuery()));
        Assert.Equal(3, runs.Total);
        Assert.Contains(runs.Items, r => r.OverdueSteps > 0);
        // The shipped templates seeded with the demo are not installed a second time.
        var templates = await App.AsAsync(People.Admin, s => s.GetRequiredService<PlaybookTemplates>().ListAsync());
        Assert.Equal(3, templates.Count);
    }
}
