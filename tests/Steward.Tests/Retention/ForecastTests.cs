using System.Net;
using System.Net.Http.Json;
using Steward.Features.Opportunities;
using Steward.Features.Retention;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Retention;

public sealed class ForecastTests : RetentionTest
{
    private async Task SetTargetAsync(HttpClient client, string email, decimal amount, HttpStatusCode expected = HttpStatusCode.OK, string period = "2026-Q4")
    {
        var response = await client.PutAsJsonAsync("/api/v1/targets", new { userId = await App.UserIdAsync(email), period, amount }, Json);
        Assert.True(response.StatusCode == expected, $"{email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<OpportunityDto> DealAsync(HttpClient client, int accountId, string name, decimal amount, DateOnly close, string category, string stage = "Qualified", string currency = "EUR", string? ownerEmail = null)
    {
        var stageId = (await StageAsync(OpportunityType.Expansion, stage == "Won" || stage == "Lost" ? "Identified" : stage)).Id;
        var deal = await CreateOpportunityAsync(client, accountId, name, amount, close, b =>
        {
            b["stageId"] = stageId;
            b["forecastCategory"] = category;
            b["currency"] = currency;
            if (ownerEmail is not null) b["ownerId"] = App.UserIdAsync(ownerEmail).Result;
        });
        if (stage is "Won" or "Lost")
        {
            var closed = await client.PostAsJsonAsync($"/api/v1/opportunities/{deal.Id}/stage", new { stageId = (await StageAsync(OpportunityType.Expansion, stage)).Id, lostReason = "Budget cut" }, Json);
            deal = await ReadAsync<OpportunityDto>(closed);
        }
        return deal;
    }

    [Fact]
    public async Task Targets_are_set_by_the_manager_or_an_admin_never_by_oneself()
    {
        var manager = await As(People.ManagerNorth);
        await SetTargetAsync(manager, People.AmNorth, 500_000);
        await SetTargetAsync(await As(People.AmNorth), People.AmNorth, 1, HttpStatusCode.Forbidden);
        await SetTargetAsync(await As(People.ManagerSouth), People.AmNorth, 1, HttpStatusCode.Forbidden);
        await SetTargetAsync(manager, People.ManagerNorth, 1, HttpStatusCode.Forbidden);
        await SetTargetAsync(await As(People.Admin), People.ManagerNorth, 100_000);
        await SetTargetAsync(manager, People.AmNorth, 1, HttpStatusCode.BadRequest, period: "Q4");

        var targets = await ReadAsync<List<TargetDto>>(await manager.GetAsync("/api/v1/targets?period=2026-Q4"));
        Assert.Equal(500_000, targets.Single(t => t.DisplayName == "Avery Brooks").Amount);
        Assert.Equal(100_000, targets.Single(t => t.DisplayName == "Morgan Meyer").Amount);
        Assert.False(targets.Single(t => t.DisplayName == "Morgan Meyer").CanEdit);
        Assert.DoesNotContain(targets, t => t.DisplayName == "Riley Santos");
        Assert.Equal(["Avery Brooks"], (await ReadAsync<List<TargetDto>>(await (await As(People.AmNorth)).GetAsync("/api/v1/targets"))).Select(t => t.DisplayName).ToArray());
    }

    [Fact]
    public async Task The_forecast_adds_up_per_person_team_and_total_and_explains_the_gap()
    {
        var avery = await As(People.AmNorth);
        var jordan = await As(People.Am2North);
        var riley = await As(People.AmSouth);
        var manager = await As(People.ManagerNorth);
        await SetTargetAsync(manager, People.AmNorth, 500_000);
        await SetTargetAsync(manager, People.Am2North, 300_000);
        await SetTargetAsync(await As(People.ManagerSouth), People.AmSouth, 50_000);

        var averyAccount = await CreateAccountAsync(avery, "Forecast Foods");
        var jordanAccount = await CreateAccountAsync(jordan, "Jordan Juices");
        var rileyAccount = await CreateAccountAsync(riley, "Riley Rail");
        await DealAsync(avery, averyAccount.Id, "Won in November", 120_000, new DateOnly(2026, 11, 1), "Commit", stage: "Won");
        await DealAsync(avery, averyAccount.Id, "Commit deal", 200_000, new DateOnly(2026, 12, 10), "Commit", stage: "Negotiation");
        await DealAsync(avery, averyAccount.Id, "Best case deal", 150_000, new DateOnly(2026, 12, 20), "BestCase", stage: "Proposal");
        await DealAsync(avery, averyAccount.Id, "Pipeline 25", 100_000, new DateOnly(2026, 12, 5), "Pipeline", stage: "Qualified");
        await DealAsync(avery, averyAccount.Id, "Pipeline 10", 40_000, new DateOnly(2026, 12, 6), "Pipeline", stage: "Identified");
        await DealAsync(avery, averyAccount.Id, "Left out", 80_000, new DateOnly(2026, 12, 1), "Omitted");
        await DealAsync(avery, averyAccount.Id, "Lost one", 60_000, new DateOnly(2026, 12, 1), "Commit", stage: "Lost");
        await DealAsync(avery, averyAccount.Id, "Next quarter", 90_000, new DateOnly(2027, 1, 15), "Commit");
        await DealAsync(avery, averyAccount.Id, "Dollar deal", 50_000, new DateOnly(2026, 12, 15), "Commit", currency: "USD");
        await DealAsync(jordan, jordanAccount.Id, "Jordan commit", 310_000, new DateOnly(2026, 12, 18), "Commit");
        await DealAsync(riley, rileyAccount.Id, "South deal", 999_000, new DateOnly(2026, 12, 18), "Commit");

        var report = await ReadAsync<ForecastReport>(await manager.GetAsync("/api/v1/forecast?period=2026-Q4"));
        Assert.Equal(("2026-Q4", "EUR", 1, 1), (report.Period, report.Currency, report.OtherCurrencyCount, report.Teams.Count));
        Assert.Equal(["Avery Brooks", "Jordan Falk"], report.People.Select(p => p.Label).ToArray());

        var a = report.People[0];
        Assert.Equal((500_000m, 120_000m, 200_000m, 150_000m, 140_000m, 29_000m, 320_000m, 180_000m),
            (a.Target, a.Closed.Amount, a.Commit.Amount, a.BestCase.Amount, a.Pipeline.Amount, a.WeightedPipeline, a.Forecast, a.Gap));
        Assert.Equal("Gap 180,000: target 500,000 − closed 120,000 − commit 200,000. Best case (150,000) and the weighted pipeline (29,000) together leave 1,000 uncovered: new opportunities are needed.", a.Explanation);
        var j = report.People[1];
        Assert.Equal((0m, 0.0m), (j.Gap!.Value, Math.Round(j.Coverage!.Value - 1.0333m, 2)));
        Assert.StartsWith("On track: closed 0 + commit 310,000 = 310,000, 10,000 above the target of 300,000.", j.Explanation, StringComparison.Ordinal);

        var team = report.Teams.Single();
        Assert.Equal(("North", 800_000m, 120_000m, 510_000m, 150_000m, 29_000m, 170_000m), (team.Label, team.Target, team.Closed.Amount, team.Commit.Amount, team.BestCase.Amount, team.WeightedPipeline, team.Gap));
        Assert.Equal(team.Forecast, report.Total.Forecast);
        Assert.Equal(800_000m, report.Total.Target);

        // Every figure lists exactly the deals it adds up.
        foreach (var line in report.People.Concat(report.Teams).Append(report.Total))
        {
            foreach (var figure in new[] { line.Closed, line.Commit, line.BestCase, line.Pipeline })
            {
                var records = await ReadAsync<Page<OpportunityDto>>(await manager.GetAsync(Links.To("/api/v1/opportunities", figure.Records with { PageSize = 200 })));
                Assert.Equal(figure.Count, records.Total);
                Assert.Equal(figure.Amount, records.Items.Sum(o => o.Amount));
            }
            var pipeline = await ReadAsync<Page<OpportunityDto>>(await manager.GetAsync(Links.To("/api/v1/opportunities", line.Pipeline.Records with { PageSize = 200 })));
            Assert.Equal(line.WeightedPipeline, pipeline.Items.Sum(o => o.WeightedAmount));
        }

        // An account manager sees their own line only; an admin sees both teams.
        var own = await ReadAsync<ForecastReport>(await avery.GetAsync("/api/v1/forecast"));
        Assert.Equal(["Avery Brooks"], own.People.Select(p => p.Label).ToArray());
        Assert.Equal(320_000m, own.Total.Forecast);
        var all = await ReadAsync<ForecastReport>(await (await As(People.Admin)).GetAsync("/api/v1/forecast?period=2026-Q4"));
        Assert.Equal(["North", "South"], all.Teams.Select(t => t.Label).ToArray());
        Assert.Equal(630_000m + 999_000m, all.Total.Forecast);
        var south = await ReadAsync<ForecastReport>(await (await As(People.Admin)).GetAsync($"/api/v1/forecast?teamId={all.Teams[1].TeamId}"));
        Assert.Equal(999_000m, south.Total.Commit.Amount);

        Assert.Contains("period", (await FieldErrorsAsync(await manager.GetAsync("/api/v1/forecast?period=next"))).Keys);
    }
}
