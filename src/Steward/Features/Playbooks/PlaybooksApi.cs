using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Steward.Infrastructure.Http;

namespace Steward.Features.Playbooks;

public static class PlaybooksApi
{
    public static RouteGroupBuilder MapPlaybooksApi(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/playbook-templates").WithTags("Playbook templates");

        templates.MapGet("/", (PlaybookTemplates service, bool? includeArchived, CancellationToken ct) => service.ListAsync(includeArchived == true, ct))
            .WithSummary("List playbook templates with their step and gate counts.");

        templates.MapGet("/{id:int}", async (int id, PlaybookTemplates service, HttpResponse response, CancellationToken ct) =>
            ETags.Tagged(response, await service.GetAsync(id, ct)))
            .WithSummary("Get a template's current definition and its version history.");

        templates.MapPost("/", async Task<Created<TemplateDto>> (PlaybookDefinition definition, PlaybookTemplates service, CancellationToken ct) =>
        {
            var template = await service.CreateAsync(definition, ct);
            return TypedResults.Created($"/api/v1/playbook-templates/{template.Id}", template);
        }).WithSummary("Create a template (admins).");

        templates.MapPut("/{id:int}", async (int id, PlaybookDefinition definition, PlaybookTemplates service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.UpdateAsync(id, definition, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Save a new version of a template (admins). Running processes keep the version they started with.");

        templates.MapGet("/{id:int}/export", async (int id, int? version, PlaybookTemplates service, CancellationToken ct) =>
            Results.File(Encoding.UTF8.GetBytes(await service.ExportAsync(id, version, ct)), "application/json", $"playbook-{id}.json"))
            .WithSummary("Download a template version as JSON, the format import reads.");

        templates.MapPost("/import", async ([FromBody] System.Text.Json.JsonElement body, PlaybookTemplates service, CancellationToken ct) =>
            await service.ImportAsync(body.GetRawText(), ct))
            .WithSummary("Import an exported template (admins): a new version of the template with the same key, or a new template.");

        templates.MapPost("/{id:int}/archive", (int id, PlaybookTemplates service, CancellationToken ct) => service.SetArchivedAsync(id, true, ct))
            .WithSummary("Archive a template: no new runs; running ones go on.");

        var runs = api.MapGroup("/playbook-runs").WithTags("Playbook runs");

        runs.MapGet("/", ([AsParameters] RunListQuery query, PlaybookRunQueries service, CancellationToken ct) => service.ListAsync(query, ct))
            .WithSummary("Runs across the accounts you can see: progress, overdue steps, and who the next step waits on.");

        runs.MapGet("/{id:int}", async (int id, PlaybookRunQueries service, HttpResponse response, CancellationToken ct) =>
            ETags.Tagged(response, await service.GetAsync(id, ct)))
            .WithSummary("A run with its steps, fields, answers, gates and what blocks what.");

        runs.MapPost("/", async Task<Created<RunDto>> (StartRunInput input, PlaybookRunService service, CancellationToken ct) =>
        {
            var run = await service.StartAsync(input, ct);
            return TypedResults.Created($"/api/v1/playbook-runs/{run.Id}", run);
        }).WithSummary("Start a template on an account (pinned to the template's current version).");

        runs.MapPost("/{id:int}/cancel", (int id, PlaybookRunService service, CancellationToken ct) => service.CancelAsync(id, ct))
            .WithSummary("Cancel a run.");

        var steps = api.MapGroup("/playbook-steps").WithTags("Playbook runs");

        steps.MapPut("/{id:int}/assignee", (int id, AssignStepInput input, PlaybookRunService service, CancellationToken ct) => service.AssignAsync(id, input, ct))
            .WithSummary("Assign a step to a colleague and optionally move its due date.");

        steps.MapPut("/{id:int}/answers", (int id, StepAnswersInput input, PlaybookRunService service, HttpRequest request, CancellationToken ct) =>
            service.SaveAnswersAsync(id, input, ETags.IfMatchVersion(request), ct))
            .WithSummary("Save answers to a step's fields without completing it. If-Match is the step's version.");

        steps.MapPost("/{id:int}/complete", (int id, [FromBody] StepAnswersInput? input, PlaybookRunService service, HttpRequest request, CancellationToken ct) =>
            service.CompleteAsync(id, input, ETags.IfMatchVersion(request), ct))
            .WithSummary("Complete a task step (with its last answers). Refused while an earlier gate is not approved.");

        steps.MapPost("/{id:int}/reopen", (int id, PlaybookRunService service, CancellationToken ct) => service.ReopenAsync(id, ct))
            .WithSummary("Reopen a done step that no gate has approved.");

        steps.MapPost("/{id:int}/request-approval", (int id, [FromBody] GateDecisionInput? input, PlaybookRunService service, CancellationToken ct) =>
            service.RequestApprovalAsync(id, input, ct))
            .WithSummary("Send an approval gate to the approver once the steps it covers are done.");

        steps.MapPost("/{id:int}/approve", (int id, [FromBody] GateDecisionInput? input, PlaybookRunService service, HttpRequest request, CancellationToken ct) =>
            service.DecideAsync(id, approve: true, input, ETags.IfMatchVersion(request), ct))
            .WithSummary("Approve a gate (the approver or an admin; never the requester or the account owner).");

        steps.MapPost("/{id:int}/request-changes", (int id, GateDecisionInput input, PlaybookRunService service, HttpRequest request, CancellationToken ct) =>
            service.DecideAsync(id, approve: false, input, ETags.IfMatchVersion(request), ct))
            .WithSummary("Send a gate back with a comment; the steps it covers reopen.");

        return api;
    }
}
