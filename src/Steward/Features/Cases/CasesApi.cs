using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Steward.Features.Accounts;
using Steward.Infrastructure.Http;

namespace Steward.Features.Cases;

public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases").WithTags("Cases");

        group.MapGet("/", ([AsParameters] CaseListQuery query, CaseQueries cases, CancellationToken ct) => cases.ListAsync(query, ct))
            .WithSummary("List cases at the accounts you can see: filter by account, open, status, severity, category, escalation level, overdue, owner, team.");

        group.MapGet("/mine", (int? take, CaseQueries cases, CancellationToken ct) => cases.MineAsync(Math.Clamp(take ?? 10, 1, 100), ct))
            .WithSummary("Your open cases: ones you work on or answer for at their current escalation level.");

        group.MapGet("/{id:int}", async (int id, CaseQueries cases, HttpResponse response, CancellationToken ct) =>
            ETags.Tagged(response, await cases.GetAsync(id, ct)))
            .WithSummary("Get one case. The ETag is its version, for If-Match on updates.");

        group.MapPost("/", async Task<Created<CaseDto>> (CaseInput input, CaseService service, HttpResponse response, CancellationToken ct) =>
        {
            var item = ETags.Tagged(response, await service.CreateAsync(input, ct));
            return TypedResults.Created($"/api/v1/cases/{item.Id}", item);
        }).WithSummary("Open a case. Its SLA comes from its severity; it starts with the account's owner.");

        group.MapPut("/{id:int}", async (int id, CaseInput input, CaseService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.UpdateAsync(id, input, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Replace a case's fields (not its resolution: use resolve).");

        group.MapPatch("/{id:int}", async (int id, [FromBody] JsonElement patch, CaseService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.PatchAsync(id, patch, ETags.IfMatchVersion(request), ct)))
            .Accepts<JsonElement>("application/merge-patch+json", "application/json")
            .WithSummary("Change some fields (JSON merge patch).");

        group.MapPost("/{id:int}/escalate", async (int id, CaseEscalationInput input, CaseService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.EscalateAsync(id, input, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Escalate one level up the path (account manager → manager → executive sponsor), with a reason.");

        group.MapPost("/{id:int}/resolve", async (int id, CaseResolutionInput input, CaseService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.ResolveAsync(id, input, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Resolve the case with its resolution and root cause.");

        group.MapPost("/{id:int}/reopen", async (int id, CaseEscalationInput input, CaseService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.ReopenAsync(id, input, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Reopen a resolved case at its last level.");

        group.MapGet("/{id:int}/escalations", (int id, CaseQueries cases, CancellationToken ct) => cases.EscalationsAsync(id, ct))
            .WithSummary("The escalation path so far: each level, who held it, from when to when, and why it moved.");

        api.MapGet("/accounts/{id:int}/cases", async (int id, [AsParameters] CaseListQuery query, AccountQueries accounts, CaseQueries cases, CancellationToken ct) =>
        {
            await accounts.GetAsync(id, ct);
            return await cases.ListAsync(query with { AccountId = id }, ct);
        }).WithTags("Cases").WithSummary("The account's cases.");
        return api;
    }
}
