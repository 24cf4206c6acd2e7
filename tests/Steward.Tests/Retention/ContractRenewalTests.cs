using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Contracts;
using Steward.Features.Notifications;
using Steward.Features.Opportunities;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Retention;

public sealed class ContractRenewalTests : RetentionTest
{
    [Fact]
    public async Task Monitor_is_refused_within_90_days_and_at_risk_needs_a_reason_and_an_action_plan()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Renewal Rules");

        var body = new Dictionary<string, object?>
        {
            ["accountId"] = account.Id,
            ["name"] = "Travel 2026",
            ["startDate"] = Today.AddYears(-1),
            ["endDate"] = Today.AddDays(90),
            ["annualValue"] = 100_000,
            ["currency"] = "EUR",
            ["renewalRisk"] = "Monitor",
        };
        var monitor = await FieldErrorsAsync(await am.PostAsJsonAsync("/api/v1/contracts", body, Json));
        Assert.Contains("90 days", Assert.Single(monitor["renewalRisk"]), StringComparison.Ordinal);

        // 91 days out Monitor is still a fair judgement.
        body["endDate"] = Today.AddDays(91);
        var early = await ReadAsync<ContractDto>(await am.PostAsJsonAsync("/api/v1/contracts", body, Json), HttpStatusCode.Created);
        Assert.Equal(RenewalRisk.Monitor, early.RenewalRisk);

        var atRisk = await FieldErrorsAsync(await am.PatchAsJsonAsync($"/api/v1/contracts/{early.Id}", new { renewalRisk = "AtRisk" }, Json));
        Assert.Equal(["actionPlan", "riskReason"], atRisk.Keys.Order().ToArray());
        var saved = await ReadAsync<ContractDto>(await am.PatchAsJsonAsync($"/api/v1/contracts/{early.Id}",
            new { renewalRisk = "AtRisk", riskReason = "New CFO reviews all suppliers", actionPlan = "Executive sponsor meets the CFO before 1 Dec; value review in the QBR." }, Json));
        Assert.Equal(RenewalRisk.AtRisk, saved.RenewalRisk);

        var badDates = await FieldErrorsAsync(await am.PostAsJsonAsync("/api/v1/contracts", new { accountId = account.Id, name = "Backwards", startDate = Today, endDate = Today.AddDays(-1), annualValue = 1, currency = "EUR", documents = new[] { new { title = "Signed", url = "ftp://x" } } }, Json));
        Assert.Contains("endDate", badDates.Keys);
        Assert.Contains("documents[0].Url", badDates.Keys);
    }

    [Fact]
    public async Task The_renewal_opportunity_opens_once_a_lead_time_ahead_of_the_end_date()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Lead Time Logistics");
        var soon = await CreateContractAsync(am, account.Id, "Freight 2026", Today.AddDays(100), 240_000, b => b["autoRenew"] = true);
        var later = await CreateContractAsync(am, account.Id, "Warehousing", Today.AddDays(130), 80_000);
        var custom = await CreateContractAsync(am, account.Id, "Consulting", Today.AddDays(170), 50_000, b => b["renewalLeadDays"] = 180);

        var first = await SweepRenewalsAsync();
        Assert.Equal(2, first.OpportunitiesOpened);
        Assert.Equal(0, (await SweepRenewalsAsync()).OpportunitiesOpened);

        var renewals = await ReadAsync<Page<OpportunityDto>>(await am.GetAsync($"/api/v1/opportunities?accountId={account.Id}&type=Renewal"));
        Assert.Equal(2, renewals.Total);
        var freight = renewals.Items.Single(o => o.ContractId == soon.Id);
        Assert.Equal(("Renewal: Freight 2026", 240_000m, soon.EndDate, "Identified", ForecastCategory.Pipeline, OpportunitySource.Contract),
            (freight.Name, freight.Amount, freight.CloseDate, freight.StageName, freight.ForecastCategory, freight.Source));
        Assert.Equal("Avery Brooks", freight.OwnerName);
        Assert.Contains(renewals.Items, o => o.ContractId == custom.Id);
        Assert.Equal(freight.Id, (await ReadAsync<ContractDto>(await am.GetAsync($"/api/v1/contracts/{soon.Id}"))).RenewalOpportunityId);

        var history = await ReadAsync<List<StageChangeDto>>(await am.GetAsync($"/api/v1/opportunities/{freight.Id}/history"));
        Assert.Equal("Identified", Assert.Single(history).ToStage);
        var notes = await App.AsAsync(People.AmNorth, s => s.GetRequiredService<NotificationService>().MineAsync());
        Assert.Equal(2, notes.Count(n => n.Title.StartsWith("Renewal opened", StringComparison.Ordinal)));

        // Ten days on, the 130-day contract is 120 days away: its turn.
        App.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(1, (await SweepRenewalsAsync()).OpportunitiesOpened);
        Assert.Equal(0, (await SweepRenewalsAsync()).OpportunitiesOpened);
        Assert.Contains((await ReadAsync<Page<OpportunityDto>>(await am.GetAsync($"/api/v1/opportunities?accountId={account.Id}&type=Renewal"))).Items, o => o.ContractId == later.Id);
    }

    [Fact]
    public async Task A_renewal_left_on_Monitor_becomes_at_risk_at_90_days_and_the_owner_is_told()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Undecided Foods");
        var contract = await CreateContractAsync(am, account.Id, "Catering", Today.AddDays(95), 60_000, b => b["renewalRisk"] = "Monitor");

        Assert.Equal(0, (await SweepRenewalsAsync()).MarkedAtRisk);
        App.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(1, (await SweepRenewalsAsync()).MarkedAtRisk);
        Assert.Equal(0, (await SweepRenewalsAsync()).MarkedAtRisk);

        var now = await ReadAsync<ContractDto>(await am.GetAsync($"/api/v1/contracts/{contract.Id}"));
        Assert.Equal(RenewalRisk.AtRisk, now.RenewalRisk);
        Assert.Contains("Still on Monitor", now.RiskReason, StringComparison.Ordinal);
        var note = (await App.AsAsync(People.AmNorth, s => s.GetRequiredService<NotificationService>().MineAsync())).Single(n => n.Title.StartsWith("Renewal at risk", StringComparison.Ordinal));
        Assert.Contains("action plan", note.Body, StringComparison.Ordinal);

        // Any edit now needs the plan.
        var errors = await FieldErrorsAsync(await am.PatchAsJsonAsync($"/api/v1/contracts/{contract.Id}", new { notes = "Called them" }, Json));
        Assert.Contains("actionPlan", errors.Keys);
    }

    [Fact]
    public async Task The_pipeline_buckets_add_up_to_the_contracts_they_link_to()
    {
        var am = await As(People.AmNorth);
        var other = await As(People.AmSouth);
        var account = await CreateAccountAsync(am, "Bucket Brigade");
        var southAccount = await CreateAccountAsync(other, "Southern Buckets");
        await CreateContractAsync(am, account.Id, "A", Today.AddDays(10), 10_000);
        await CreateContractAsync(am, account.Id, "B", Today.AddDays(45), 20_000, b => { b["renewalRisk"] = "AtRisk"; b["riskReason"] = "Price"; b["actionPlan"] = "Offer"; });
        await CreateContractAsync(am, account.Id, "C", Today.AddDays(89), 30_000, b => b["currency"] = "USD");
        await CreateContractAsync(am, account.Id, "D", Today.AddDays(150), 40_000, b => b["renewalRisk"] = "Monitor");
        await CreateContractAsync(am, account.Id, "E", Today.AddDays(400), 50_000);
        await CreateContractAsync(am, account.Id, "Past", Today.AddDays(-3), 70_000);
        await CreateContractAsync(am, account.Id, "Draft", Today.AddDays(20), 90_000, b => b["status"] = "Draft");
        await CreateContractAsync(other, southAccount.Id, "South only", Today.AddDays(20), 1_000_000);

        var pipeline = await ReadAsync<RenewalPipeline>(await am.GetAsync("/api/v1/contracts/renewals"));
        var expected = new Dictionary<int, (int Count, decimal Eur, decimal Usd)> { [30] = (1, 10_000, 0), [60] = (2, 30_000, 0), [90] = (3, 30_000, 30_000), [180] = (4, 70_000, 30_000) };
        foreach (var window in pipeline.Windows)
        {
            var days = window.Records.WithinDays!.Value;
            Assert.Equal(expected[days].Count, window.Count);
            Assert.Equal(expected[days].Eur, window.Value.SingleOrDefault(v => v.Currency == "EUR")?.Amount ?? 0);
            Assert.Equal(expected[days].Usd, window.Value.SingleOrDefault(v => v.Currency == "USD")?.Amount ?? 0);
            var records = await ReadAsync<Page<ContractDto>>(await am.GetAsync(Features.Retention.Links.To("/api/v1/contracts", window.Records)));
            Assert.Equal(window.Count, records.Total);
            Assert.Equal(window.Value.Sum(v => v.Amount), records.Items.Sum(c => c.AnnualValue));
            foreach (var (risk, slice) in window.ByRisk)
            {
                var ofRisk = await ReadAsync<Page<ContractDto>>(await am.GetAsync(Features.Retention.Links.To("/api/v1/contracts", slice.Records)));
                Assert.Equal(slice.Count, ofRisk.Total);
                Assert.All(ofRisk.Items, c => Assert.Equal(risk, c.RenewalRisk));
            }
        }
        Assert.Equal(1, pipeline.Windows[1].ByRisk[RenewalRisk.AtRisk].Count);
        Assert.Equal(12, pipeline.Months.Count);
        Assert.Equal(1, pipeline.Months[0].Count); // November: A; the draft is not a renewal.
        Assert.Equal(1, pipeline.Overdue.Count);
        Assert.Equal(70_000, pipeline.Overdue.Value.Single().Amount);
        Assert.Equal(pipeline.Months.Sum(m => m.Count), (await ReadAsync<Page<ContractDto>>(await am.GetAsync(Features.Retention.Links.To("/api/v1/contracts", new ContractListQuery { WithinDays = 365, EndsTo = pipeline.Months[^1].Records.EndsTo })))).Total);
    }

    [Fact]
    public async Task Renewing_a_contract_moves_its_term_and_wins_the_renewal_opportunity()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Renewed Retail");
        var contract = await CreateContractAsync(am, account.Id, "Stores", Today.AddDays(60), 120_000,
            b => { b["renewalRisk"] = "AtRisk"; b["riskReason"] = "Tender"; b["actionPlan"] = "Win the tender"; });
        await SweepRenewalsAsync();
        var renewalId = (await ReadAsync<ContractDto>(await am.GetAsync($"/api/v1/contracts/{contract.Id}"))).RenewalOpportunityId!.Value;

        var tooEarly = await FieldErrorsAsync(await am.PostAsJsonAsync($"/api/v1/contracts/{contract.Id}/renew", new { newEndDate = Today }, Json));
        Assert.Contains("newEndDate", tooEarly.Keys);
        var renewed = await ReadAsync<ContractDto>(await am.PostAsJsonAsync($"/api/v1/contracts/{contract.Id}/renew", new { newEndDate = contract.EndDate.AddYears(2), newAnnualValue = 130_000 }, Json));
        Assert.Equal((contract.EndDate.AddYears(2), 130_000m, RenewalRisk.Good, (int?)null), (renewed.EndDate, renewed.AnnualValue, renewed.RenewalRisk, renewed.RenewalOpportunityId));

        var won = await ReadAsync<OpportunityDto>(await am.GetAsync($"/api/v1/opportunities/{renewalId}"));
        Assert.Equal((StageOutcome.Won, ForecastCategory.Closed, Today), (won.Outcome, won.ForecastCategory, won.CloseDate));
        // The new term is two years out: no new renewal opportunity yet.
        Assert.Equal(0, (await SweepRenewalsAsync()).OpportunitiesOpened);
    }
}
