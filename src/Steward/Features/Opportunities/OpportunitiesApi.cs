using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Steward.Features.Accounts;
using Steward.Infrastructure.Http;

namespace Steward.Features.Opportunities;

public static class OpportunitiesApi
{
    public static RouteGroupBuilder MapOpportunitiesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/opportunities").WithTags("Opportunities");

        group.MapGet("/", ([AsParameters] OpportunityListQuery query, OpportunityQueries opportunities, CancellationToken ct) => opportunities.ListAsync(query, ct))
            .WithSummary("List opportunities at the accounts you can see: filter by account, owner, team, type, stage, outcome, forecast category, period (2026-Q4), currency.");

        group.MapGet("/board", ([AsParameters] OpportunityListQuery query, OpportunityQueries opportunities, CancellationToken ct) => opportunities.BoardAsync(query, ct))
            .WithSummary("The pipeline board: a column per stage with its count and amount, and the cards (without a period: everything open and what closed this quarter).");

        group.MapGet("/{id:int}", async (int id, OpportunityQueries opportunities, HttpResponse response, CancellationToken ct) =>
            ETags.Tagged(response, await opportunities.GetAsync(id, ct)))
            .WithSummary("Get one opportunity. The ETag is its version, for If-Match on updates.");

        group.MapPost("/", async Task<Created<OpportunityDto>> (OpportunityInput input, OpportunityService service, HttpResponse response, CancellationToken ct) =>
        {
            var opportunity = ETags.Tagged(response, await service.CreateAsync(input, ct));
            return TypedResults.Created($"/api/v1/opportunities/{opportunity.Id}", opportunity);
        }).WithSummary("Create an opportunity. Stage defaults to the type's first, probability to the stage's, owner to the account's owner.");

        group.MapPut("/{id:int}", async (int id, OpportunityInput input, OpportunityService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.UpdateAsync(id, input, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Replace an opportunity's fields. A new stage is recorded in its history.");

        group.MapPatch("/{id:int}", async (int id, [FromBody] JsonElement patch, OpportunityService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.PatchAsync(id, patch, ETags.IfMatchVersion(request), ct)))
            .Accepts<JsonElement>("application/merge-patch+json", "application/json")
            .WithSummary("Change some fields (JSON merge patch).");

        group.MapPost("/{id:int}/stage", async (int id, OpportunityMoveInput move, OpportunityService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.MoveAsync(id, move, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Move to another stage of its type (what dragging on the board does). Lost needs a lost reason; won and lost close it today.");

        group.MapGet("/{id:int}/history", (int id, OpportunityQueries opportunities, CancellationToken ct) => opportunities.HistoryAsync(id, ct))
            .WithSummary("The stage changes, oldest first, with who moved it and how long it stayed.");

        group.MapDelete("/{id:int}", async (int id, OpportunityService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.ArchiveAsync(id, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Archive an opportunity. Nothing is deleted; restore brings it back.");

        group.MapPost("/{id:int}/restore", async (int id, OpportunityService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.RestoreAsync(id, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Restore an archived opportunity.");

        group.MapGet("/{id:int}/rfp-tasks", (int id, RfpService rfp, CancellationToken ct) => rfp.TasksAsync(id, ct))
            .WithSummary("An RFP's tasks: the response deadline and each question with who answers it by when.");

        group.MapPost("/{id:int}/rfp-questions", async (int id, RfpQuestionInput input, RfpService rfp, CancellationToken ct) =>
        {
            var task = await rfp.AddQuestionAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/opportunities/{id}/rfp-tasks", task);
        }).WithSummary("Add an RFP question: a task for the colleague who answers it, due before the RFP.");

        var stages = api.MapGroup("/opportunity-stages").WithTags("Opportunities");
        stages.MapGet("/", (OpportunityType? type, bool? includeRetired, OpportunityQueries opportunities, CancellationToken ct) =>
            opportunities.StagesAsync(type, includeRetired == true, ct))
            .WithSummary("The stages of each opportunity type, in pipeline order.");
        stages.MapPost("/", async (StageInput input, StageService service, CancellationToken ct) =>
        {
            var stage = await service.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/opportunity-stages/{stage.Id}", stage);
        }).WithSummary("Add an open stage to a type's pipeline (admins).");
        stages.MapPut("/{id:int}", async (int id, StageInput input, StageService service, HttpRequest request, CancellationToken ct) =>
            await service.UpdateAsync(id, input, ETags.IfMatchVersion(request), ct))
            .WithSummary("Rename, reorder, change the probability of or retire a stage (admins).");

        api.MapGet("/accounts/{id:int}/opportunities", async (int id, [AsParameters] OpportunityListQuery query, AccountQueries accounts, OpportunityQueries opportunities, CancellationToken ct) =>
        {
            await accounts.GetAsync(id, ct);
            return await opportunities.ListAsync(query with { AccountId = id }, ct);
        }).WithTags("Opportunities").WithSummary("The account's opportunities.");
        return api;
    }

    public static RouteGroupBuilder MapForecastApi(this RouteGroupBuilder api)
    {
        api.MapGet("/forecast", ([AsParameters] ForecastQuery query, ForecastQueries forecast, CancellationToken ct) => forecast.ForecastAsync(query, ct))
            .WithTags("Forecast")
            .WithSummary("The quarter's forecast per person, per team and in total: closed, commit, best case, weighted pipeline against target, the gap and why.");

        api.MapGet("/targets", (string? period, TargetService targets, CancellationToken ct) => targets.ListAsync(period, ct))
            .WithTags("Forecast").WithSummary("Targets of the quarter for the people whose numbers you see.");

        api.MapPut("/targets", (TargetInput input, TargetService targets, CancellationToken ct) => targets.SetAsync(input, ct))
            .WithTags("Forecast").WithSummary("Set someone's target for a quarter (their manager or an admin; never your own).");
        return api;
    }
}
