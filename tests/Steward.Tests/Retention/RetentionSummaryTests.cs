using System.Net.Http.Json;
using Steward.Features.Cases;
using Steward.Features.Contracts;
using Steward.Features.Retention;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Retention;

/// <summary>The manager's one screen: every figure equals the records its link lists.</summary>
public sealed class RetentionSummaryTests : RetentionTest
{
    [Fact]
    public async Task Each_figure_on_the_managers_screen_matches_the_records_behind_it()
    {
        var avery = await As(People.AmNorth);
        var jordan = await As(People.Am2North);
        var riley = await As(People.AmSouth);
        var manager = await As(People.ManagerNorth);
        var a = await CreateAccountAsync(avery, "Summary Steel");
        var j = await CreateAccountAsync(jordan, "Summary Sugar");
        var s = await CreateAccountAsync(riley, "Summary South");

        await CreateContractAsync(avery, a.Id, "Steel Q4", new DateOnly(2026, 12, 20), 100_000);
        await CreateContractAsync(avery, a.Id, "Steel ended", new DateOnly(2026, 10, 20), 10_000);
        await CreateContractAsync(jordan, j.Id, "Sugar Q4", new DateOnly(2026, 12, 1), 40_000, b => { b["renewalRisk"] = "AtRisk"; b["riskReason"] = "Competitor pilot"; b["actionPlan"] = "Joint roadmap session"; });
        await CreateContractAsync(jordan, j.Id, "Sugar Q1", new DateOnly(2027, 2, 1), 25_000, b => { b["renewalRisk"] = "AtRisk"; b["riskReason"] = "Budget freeze"; b["actionPlan"] = "Phase the price"; });
        await CreateContractAsync(avery, a.Id, "Steel next year", new DateOnly(2027, 9, 1), 999_000);
        await CreateContractAsync(riley, s.Id, "South Q4", new DateOnly(2026, 12, 2), 55_000, b => { b["renewalRisk"] = "AtRisk"; b["riskReason"] = "x"; b["actionPlan"] = "y"; });
        var escalated = await CreateCaseAsync(jordan, j.Id, "Delivery failed", CaseSeverity.Critical);
        await jordan.PostAsJsonAsync($"/api/v1/cases/{escalated.Id}/escalate", new { reason = "Plant stopped" }, Json);
        await CreateCaseAsync(avery, a.Id, "Small question", CaseSeverity.Low);
        var southCase = await CreateCaseAsync(riley, s.Id, "South escalation", CaseSeverity.Critical);
        await riley.PostAsJsonAsync($"/api/v1/cases/{southCase.Id}/escalate", new { reason = "South" }, Json);
        await CreateOpportunityAsync(avery, a.Id, "Steel commit", 70_000, new DateOnly(2026, 12, 1), b => b["forecastCategory"] = "Commit");
        await manager.PutAsJsonAsync("/api/v1/targets", new { userId = await App.UserIdAsync(People.AmNorth), period = "2026-Q4", amount = 100_000 }, Json);

        var summary = await ReadAsync<RetentionSummary>(await manager.GetAsync("/api/v1/retention/summary"));

        // Renews this quarter: both Q4 contracts of North and the one past its end but not renewed; not South's.
        var renewals = summary.Renewals.Renewals;
        Assert.Equal(("Q4 2026", 3, 150_000m), (summary.Renewals.Quarter, renewals.Count, renewals.Value.Single().Amount));
        Assert.Equal(1, renewals.ByRisk[RenewalRisk.AtRisk].Count);
        await AssertContractsAsync(manager, renewals.Records, renewals.Count, renewals.Value.Single().Amount);
        foreach (var slice in renewals.ByRisk.Values) await AssertContractsAsync(manager, slice.Records, slice.Count, slice.Value.SingleOrDefault()?.Amount ?? 0);

        // At risk and why: North's two, with their reasons and the escalated case.
        Assert.Equal(2, summary.AtRisk.Count);
        await AssertContractsAsync(manager, summary.AtRisk.Records, 2, 65_000);
        var sugar = summary.AtRisk.Renewals.Single(r => r.Contract.Name == "Sugar Q4");
        Assert.Equal(["Competitor pilot", "1 open case(s) at the account, 1 escalated"], sugar.Why);

        // The team's forecast against target.
        Assert.Equal((70_000m, 100_000m, 30_000m), (summary.Forecast.Team.Forecast, summary.Forecast.Team.Target, summary.Forecast.Team.Gap));

        // Open escalations: North's one, not South's.
        Assert.Equal(1, summary.Escalations.Count);
        Assert.Equal(1, summary.Escalations.ByLevel[EscalationLevel.Manager]);
        var cases = await ReadAsync<Page<CaseDto>>(await manager.GetAsync(Links.To("/api/v1/cases", summary.Escalations.Records)));
        Assert.Equal("Delivery failed", Assert.Single(cases.Items).Title);
        var atManager = await ReadAsync<Page<CaseDto>>(await manager.GetAsync(Links.To("/api/v1/cases", summary.Escalations.LevelRecords[EscalationLevel.Manager])));
        Assert.Equal(1, atManager.Total);

        // Avery's own screen: only Avery's accounts.
        var own = await ReadAsync<RetentionSummary>(await avery.GetAsync("/api/v1/retention/summary"));
        Assert.Equal((2, 0, 0), (own.Renewals.Renewals.Count, own.AtRisk.Count, own.Escalations.Count));
    }

    private static async Task AssertContractsAsync(HttpClient client, ContractListQuery records, int count, decimal value)
    {
        var page = await ReadAsync<Page<ContractDto>>(await client.GetAsync(Links.To("/api/v1/contracts", records with { PageSize = 200 })));
        Assert.Equal(count, page.Total);
        Assert.Equal(value, page.Items.Sum(c => c.AnnualValue));
    }
}
