using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Steward.Infrastructure.Http;

namespace Steward.Features.Plans;

public static class PlansApi
{
    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/plans").WithTags("Account plans");

        group.MapGet("/", ([AsParameters] PlanListQuery query, PlanQueries plans, CancellationToken ct) => plans.ListAsync(query, ct))
            .WithSummary("List account plans of the accounts you can see, paged, filtered (account, status, owner, review due) and sorted.");

        group.MapGet("/{id:int}", async (int id, PlanQueries plans, HttpResponse response, CancellationToken ct) =>
            ETags.Tagged(response, await plans.GetAsync(id, ct)))
            .WithSummary("Get a plan with its sections, objectives (with actuals and progress), actions and the moves you may make.");

        group.MapPost("/", async Task<Created<PlanDto>> (PlanInput input, PlanService service, HttpResponse response, CancellationToken ct) =>
        {
            var plan = ETags.Tagged(response, await service.CreateAsync(input, ct));
            return TypedResults.Created($"/api/v1/plans/{plan.Id}", plan);
        }).WithSummary("Draft a plan for an account and period.");

        group.MapPut("/{id:int}", async (int id, PlanInput input, PlanService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.UpdateAsync(id, input, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Replace a plan's header and sections (drafts, changes requested, in review). Send If-Match.");

        group.MapPost("/{id:int}/objectives", async (int id, ObjectiveInput input, PlanService service, HttpResponse response, CancellationToken ct) =>
            ETags.Tagged(response, await service.AddObjectiveAsync(id, input, ct)))
            .WithSummary("Add a measurable objective (KPI, baseline, target, due date).");

        group.MapPut("/{id:int}/objectives/{objectiveId:int}", async (int id, int objectiveId, ObjectiveInput input, PlanService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.UpdateObjectiveAsync(id, objectiveId, input, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Change an objective; while the plan runs only its actual and status. If-Match is the objective's version.");

        group.MapDelete("/{id:int}/objectives/{objectiveId:int}", async (int id, int objectiveId, PlanService service, HttpResponse response, CancellationToken ct) =>
            ETags.Tagged(response, await service.RemoveObjectiveAsync(id, objectiveId, ct)))
            .WithSummary("Remove an objective from a draft.");

        group.MapPost("/{id:int}/actions", async (int id, PlanActionInput input, PlanService service, HttpResponse response, CancellationToken ct) =>
            ETags.Tagged(response, await service.AddActionAsync(id, input, ct)))
            .WithSummary("Add an action: a task with an owner and a due date.");

        group.MapPost("/{id:int}/{action}", async (int id, string action, [FromBody] PlanTransitionInput? input, PlanService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.MoveAsync(id, ParseAction(action), input, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Move the plan: submit, approve, request-changes, activate, start-review, complete-review or close. Send If-Match so two approvers cannot both decide.");

        group.MapGet("/{id:int}/history", (int id, PlanQueries plans, CancellationToken ct) => plans.HistoryAsync(id, ct))
            .WithSummary("Every lifecycle move: who, when, from what to what, and the comment.");

        group.MapGet("/{id:int}/versions", (int id, PlanQueries plans, CancellationToken ct) => plans.SnapshotsAsync(id, ct))
            .WithSummary("The plan's frozen versions: each submission and approval.");

        group.MapGet("/{id:int}/versions/{number:int}", (int id, int number, PlanQueries plans, CancellationToken ct) => plans.SnapshotAsync(id, number, ct))
            .WithSummary("One frozen version's content.");

        group.MapGet("/{id:int}/diff", (int id, PlanQueries plans, CancellationToken ct) => plans.DiffToApprovedAsync(id, ct))
            .WithSummary("The differences between the last approved version and the plan now.");

        return api;
    }

    private static PlanAction ParseAction(string action) =>
        Enum.TryParse<PlanAction>(action.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
            ? parsed
            : throw new Infrastructure.Errors.NotFoundException("Plan action", action);
}
