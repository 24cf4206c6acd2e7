using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Infrastructure.Http;

namespace Steward.Features.Cadence;

public static class CadenceApi
{
    public static RouteGroupBuilder MapCadenceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cadence").WithTags("Cadence");

        group.MapGet("/rules", (CadenceService cadence, CancellationToken ct) => cadence.RulesAsync(ct))
            .WithSummary("The cadence rules: how often accounts of a tier (and their stakeholders in a role) must be touched.");

        group.MapPost("/rules", async Task<Created<CadenceRuleDto>> (CadenceRuleInput input, CadenceService cadence, HttpResponse response, CancellationToken ct) =>
        {
            var rule = ETags.Tagged(response, await cadence.CreateRuleAsync(input, ct));
            return TypedResults.Created($"/api/v1/cadence/rules/{rule.Id}", rule);
        }).WithSummary("Add a cadence rule (admins).");

        group.MapPut("/rules/{id:int}", async (int id, CadenceRuleInput input, CadenceService cadence, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await cadence.UpdateRuleAsync(id, input, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Change a cadence rule (admins).");

        group.MapDelete("/rules/{id:int}", async (int id, CadenceService cadence, CancellationToken ct) =>
        {
            await cadence.DeleteRuleAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Delete a cadence rule (admins).");

        group.MapGet("/due", ([AsParameters] CadenceDueQuery query, CadenceService cadence, CancellationToken ct) => cadence.DueAsync(query, ct))
            .WithSummary("Touches due by a day (default today) across the accounts you can see, most overdue first. ownerId=me for yours.");

        api.MapGet("/accounts/{id:int}/cadence", (int id, CadenceService cadence, CancellationToken ct) => cadence.ForAccountAsync(id, ct))
            .WithTags("Cadence").WithSummary("Each cadence rule that applies to the account: last touch, next due, status.");
        return api;
    }
}
