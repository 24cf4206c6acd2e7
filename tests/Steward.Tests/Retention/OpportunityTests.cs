using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Opportunities;
using Steward.Features.Tasks;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Retention;

public sealed class OpportunityTests : RetentionTest
{
    [Fact]
    public async Task A_new_opportunity_takes_its_defaults_and_every_stage_change_is_recorded()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Staged Systems");
        var created = await CreateOpportunityAsync(am, account.Id, "APAC expansion", 300_000, Today.AddDays(40), b => b["type"] = "Expansion");
        Assert.Equal(("Identified", 10, "Avery Brooks", ForecastCategory.Pipeline, StageOutcome.Open), (created.StageName, created.Probability, created.OwnerName, created.ForecastCategory, created.Outcome));

        var proposal = await StageAsync(OpportunityType.Expansion, "Proposal");
        App.Clock.Advance(TimeSpan.FromDays(3));
        var moved = await ReadAsync<OpportunityDto>(await am.PostAsJsonAsync($"/api/v1/opportunities/{created.Id}/stage", new { stageId = proposal.Id }, Json));
        Assert.Equal(("Proposal", 50), (moved.StageName, moved.Probability));

        // Commit is the owner's call and survives moves between open stages.
        moved = await ReadAsync<OpportunityDto>(await am.PatchAsJsonAsync($"/api/v1/opportunities/{created.Id}", new { forecastCategory = "Commit" }, Json));
        var negotiation = await StageAsync(OpportunityType.Expansion, "Negotiation");
        App.Clock.Advance(TimeSpan.FromDays(2));
        moved = await ReadAsync<OpportunityDto>(await am.PostAsJsonAsync($"/api/v1/opportunities/{created.Id}/stage", new { stageId = negotiation.Id }, Json));
        Assert.Equal((75, ForecastCategory.Commit), (moved.Probability, moved.ForecastCategory));

        var lost = await StageAsync(OpportunityType.Expansion, "Lost");
        var noReason = await FieldErrorsAsync(await am.PostAsJsonAsync($"/api/v1/opportunities/{created.Id}/stage", new { stageId = lost.Id }, Json));
        Assert.Contains("lostReason", noReason.Keys);
        var wrongType = await StageAsync(OpportunityType.Renewal, "Won");
        Assert.Contains("stageId", (await FieldErrorsAsync(await am.PostAsJsonAsync($"/api/v1/opportunities/{created.Id}/stage", new { stageId = wrongType.Id }, Json))).Keys);

        App.Clock.Advance(TimeSpan.FromDays(1));
        var closed = await ReadAsync<OpportunityDto>(await am.PostAsJsonAsync($"/api/v1/opportunities/{created.Id}/stage", new { stageId = lost.Id, lostReason = "Competitor undercut on price" }, Json));
        Assert.Equal((0, ForecastCategory.Omitted, Today.AddDays(6), "Competitor undercut on price"), (closed.Probability, closed.ForecastCategory, closed.CloseDate, closed.LostReason));
        Assert.NotNull(closed.ClosedAt);

        var history = await ReadAsync<List<StageChangeDto>>(await am.GetAsync($"/api/v1/opportunities/{created.Id}/history"));
        Assert.Equal(["Identified", "Proposal", "Negotiation", "Lost"], history.Select(h => h.ToStage).ToArray());
        Assert.Equal(new[] { null, "Identified", "Proposal", "Negotiation" }, history.Select(h => h.FromStage));
        Assert.Equal([TimeSpan.FromDays(3), TimeSpan.FromDays(2), TimeSpan.FromDays(1), TimeSpan.Zero], history.Select(h => h.TimeInStage).ToArray());
        Assert.All(history, h => Assert.Equal("Avery Brooks", h.ByName));

        // Reopening puts it back in the pipeline.
        var reopened = await ReadAsync<OpportunityDto>(await am.PostAsJsonAsync($"/api/v1/opportunities/{created.Id}/stage", new { stageId = proposal.Id }, Json));
        Assert.Equal((ForecastCategory.Pipeline, (DateTime?)null), (reopened.ForecastCategory, reopened.ClosedAt));
    }

    [Fact]
    public async Task Invalid_opportunities_are_refused_with_each_field_named()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Picky Partners");
        var open = await StageAsync(OpportunityType.Expansion, "Qualified");
        var errors = await FieldErrorsAsync(await am.PostAsJsonAsync("/api/v1/opportunities", new
        {
            accountId = account.Id,
            name = "",
            amount = -1,
            currency = "euro",
            probability = 120,
            type = "Expansion",
            stageId = open.Id,
            forecastCategory = "Closed",
            rfpDueDate = Today.AddDays(10),
        }, Json));
        Assert.Equal(["amount", "closeDate", "currency", "forecastCategory", "name", "probability", "rfpDueDate"], errors.Keys.Order().ToArray());
    }

    [Fact]
    public async Task An_RFP_keeps_its_due_date_and_question_owners_as_tasks()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Tender Group");
        var rfp = await CreateOpportunityAsync(am, account.Id, "Global travel tender", 900_000, Today.AddDays(60), b => { b["type"] = "Rfp"; b["rfpDueDate"] = Today.AddDays(20); });

        var tasks = await ReadAsync<List<TaskDto>>(await am.GetAsync($"/api/v1/opportunities/{rfp.Id}/rfp-tasks"));
        var deadline = Assert.Single(tasks);
        Assert.Equal(("Submit the RFP response: Global travel tender", Today.AddDays(20), "Avery Brooks", "rfp"), (deadline.Title, deadline.DueDate, deadline.AssigneeName, deadline.SourceKind));

        var jordan = await App.UserIdAsync(People.Am2North);
        // A colleague who cannot see the account cannot answer for it, and the message says why.
        var outsider = await FieldErrorsAsync(await am.PostAsJsonAsync($"/api/v1/opportunities/{rfp.Id}/rfp-questions",
            new { question = "Section 4: data protection", assigneeId = jordan, dueDate = Today.AddDays(15) }, Json));
        Assert.Contains("account team", outsider["assigneeId"][0]);
        Assert.Equal(HttpStatusCode.Created, (await am.PostAsJsonAsync($"/api/v1/accounts/{account.Id}/team", new { userId = jordan, role = "TechnicalLead" }, Json)).StatusCode);
        var question = await ReadAsync<TaskDto>(await am.PostAsJsonAsync($"/api/v1/opportunities/{rfp.Id}/rfp-questions",
            new { question = "Section 4: data protection", assigneeId = jordan, dueDate = Today.AddDays(15) }, Json), HttpStatusCode.Created);
        Assert.Equal(("RFP question: Section 4: data protection", "Jordan Falk", Today.AddDays(15)), (question.Title, question.AssigneeName, question.DueDate));
        var late = await FieldErrorsAsync(await am.PostAsJsonAsync($"/api/v1/opportunities/{rfp.Id}/rfp-questions", new { question = "Pricing", dueDate = Today.AddDays(25) }, Json));
        Assert.Contains("dueDate", late.Keys);

        // Moving the RFP's due date moves the response task; the question stays with its owner.
        await ReadAsync<OpportunityDto>(await am.PatchAsJsonAsync($"/api/v1/opportunities/{rfp.Id}", new { rfpDueDate = Today.AddDays(18) }, Json));
        tasks = await ReadAsync<List<TaskDto>>(await am.GetAsync($"/api/v1/opportunities/{rfp.Id}/rfp-tasks"));
        Assert.Equal([Today.AddDays(18), Today.AddDays(15)], tasks.Select(t => t.DueDate!.Value).ToArray());
        var open = await App.AsAsync(People.AmNorth, s => s.GetRequiredService<TaskService>().OpenForAccountAsync(account.Id, "rfp"));
        Assert.Equal(2, open.Count);
    }

    [Fact]
    public async Task Only_admins_configure_stages_and_a_new_stage_joins_its_types_pipeline()
    {
        var am = await As(People.AmNorth);
        var admin = await As(People.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await am.PostAsJsonAsync("/api/v1/opportunity-stages", new { type = "Rfp", name = "Shortlisted", position = 25, probability = 40 }, Json)).StatusCode);

        var added = await ReadAsync<StageDto>(await admin.PostAsJsonAsync("/api/v1/opportunity-stages", new { type = "Rfp", name = "Shortlisted", position = 25, probability = 40 }, Json), HttpStatusCode.Created);
        var duplicate = await FieldErrorsAsync(await admin.PostAsJsonAsync("/api/v1/opportunity-stages", new { type = "Rfp", name = "shortlisted", position = 26, probability = 40 }, Json));
        Assert.Contains("name", duplicate.Keys);
        var rfpStages = await ReadAsync<List<StageDto>>(await am.GetAsync("/api/v1/opportunity-stages?type=Rfp"));
        Assert.Equal(["Identified", "Qualified", "Shortlisted", "Proposal", "Negotiation", "Won", "Lost"], rfpStages.Select(s => s.Name).ToArray());
        Assert.DoesNotContain(await ReadAsync<List<StageDto>>(await am.GetAsync("/api/v1/opportunity-stages?type=Expansion")), s => s.Name == "Shortlisted");

        var account = await CreateAccountAsync(am, "Stage Users");
        var opportunity = await CreateOpportunityAsync(am, account.Id, "Tender", 10, Today.AddDays(9), b => { b["type"] = "Rfp"; b["stageId"] = added.Id; });
        Assert.Equal(40, opportunity.Probability);
        var retire = await FieldErrorsAsync(await admin.PutAsJsonAsync($"/api/v1/opportunity-stages/{added.Id}", new { type = "Rfp", name = "Shortlisted", position = 25, probability = 40, isActive = false }, Json));
        Assert.Contains("isActive", retire.Keys);
        var won = await StageAsync(OpportunityType.Rfp, "Won");
        Assert.Contains("isActive", (await FieldErrorsAsync(await admin.PutAsJsonAsync($"/api/v1/opportunity-stages/{won.Id}", new { type = "Rfp", name = "Won", position = 50, probability = 100, isActive = false }, Json))).Keys);
    }

    [Fact]
    public async Task The_board_has_a_column_per_stage_with_its_total()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Board Games");
        await CreateOpportunityAsync(am, account.Id, "One", 100, Today.AddDays(5));
        await CreateOpportunityAsync(am, account.Id, "Two", 200, Today.AddDays(5), b => b["type"] = "CrossSell");
        var won = await CreateOpportunityAsync(am, account.Id, "Old win", 400, Today.AddDays(-200));
        await am.PostAsJsonAsync($"/api/v1/opportunities/{won.Id}/stage", new { stageId = (await StageAsync(OpportunityType.Expansion, "Won")).Id }, Json);

        var board = await ReadAsync<PipelineBoard>(await am.GetAsync($"/api/v1/opportunities/board?accountId={account.Id}"));
        Assert.Equal(["Identified", "Qualified", "Proposal", "Negotiation", "Won", "Lost"], board.Columns.Select(c => c.Name).ToArray());
        var identified = board.Columns[0];
        Assert.Equal((2, 300m), (identified.Count, identified.Amount.Single().Amount));
        // Won long ago (its close date is before this quarter): not on the board.
        Assert.Equal(0, board.Columns.Single(c => c.Name == "Won").Count);
        Assert.Equal(2, board.Total);
    }
}
