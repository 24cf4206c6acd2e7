using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Steward.Features.Accounts;
using Steward.Infrastructure.Http;

namespace Steward.Features.Contracts;

public static class ContractsApi
{
    public static RouteGroupBuilder MapContractsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/contracts").WithTags("Contracts");

        group.MapGet("/", ([AsParameters] ContractListQuery query, ContractQueries contracts, CancellationToken ct) => contracts.ListAsync(query, ct))
            .WithSummary("List contracts of the accounts you can see: filter by account, status, renewal risk, end date window (withinDays), owner, team.");

        group.MapGet("/renewals", ([AsParameters] RenewalPipelineQuery query, RenewalQueries renewals, CancellationToken ct) => renewals.PipelineAsync(query, ct))
            .WithSummary("The renewals pipeline: the next 30/60/90/180 days and month by month, value at stake per currency, by renewal risk. Each figure carries the filter of its contracts.");

        group.MapGet("/{id:int}", async (int id, ContractQueries contracts, HttpResponse response, CancellationToken ct) =>
            ETags.Tagged(response, await contracts.GetAsync(id, ct)))
            .WithSummary("Get one contract. The ETag is its version, for If-Match on updates.");

        group.MapPost("/", async Task<Created<ContractDto>> (ContractInput input, ContractService service, HttpResponse response, CancellationToken ct) =>
        {
            var contract = ETags.Tagged(response, await service.CreateAsync(input, ct));
            return TypedResults.Created($"/api/v1/contracts/{contract.Id}", contract);
        }).WithSummary("Create a contract at an account you can see. At risk needs a reason and an action plan; Monitor is refused within 90 days of the end.");

        group.MapPut("/{id:int}", async (int id, ContractInput input, ContractService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.UpdateAsync(id, input, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Replace a contract's fields. Send If-Match to detect concurrent edits (412).");

        group.MapPatch("/{id:int}", async (int id, [FromBody] JsonElement patch, ContractService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.PatchAsync(id, patch, ETags.IfMatchVersion(request), ct)))
            .Accepts<JsonElement>("application/merge-patch+json", "application/json")
            .WithSummary("Change some fields (JSON merge patch), e.g. the renewal risk with its reason and action plan.");

        group.MapPost("/{id:int}/renew", async (int id, ContractRenewalInput input, ContractService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.RenewAsync(id, input, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Record an agreed renewal: the new end date (and annual value). Wins the open renewal opportunity of the old term.");

        group.MapDelete("/{id:int}", async (int id, ContractService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.ArchiveAsync(id, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Archive a contract. Nothing is deleted; restore brings it back.");

        group.MapPost("/{id:int}/restore", async (int id, ContractService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.RestoreAsync(id, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Restore an archived contract.");

        api.MapGet("/accounts/{id:int}/contracts", async (int id, [AsParameters] ContractListQuery query, AccountQueries accounts, ContractQueries contracts, CancellationToken ct) =>
        {
            await accounts.GetAsync(id, ct);
            return await contracts.ListAsync(query with { AccountId = id }, ct);
        }).WithTags("Contracts").WithSummary("The account's contracts.");
        return api;
    }
}
