using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Steward.Features.Contacts;
using Steward.Features.Revenue;
using Steward.Infrastructure.Http;

namespace Steward.Features.Accounts;

public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/accounts").WithTags("Accounts");

        group.MapGet("/", ([AsParameters] AccountListQuery query, AccountQueries accounts, CancellationToken ct) => accounts.ListAsync(query, ct))
            .WithSummary("List accounts you can see, paged, filtered and sorted.");

        group.MapGet("/{id:int}", async (int id, AccountQueries accounts, HttpResponse response, CancellationToken ct) =>
            ETags.Tagged(response, await accounts.GetAsync(id, ct))).WithSummary("Get one account. The ETag is its version, for If-Match on updates.");

        group.MapPost("/", async Task<Created<AccountDto>> (AccountInput input, AccountService service, HttpResponse response, CancellationToken ct) =>
        {
            var account = ETags.Tagged(response, await service.CreateAsync(input, ct));
            return TypedResults.Created($"/api/v1/accounts/{account.Id}", account);
        }).WithSummary("Create an account. The owner defaults to you.");

        group.MapPut("/{id:int}", async (int id, AccountInput input, AccountService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.UpdateAsync(id, input, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Replace an account's fields. Send If-Match with the ETag you read to detect concurrent edits (412).");

        group.MapPatch("/{id:int}", async (int id, [FromBody] JsonElement patch, AccountService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.PatchAsync(id, patch, ETags.IfMatchVersion(request), ct)))
            .Accepts<JsonElement>("application/merge-patch+json", "application/json")
            .WithSummary("Change some fields (JSON merge patch). Send If-Match to detect concurrent edits.");

        group.MapDelete("/{id:int}", async (int id, AccountService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.ArchiveAsync(id, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Archive an account. Nothing is deleted; restore brings it back.");

        group.MapPost("/{id:int}/restore", async (int id, AccountService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.RestoreAsync(id, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Restore an archived account.");

        group.MapGet("/{id:int}/subsidiaries", async (int id, AccountQueries accounts, [AsParameters] AccountListQuery query, CancellationToken ct) =>
        {
            await accounts.GetAsync(id, ct);
            return await accounts.ListAsync(query with { ParentId = id }, ct);
        }).WithSummary("The account's direct subsidiaries.");

        group.MapGet("/{id:int}/contacts", async (int id, AccountQueries accounts, ContactQueries contacts, [AsParameters] ContactListQuery query, CancellationToken ct) =>
        {
            await accounts.GetAsync(id, ct);
            return await contacts.ListAsync(query with { AccountId = id }, ct);
        }).WithSummary("The account's contacts.");

        group.MapGet("/{id:int}/revenue", (int id, int? months, RevenueQueries revenue, CancellationToken ct) =>
            revenue.MonthlyAsync(id, months ?? 24, ct))
            .WithSummary("Monthly revenue of the account (and, separately, of its subsidiaries).");

        group.MapGet("/{id:int}/history", (int id, int? page, int? pageSize, AccountQueries accounts, CancellationToken ct) =>
            accounts.HistoryAsync(id, page, pageSize, ct))
            .WithSummary("What changed on the account (status, tier, owner, archive…), who changed it and when; newest first.");

        group.MapGet("/{id:int}/team", (int id, AccountTeamService team, CancellationToken ct) => team.ListAsync(id, ct))
            .WithSummary("The account team: colleagues who serve on the account.");

        group.MapPost("/{id:int}/team", async (int id, AccountTeamMemberInput input, AccountTeamService team, CancellationToken ct) =>
        {
            var member = await team.AddAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/accounts/{id}/team/{member.Id}", member);
        }).WithSummary("Add a colleague to the account team.");

        group.MapDelete("/{id:int}/team/{memberId:int}", async (int id, int memberId, AccountTeamService team, CancellationToken ct) =>
        {
            await team.RemoveAsync(id, memberId, ct);
            return TypedResults.NoContent();
        }).WithSummary("Take a colleague off the account team.");

        return api;
    }

}
