using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Steward.Features.Relationships.Gaps;
using Steward.Features.Relationships.Map;
using Steward.Infrastructure.Http;

namespace Steward.Features.Relationships;

/// <summary>Stakeholders, relationships and gaps. Everything answers 404 for accounts the caller cannot see.</summary>
public static class RelationshipsApi
{
    public static RouteGroupBuilder MapRelationshipsApi(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/accounts/{accountId:int}").WithTags("Relationships");

        account.MapGet("/relationships", (int accountId, RelationshipQueries queries, CancellationToken ct) => queries.PictureAsync(accountId, ct))
            .WithSummary("The account's relationship picture: our people, its stakeholders, and who knows whom.");

        account.MapGet("/stakeholders", async (int accountId, RelationshipQueries queries, CancellationToken ct) => (await queries.PictureAsync(accountId, ct)).Stakeholders)
            .WithSummary("The account's stakeholders with buying role, influence, attitude, reports-to, relationships and engagement plan.");

        account.MapPost("/relationships/contacts", async (int accountId, RecordContactInput input, RelationshipService service, TimeProvider clock, CancellationToken ct) =>
            await service.RecordContactAsync(accountId, input.ContactIds ?? [], input.UserIds ?? [], input.At ?? clock.GetUtcNow().UtcDateTime, ct))
            .WithSummary("Record that these contacts and colleagues spoke (default: now). Creates 'acquainted' relationships where there were none.");

        account.MapGet("/relationships/map.svg", async (int accountId, RelationshipMapSvg map, CancellationToken ct) =>
            Results.Text(await map.RenderAsync(accountId, ct), "image/svg+xml"))
            .WithSummary("The relationship map as an SVG image, for a slide.");

        account.MapGet("/relationship-gaps", async (int accountId, RelationshipGapService gaps, CancellationToken ct) => (await gaps.ForAccountAsync(accountId, ct)).Gaps)
            .WithSummary("The account's relationship gaps, most serious first, each with a reason, a suggested action and the open task made from it.");

        account.MapPost("/relationship-gaps/{gapId}/task", async (int accountId, string gapId, RelationshipGapService gaps, CancellationToken ct) =>
        {
            var task = await gaps.CreateTaskAsync(accountId, gapId, ct);
            return TypedResults.Created($"/api/v1/tasks/{task.Id}", task);
        }).WithSummary("Turn a gap's suggested action into a task (once while that task is open).");

        api.MapGet("/relationship-gaps", ([AsParameters] RelationshipGapQuery query, RelationshipPortfolio portfolio, CancellationToken ct) => portfolio.ListAsync(query, ct))
            .WithTags("Relationships")
            .WithSummary("Accounts with the most serious relationship gaps first, paged; filter by tier, owner, mine or search.");

        var stakeholders = api.MapGroup("/stakeholders").WithTags("Relationships");

        stakeholders.MapGet("/{contactId:int}", async (int contactId, RelationshipQueries queries, HttpResponse response, CancellationToken ct) =>
            ETags.Tagged(response, await queries.StakeholderAsync(contactId, ct)))
            .WithSummary("One stakeholder (by contact id). The ETag is the stakeholder version: \"0\" until first set.");

        stakeholders.MapPut("/{contactId:int}", async (int contactId, StakeholderInput input, StakeholderService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.SaveAsync(contactId, input, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Set a stakeholder's buying role, influence, attitude, reports-to and engagement plan. Send If-Match to detect concurrent edits.");

        stakeholders.MapPatch("/{contactId:int}", async (int contactId, [FromBody] JsonElement patch, RelationshipQueries queries, StakeholderService service, HttpRequest request, CancellationToken ct) =>
        {
            var current = await queries.StakeholderAsync(contactId, ct);
            var input = JsonMergePatch.Apply(StakeholderInput.From(current), patch);
            return ETags.Tagged(request.HttpContext.Response, await service.SaveAsync(contactId, input, ETags.IfMatchVersion(request) ?? current.Version, ct));
        }).Accepts<JsonElement>("application/merge-patch+json", "application/json")
            .WithSummary("Change some of a stakeholder's fields (JSON merge patch).");

        var relationships = api.MapGroup("/relationships").WithTags("Relationships");

        relationships.MapGet("/{id:int}", async (int id, RelationshipQueries queries, HttpResponse response, CancellationToken ct) =>
            ETags.Tagged(response, await queries.RelationshipAsync(id, ct)))
            .WithSummary("One relationship between a stakeholder and one of our people.");

        relationships.MapPost("/", async (RelationshipInput input, RelationshipService service, HttpResponse response, CancellationToken ct) =>
        {
            var created = ETags.Tagged(response, await service.CreateAsync(input, ct));
            return TypedResults.Created($"/api/v1/relationships/{created.Id}", created);
        }).WithSummary("Record that one of our people knows a stakeholder: strength, last spoke, notes.");

        relationships.MapPut("/{id:int}", async (int id, RelationshipInput input, RelationshipService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.UpdateAsync(id, input, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Change a relationship's strength, last-spoke date and notes. Send If-Match to detect concurrent edits.");

        relationships.MapPatch("/{id:int}", async (int id, [FromBody] JsonElement patch, RelationshipService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.PatchAsync(id, patch, ETags.IfMatchVersion(request), ct)))
            .Accepts<JsonElement>("application/merge-patch+json", "application/json")
            .WithSummary("Change some of a relationship's fields (JSON merge patch).");

        relationships.MapDelete("/{id:int}", async (int id, RelationshipService service, HttpRequest request, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, ETags.IfMatchVersion(request), ct);
            return TypedResults.NoContent();
        }).WithSummary("Remove a relationship (our colleague no longer knows them).");

        return api;
    }
}
