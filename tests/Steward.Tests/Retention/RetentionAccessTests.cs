using System.Net;
using System.Net.Http.Json;
using Steward.Features.Cases;
using Steward.Features.Contracts;
using Steward.Features.Opportunities;
using Steward.Features.Retention;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Retention;

/// <summary>Contracts, opportunities and cases are visible exactly when their account is: foreign ids are 404 everywhere.</summary>
public sealed class RetentionAccessTests : RetentionTest
{
    [Theory]
    [InlineData(People.AmSouth)]
    [InlineData(People.ManagerSouth)]
    [InlineData(People.Am2North)]
    public async Task Outsiders_get_404_and_empty_lists_for_a_foreign_accounts_records(string outsider)
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Private Pharma");
        var contract = await CreateContractAsync(am, account.Id, "Secret supply", Today.AddDays(30), 500_000);
        var deal = await CreateOpportunityAsync(am, account.Id, "Secret deal", 700_000, Today.AddDays(20), b => { b["type"] = "Rfp"; b["rfpDueDate"] = Today.AddDays(10); });
        var item = await CreateCaseAsync(am, account.Id, "Secret problem", CaseSeverity.High);
        var client = await As(outsider);

        foreach (var path in new[]
        {
            $"/api/v1/contracts/{contract.Id}", $"/api/v1/opportunities/{deal.Id}", $"/api/v1/opportunities/{deal.Id}/history",
            $"/api/v1/opportunities/{deal.Id}/rfp-tasks", $"/api/v1/cases/{item.Id}", $"/api/v1/cases/{item.Id}/escalations",
            $"/api/v1/accounts/{account.Id}/contracts", $"/api/v1/accounts/{account.Id}/opportunities", $"/api/v1/accounts/{account.Id}/cases",
        })
        {
            Assert.True((await client.GetAsync(path)).StatusCode == HttpStatusCode.NotFound, path);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsJsonAsync($"/api/v1/contracts/{contract.Id}", new { name = "X" }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/contracts/{contract.Id}/renew", new { newEndDate = Today.AddYears(2) }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/contracts/{contract.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/opportunities/{deal.Id}/stage", new { stageId = (await StageAsync(OpportunityType.Rfp, "Won")).Id }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsJsonAsync($"/api/v1/opportunities/{deal.Id}", new { amount = 1 }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/opportunities/{deal.Id}/rfp-questions", new { question = "Spy" }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/cases/{item.Id}/escalate", new { reason = "Spy" }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/cases/{item.Id}/resolve", new { resolution = "x", rootCause = "y" }, Json)).StatusCode);

        // Absent from lists, boards, pipelines and the one screen.
        Assert.Equal(0, (await ReadAsync<Page<ContractDto>>(await client.GetAsync($"/api/v1/contracts?accountId={account.Id}"))).Total);
        Assert.Equal(0, (await ReadAsync<Page<OpportunityDto>>(await client.GetAsync("/api/v1/opportunities?search=secret"))).Total);
        Assert.Equal(0, (await ReadAsync<Page<CaseDto>>(await client.GetAsync("/api/v1/cases?search=secret"))).Total);
        Assert.Equal(0, (await ReadAsync<PipelineBoard>(await client.GetAsync("/api/v1/opportunities/board"))).Total);
        Assert.Equal(0, (await ReadAsync<RenewalPipeline>(await client.GetAsync("/api/v1/contracts/renewals"))).Windows[^1].Count);
        var summary = await ReadAsync<RetentionSummary>(await client.GetAsync("/api/v1/retention/summary"));
        Assert.Equal((0, 0m), (summary.Renewals.Renewals.Count, summary.Forecast.Team.Forecast));

        // Nor can they attach records to it.
        Assert.Contains("accountId", (await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/contracts", new { accountId = account.Id, name = "X", startDate = Today, endDate = Today.AddDays(9), annualValue = 1, currency = "EUR" }, Json))).Keys);
        Assert.Contains("accountId", (await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/opportunities", new { accountId = account.Id, name = "X", amount = 1, currency = "EUR", closeDate = Today }, Json))).Keys);
        Assert.Contains("accountId", (await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/cases", new { accountId = account.Id, title = "X" }, Json))).Keys);
    }

    [Fact]
    public async Task A_stale_version_changes_nothing()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Versioned Ventures");
        var deal = await CreateOpportunityAsync(am, account.Id, "Versioned", 10, Today.AddDays(5));
        await am.PatchAsJsonAsync($"/api/v1/opportunities/{deal.Id}", new { amount = 20 }, Json);
        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/opportunities/{deal.Id}") { Content = JsonContent.Create(new { amount = 30 }, options: Json) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await am.SendAsync(stale)).StatusCode);
        Assert.Equal(20, (await ReadAsync<OpportunityDto>(await am.GetAsync($"/api/v1/opportunities/{deal.Id}"))).Amount);
    }
}
