using System.Net;
using System.Net.Http.Json;
using Steward.Features.Approvals;
using Steward.Features.Playbooks;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Playbooks;

public sealed class PlaybooksApiTests : ApiTest
{
    [Fact]
    public async Task The_shipped_templates_are_faithful_to_the_seeds()
    {
        var am = await As(People.AmNorth);
        var templates = await ReadAsync<List<TemplateSummaryDto>>(await am.GetAsync("/api/v1/playbook-templates"));
        Assert.Equal(["Account management", "Key account management process", "Sales to account management handoff"], templates.Select(t => t.Name));

        var accountManagement = templates[0];
        Assert.Equal((20, 4), (accountManagement.Steps, accountManagement.Gates));
        var definition = (await ReadAsync<TemplateDto>(await am.GetAsync($"/api/v1/playbook-templates/{accountManagement.Id}"))).Definition;
        var steps = definition.Steps;
        Assert.Equal("Identify the account for management", steps[0].Title);
        Assert.Equal("Evaluate account management success and document findings", steps[19].Title);
        Assert.StartsWith("This task involves identifying the account that needs to be managed.", steps[0].Description, StringComparison.Ordinal);
        Assert.All(steps.Where(s => s.Kind == StepKind.Task), s => Assert.True(s.Description!.Length > 300, s.Title));
        Assert.Equal([4, 7, 14, 18], steps.Select((s, i) => (s, i)).Where(x => x.s.Kind == StepKind.Approval).Select(x => x.i));
        Assert.Equal(["identify-account", "gather-records", "review-history", "analyze-status"], steps[4].Covers);
        Assert.Equal(["define-objectives", "draft-plan"], steps[7].Covers);
        Assert.Equal(["prepare-reports", "present-reports"], steps[14].Covers);
        Assert.Equal(["periodic-review"], steps[18].Covers);

        List<string> Options(string step, string field) => steps.Single(s => s.Key == step).Fields.Single(f => f.Key == field).Options;
        Assert.Equal(["Financial statements", "Transaction history", "Contracts", "Invoices", "Correspondence"], Options("gather-records", "records"));
        Assert.Equal(["Late payments", "Customer complaints", "Service disruptions", "Quality issues", "Billing errors"], Options("review-history", "history-issues"));
        Assert.Equal(["Very Satisfied", "Satisfied", "Neutral", "Dissatisfied", "Very Dissatisfied"], Options("analyze-status", "satisfaction"));
        Assert.Equal(["Strong market presence", "High customer retention rate", "Diverse product portfolio", "Excellent customer service", "Competitive pricing"], Options("analyze-status", "strengths"));
        Assert.Equal(["Contact account customer", "Evaluate customer needs", "Develop customized solutions", "Implement solutions", "Monitor progress"], Options("implement-plan", "implementation"));
        Assert.Equal(["Review account performance", "Collect customer feedback", "Analyze data and metrics", "Identify areas for improvement", "Adjust strategies and actions"], Options("monitor-implementation", "monitoring"));
        Assert.Equal(["Email", "Phone", "In-person meetings", "Video conferences", "Online chat"], Options("communicate", "channels"));
        Assert.Equal(["Revenue", "Customer Satisfaction", "Retention Rate", "Sales Pipeline", "Market Share"], Options("prepare-reports", "report-metrics"));
        Assert.Equal(["Lead generation", "Sales forecasting", "Pipeline management", "Customer handover", "Account expansion opportunities"], Options("coordinate-sales", "topics"));
        Assert.Equal(["Late payments", "Product defects", "Delivery delays", "Miscommunication", "Billing discrepancies"], Options("resolve-issues", "issue-types"));
        Assert.Equal(["Monthly", "Quarterly", "Biannually", "Annually", "As needed"], Options("periodic-review", "review-frequency"));
        Assert.Equal(["Account performance", "Customer feedback", "Market trends", "Internal resource allocation", "Competitive landscape"], Options("periodic-review", "review-triggers"));

        var kam = (await ReadAsync<TemplateDto>(await am.GetAsync($"/api/v1/playbook-templates/{templates[1].Id}"))).Definition;
        Assert.Equal(["Portfolio vis-à-vis profits", "Understanding the Customer entirely", "Relationship X-Ray", "Draw up a Key Account Plan Blueprint", "Get into Action", "Resource Planning and Audit", "Communicate with internal and external stakeholders"],
            kam.Steps.Select(s => s.Title));
    }

    [Fact]
    public async Task A_full_run_of_the_20_step_template_passes_its_four_gates()
    {
        var am = await As(People.AmNorth);
        var manager = await As(People.ManagerNorth);
        var account = await CreateAccountAsync(am, "Contoso Pharma");
        var run = await StartAsync(am, account.Id, "Account management");
        Assert.Equal(20, run.Steps.Count);
        Assert.All(run.Steps.Where(s => s.Kind == StepKind.Task), s => Assert.Equal(account.OwnerId, s.AssigneeId));
        var managerId = await App.UserIdAsync(People.ManagerNorth);
        Assert.All(run.Steps.Where(s => s.Kind == StepKind.Approval), s => Assert.Equal(managerId, s.AssigneeId));
        Assert.Equal(new DateOnly(2026, 11, 19), run.Steps[0].DueDate);
        Assert.True(run.Steps[5].Blocked);
        Assert.Equal("Approval: Account Status", run.Steps[5].BlockedBy);

        // Gates block later steps, and a gate waits for the steps it covers.
        Assert.Contains("status", (await FieldErrorsAsync(await am.PostAsJsonAsync($"/api/v1/playbook-steps/{run.Steps[5].Id}/complete", new { }, Json))).Keys);
        Assert.Contains("covers", (await FieldErrorsAsync(await am.PostAsync($"/api/v1/playbook-steps/{run.Steps[4].Id}/request-approval", null))).Keys);
        // Required fields, and answers that must fit their field.
        var analyze = run.Steps[3];
        Assert.Contains("satisfaction", (await FieldErrorsAsync(await am.PostAsJsonAsync($"/api/v1/playbook-steps/{analyze.Id}/complete", new { answers = new { } }, Json))).Keys);
        Assert.Contains("satisfaction", (await FieldErrorsAsync(await am.PutAsJsonAsync($"/api/v1/playbook-steps/{analyze.Id}/answers", new { answers = new { satisfaction = "Ecstatic" } }, Json))).Keys);
        Assert.Contains("nope", (await FieldErrorsAsync(await am.PutAsJsonAsync($"/api/v1/playbook-steps/{analyze.Id}/answers", new { answers = new { nope = "x" } }, Json))).Keys);

        var firstGateSentBack = false;
        for (var i = 0; i < 20; i++)
        {
            run = await ReadAsync<RunDto>(await am.GetAsync($"/api/v1/playbook-runs/{run.Id}"));
            var step = run.Steps[i];
            if (step.Kind == StepKind.Task)
            {
                run = await ReadAsync<RunDto>(await am.PostAsJsonAsync($"/api/v1/playbook-steps/{step.Id}/complete", new { answers = AnswersFor(step) }, Json));
                continue;
            }
            run = await ReadAsync<RunDto>(await am.PostAsJsonAsync($"/api/v1/playbook-steps/{step.Id}/request-approval", new { comment = "Please look." }, Json));
            Assert.Equal(StepStatus.AwaitingApproval, run.Steps[i].Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await am.PostAsJsonAsync($"/api/v1/playbook-steps/{step.Id}/approve", new { }, Json)).StatusCode);
            var inbox = await ReadAsync<List<ApprovalItemDto>>(await manager.GetAsync("/api/v1/approvals"));
            var item = Assert.Single(inbox);
            Assert.Equal((ApprovalKind.Gate, step.Id), (item.Kind, item.Id));
            if (!firstGateSentBack)
            {
                // The first gate goes back once: its covered steps reopen and must be done again.
                firstGateSentBack = true;
                run = await ReadAsync<RunDto>(await manager.PostAsJsonAsync($"/api/v1/playbook-steps/{step.Id}/request-changes", new { comment = "Add the invoices." }, Json));
                Assert.Equal(StepStatus.ChangesRequested, run.Steps[i].Status);
                Assert.All(run.Steps.Take(4), s => Assert.Equal(StepStatus.Open, s.Status));
                foreach (var covered in run.Steps.Take(4))
                {
                    await ReadAsync<RunDto>(await am.PostAsJsonAsync($"/api/v1/playbook-steps/{covered.Id}/complete", new { answers = AnswersFor(covered) }, Json));
                }
                await ReadAsync<RunDto>(await am.PostAsJsonAsync($"/api/v1/playbook-steps/{step.Id}/request-approval", new { }, Json));
            }
            run = await ReadAsync<RunDto>(await manager.PostAsJsonAsync($"/api/v1/playbook-steps/{step.Id}/approve", new { comment = "Approved." }, Json));
            Assert.Equal(StepStatus.Approved, run.Steps[i].Status);
        }
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(20, run.StepsDone);
        Assert.Equal(["Contracts", "Invoices"], run.Steps[1].Answers["records"]);

        var summaries = await ReadAsync<Page<RunSummaryDto>>(await manager.GetAsync("/api/v1/playbook-runs"));
        var summary = Assert.Single(summaries.Items);
        Assert.Equal((20, 20, RunStatus.Completed), (summary.StepsDone, summary.StepsTotal, summary.Status));
    }

    [Fact]
    public async Task Portfolio_view_shows_progress_overdue_steps_and_who_the_run_waits_on()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Blue Yonder");
        var run = await StartAsync(am, account.Id, "Sales to account management handoff");
        await ReadAsync<RunDto>(await am.PostAsJsonAsync($"/api/v1/playbook-steps/{run.Steps[0].Id}/complete", new { answers = AnswersFor(run.Steps[0]) }, Json));
        var am2 = await App.UserIdAsync(People.Am2North);
        await ReadAsync<RunDto>(await am.PutAsJsonAsync($"/api/v1/playbook-steps/{run.Steps[1].Id}/assignee", new { assigneeId = am2 }, Json));
        App.Clock.Advance(TimeSpan.FromDays(5));

        var page = await ReadAsync<Page<RunSummaryDto>>(await am.GetAsync("/api/v1/playbook-runs?overdue=true"));
        var summary = Assert.Single(page.Items);
        Assert.Equal((1, 6), (summary.StepsDone, summary.StepsTotal));
        Assert.Equal("Introduce the stakeholders", summary.NextStepTitle);
        Assert.Equal("Jordan Falk", summary.WaitingOnName);
        Assert.Equal(2, summary.OverdueSteps);
        Assert.Equal(1, (await ReadAsync<Page<RunSummaryDto>>(await am.GetAsync($"/api/v1/playbook-runs?waitingOnId={am2}"))).Total);
        Assert.Equal(0, (await ReadAsync<Page<RunSummaryDto>>(await am.GetAsync($"/api/v1/playbook-runs?waitingOnId={account.OwnerId}"))).Total);
    }

    [Fact]
    public async Task Editing_a_template_never_changes_a_running_process()
    {
        var admin = await As(People.Admin);
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Trey Research");
        var before = await StartAsync(am, account.Id, "Key account management process");

        var templateId = (await ReadAsync<List<TemplateSummaryDto>>(await admin.GetAsync("/api/v1/playbook-templates"))).Single(t => t.Name == "Key account management process").Id;
        var template = await ReadAsync<TemplateDto>(await admin.GetAsync($"/api/v1/playbook-templates/{templateId}"));
        var definition = template.Definition;
        definition.Steps[0].Title = "Place the account in the portfolio";
        definition.Steps.Add(new StepDefinition { Key = "audit-approval", Title = "Approval: Audit", Kind = StepKind.Approval, Covers = ["resource-audit"] });

        // Only admins edit; a stale If-Match is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await am.PutAsJsonAsync($"/api/v1/playbook-templates/{templateId}", definition, Json)).StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/playbook-templates/{templateId}") { Content = JsonContent.Create(definition, options: Json) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{template.Version + 5}\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.SendAsync(stale)).StatusCode);
        var saved = await ReadAsync<TemplateDto>(await admin.PutAsJsonAsync($"/api/v1/playbook-templates/{templateId}", definition, Json));
        Assert.Equal(2, saved.CurrentVersion);
        Assert.Equal(2, saved.Versions.Count);

        var running = await ReadAsync<RunDto>(await am.GetAsync($"/api/v1/playbook-runs/{before.Id}"));
        Assert.Equal((1, 2, 7), (running.TemplateVersion, running.TemplateCurrentVersion, running.Steps.Count));
        Assert.Equal("Portfolio vis-à-vis profits", running.Steps[0].Title);
        var after = await StartAsync(am, account.Id, "Key account management process");
        Assert.Equal((2, 8), (after.TemplateVersion, after.Steps.Count));
        Assert.Equal("Place the account in the portfolio", after.Steps[0].Title);

        // Bad definitions are refused with every problem named.
        definition.Steps.Add(new StepDefinition { Key = "broken", Title = "Approval: nothing", Kind = StepKind.Approval, Covers = ["does-not-exist"] });
        definition.Steps[0].Fields.Add(new FieldDefinition { Key = "pick", Label = "Pick", Type = StepFieldType.SingleChoice });
        var errors = await FieldErrorsAsync(await admin.PutAsJsonAsync($"/api/v1/playbook-templates/{templateId}", definition, Json));
        Assert.Equal(2, errors["steps"].Length);
    }

    [Fact]
    public async Task Templates_export_and_import_as_json()
    {
        var admin = await As(People.Admin);
        var templates = await ReadAsync<List<TemplateSummaryDto>>(await admin.GetAsync("/api/v1/playbook-templates"));
        var id = templates.Single(t => t.Name == "Account management").Id;
        var exported = await admin.GetStringAsync($"/api/v1/playbook-templates/{id}/export");
        Assert.Contains("\"key\": \"account-management\"", exported, StringComparison.Ordinal);

        // The same key imports as a new version; a new key as a new template.
        var reimported = await ReadAsync<TemplateDto>(await admin.PostAsync("/api/v1/playbook-templates/import", new StringContent(exported, System.Text.Encoding.UTF8, "application/json")));
        Assert.Equal((id, 2), (reimported.Id, reimported.CurrentVersion));
        var copy = exported.Replace("\"key\": \"account-management\"", "\"key\": \"account-management-emea\"", StringComparison.Ordinal)
            .Replace("\"name\": \"Account management\"", "\"name\": \"Account management EMEA\"", StringComparison.Ordinal);
        var created = await ReadAsync<TemplateDto>(await admin.PostAsync("/api/v1/playbook-templates/import", new StringContent(copy, System.Text.Encoding.UTF8, "application/json")));
        Assert.NotEqual(id, created.Id);
        Assert.Equal(20, created.Definition.Steps.Count);
        Assert.Equal(4, (await ReadAsync<List<TemplateSummaryDto>>(await admin.GetAsync("/api/v1/playbook-templates"))).Count);

        var am = await As(People.AmNorth);
        Assert.Equal(HttpStatusCode.Forbidden, (await am.PostAsync("/api/v1/playbook-templates/import", new StringContent(copy, System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task Two_approvers_deciding_a_gate_at_once_produce_exactly_one_decision()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Coho Vineyard");
        var run = await StartAsync(am, account.Id, "Sales to account management handoff");
        foreach (var step in run.Steps.Take(4))
        {
            run = await ReadAsync<RunDto>(await am.PostAsJsonAsync($"/api/v1/playbook-steps/{step.Id}/complete", new { answers = AnswersFor(step) }, Json));
        }
        run = await ReadAsync<RunDto>(await am.PostAsJsonAsync($"/api/v1/playbook-steps/{run.Steps[4].Id}/request-approval", new { }, Json));
        var gate = run.Steps[4];
        var manager = await As(People.ManagerNorth);
        var admin = await As(People.Admin);

        var responses = await Task.WhenAll(Decide(manager, "approve"), Decide(admin, "request-changes"));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed);
        var after = await ReadAsync<RunDto>(await am.GetAsync($"/api/v1/playbook-runs/{run.Id}"));
        Assert.Contains(after.Steps[4].Status, new[] { StepStatus.Approved, StepStatus.ChangesRequested });

        Task<HttpResponseMessage> Decide(HttpClient client, string action)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/playbook-steps/{gate.Id}/{action}") { Content = JsonContent.Create(new { comment = action }, options: Json) };
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{gate.Version}\""));
            return client.SendAsync(request);
        }
    }

    [Fact]
    public async Task Runs_on_foreign_accounts_are_invisible_and_untouchable()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Margie's Travel");
        var run = await StartAsync(am, account.Id, "Sales to account management handoff");
        var outsider = await As(People.AmSouth);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/playbook-runs/{run.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/playbook-steps/{run.Steps[0].Id}/complete", new { answers = AnswersFor(run.Steps[0]) }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PutAsJsonAsync($"/api/v1/playbook-steps/{run.Steps[0].Id}/answers", new { answers = new { } }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/playbook-steps/{run.Steps[4].Id}/approve", new { }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/v1/playbook-runs/{run.Id}/cancel", null)).StatusCode);
        Assert.Equal(0, (await ReadAsync<Page<RunSummaryDto>>(await outsider.GetAsync("/api/v1/playbook-runs"))).Total);
        var templateId = run.TemplateId;
        Assert.Contains("accountId", (await FieldErrorsAsync(await outsider.PostAsJsonAsync("/api/v1/playbook-runs", new { accountId = account.Id, templateId }, Json))).Keys);
    }

    private async Task<RunDto> StartAsync(HttpClient client, int accountId, string templateName)
    {
        var templates = await ReadAsync<List<TemplateSummaryDto>>(await client.GetAsync("/api/v1/playbook-templates"));
        var response = await client.PostAsJsonAsync("/api/v1/playbook-runs", new { accountId, templateId = templates.Single(t => t.Name == templateName).Id }, Json);
        return await ReadAsync<RunDto>(response, HttpStatusCode.Created);
    }

    /// <summary>A valid answer for every field of a step.</summary>
    private static Dictionary<string, object> AnswersFor(RunStepDto step) => step.Fields.ToDictionary(f => f.Key, f => (object)(f.Type switch
    {
        StepFieldType.Checklist or StepFieldType.MultipleChoice => f.Key == "records" ? new[] { "Contracts", "Invoices" } : new[] { f.Options[0] },
        StepFieldType.SingleChoice => f.Options[0],
        StepFieldType.Rating => f.Options.Count > 0 ? f.Options[^1] : "5",
        StepFieldType.Date => "2026-11-20",
        StepFieldType.Number => 125000.5m,
        StepFieldType.Link => "https://example.com/doc",
        _ => $"Notes for {step.Title}",
    }));
}
