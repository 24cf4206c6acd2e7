using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Import;
using Steward.Features.Opportunities;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Import;

public sealed class OpportunityImportTests : ApiTest
{
    protected override Action<IServiceCollection> ConfigureServices => services =>
        services.Configure<ImportOptions>(o => o.Directory = Path.Combine(Path.GetTempPath(), "steward-tests", "imports"));

    private static string WriteFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"steward-deals-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task A_CRM_deal_export_fills_the_pipeline_and_a_second_run_only_moves_what_moved()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Orion Labs GmbH");
        var first = WriteFile("""
            Opportunity Name;Account Name;Deal Type;Stage;Amount;Probability;Close Date;Deal Owner
            APAC rollout;orion labs  gmbh;Upsell;Proposal;"120.000,00";60%;15.01.2027;am@steward.demo
            Renewal 2027;ORION LABS GMBH;Renewal;Closed Won;"80.000,00";;01.11.2026;
            Data platform;orion labs  gmbh;Cross-sell;Dreaming;"10.000,00";;01.02.2027;
            Training;orion labs  gmbh;New product;Qualified;;;01.03.2027;
            Audit;Nobody Inc;Expansion;Qualified;"5.000,00";;01.03.2027;
            """);
        var job = await ImportApiTests.RunAsync(am, await ImportApiTests.UploadAsync(am, first, ImportKind.Opportunities));
        var problems = await ReadAsync<List<ImportProblemDto>>(await am.GetAsync($"/api/v1/imports/{job.Id}/problems"));
        Assert.True((ImportStatus.Completed, 2, 3) == (job.Status, job.Created, job.Rejected), string.Join(" | ", problems.Select(p => $"{p.Line} {p.Column}: {p.Message}")));
        Assert.Contains(problems, p => p.Line == 4 && p.Column == "Stage" && p.Message.Contains("'Dreaming' is not a stage of CrossSell deals", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 5 && p.Column == "Amount");
        Assert.Contains(problems, p => p.Line == 6 && p.Column == "Account Name" && p.Message.Contains("Nobody Inc", StringComparison.Ordinal));

        var deals = (await ReadAsync<Page<OpportunityDto>>(await am.GetAsync($"/api/v1/opportunities?accountId={account.Id}&pageSize=50"))).Items.OrderBy(d => d.Name).ToList();
        Assert.Equal(["APAC rollout", "Renewal 2027"], deals.Select(d => d.Name));
        var rollout = deals[0];
        Assert.Equal((OpportunityType.Expansion, "Proposal", 120_000m, 60, new DateOnly(2027, 1, 15), "Avery Brooks"),
            (rollout.Type, rollout.StageName, rollout.Amount, rollout.Probability, rollout.CloseDate, rollout.OwnerName));
        var renewal = deals[1];
        Assert.Equal((OpportunityType.Renewal, StageOutcome.Won, ForecastCategory.Closed, 100), (renewal.Type, renewal.Outcome, renewal.ForecastCategory, renewal.Probability));

        // The same file again changes nothing; a later export where the rollout moved on updates just that deal, with history.
        var again = await ImportApiTests.RunAsync(am, await ImportApiTests.UploadAsync(am, first, ImportKind.Opportunities));
        Assert.Equal((0, 0, 2), (again.Created, again.Updated, again.Unchanged));
        var later = WriteFile("""
            Opportunity Name;Account Name;Deal Type;Stage;Amount;Probability;Close Date;Deal Owner
            APAC rollout;orion labs  gmbh;Upsell;Negotiation;"125.000,00";;15.01.2027;am@steward.demo
            Renewal 2027;ORION LABS GMBH;Renewal;Closed Won;"80.000,00";;01.11.2026;
            """);
        var moved = await ImportApiTests.RunAsync(am, await ImportApiTests.UploadAsync(am, later, ImportKind.Opportunities));
        Assert.Equal((0, 1, 1), (moved.Created, moved.Updated, moved.Unchanged));
        var history = await ReadAsync<List<StageChangeDto>>(await am.GetAsync($"/api/v1/opportunities/{rollout.Id}/history"));
        Assert.Equal(["Proposal", "Negotiation"], history.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => h.ToStage));
        var now = await ReadAsync<OpportunityDto>(await am.GetAsync($"/api/v1/opportunities/{rollout.Id}"));
        Assert.Equal((125_000m, 75), (now.Amount, now.Probability));
        File.Delete(first);
        File.Delete(later);
    }
}
