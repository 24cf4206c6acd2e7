using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Steward.Infrastructure.Http;

namespace Steward.Features.Interactions;

public static class InteractionsApi
{
    public static RouteGroupBuilder MapInteractionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/interactions").WithTags("Interactions");

        group.MapGet("/", ([AsParameters] InteractionListQuery query, InteractionQueries interactions, CancellationToken ct) => interactions.ListAsync(query, ct))
            .WithSummary("List interactions (meetings, calls, emails, chats, visits, events, notes) you can see, newest first.");

        group.MapGet("/{id:int}", async (int id, InteractionQueries interactions, HttpResponse response, CancellationToken ct) =>
            ETags.Tagged(response, await interactions.GetAsync(id, ct)))
            .WithSummary("Get one interaction with participants and follow-up tasks. Notes and agenda are Markdown.");

        group.MapPost("/", async Task<Created<InteractionDto>> (InteractionInput input, InteractionService service, HttpResponse response, CancellationToken ct) =>
        {
            var interaction = ETags.Tagged(response, await service.LogAsync(input, ct));
            return TypedResults.Created($"/api/v1/interactions/{interaction.Id}", interaction);
        }).WithSummary("Log an interaction. Follow-ups become tasks; participants' last-contacted dates update.");

        group.MapPut("/{id:int}", async (int id, InteractionInput input, InteractionService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.UpdateAsync(id, input, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Replace an interaction's fields and participants (follow-ups in the body are added as new tasks). Send If-Match.");

        group.MapDelete("/{id:int}", async (int id, InteractionService service, HttpRequest request, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, ETags.IfMatchVersion(request), ct);
            return TypedResults.NoContent();
        }).WithSummary("Delete an interaction logged by mistake. Its follow-up tasks stay.");

        api.MapGet("/accounts/{id:int}/timeline", (int id, [FromQuery] TimelineSource[]? source, int? page, int? pageSize, AccountTimeline timeline, CancellationToken ct) =>
            timeline.PageAsync(id, source, page, pageSize, ct))
            .WithTags("Interactions")
            .WithSummary("Everything that happened on the account (interactions, notes, tasks, status/tier/owner/score changes), newest first. Filter with source=Interaction&source=Task…");
        return api;
    }
}
