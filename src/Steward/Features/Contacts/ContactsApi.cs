using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Steward.Infrastructure.Http;

namespace Steward.Features.Contacts;

public static class ContactsApi
{
    public static RouteGroupBuilder MapContactsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/contacts").WithTags("Contacts");

        group.MapGet("/", ([AsParameters] ContactListQuery query, ContactQueries contacts, CancellationToken ct) => contacts.ListAsync(query, ct))
            .WithSummary("List contacts of the accounts you can see, paged, filtered and sorted.");

        group.MapGet("/{id:int}", async (int id, ContactQueries contacts, HttpResponse response, CancellationToken ct) =>
            ETags.Tagged(response, await contacts.GetAsync(id, ct)))
            .WithSummary("Get one contact. The ETag is its version, for If-Match on updates.");

        group.MapPost("/", async Task<Created<ContactDto>> (ContactInput input, ContactService service, HttpResponse response, CancellationToken ct) =>
        {
            var contact = ETags.Tagged(response, await service.CreateAsync(input, ct));
            return TypedResults.Created($"/api/v1/contacts/{contact.Id}", contact);
        }).WithSummary("Create a contact at an account you can see.");

        group.MapPut("/{id:int}", async (int id, ContactInput input, ContactService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.UpdateAsync(id, input, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Replace a contact's fields. Send If-Match to detect concurrent edits (412).");

        group.MapPatch("/{id:int}", async (int id, [FromBody] JsonElement patch, ContactService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.PatchAsync(id, patch, ETags.IfMatchVersion(request), ct)))
            .Accepts<JsonElement>("application/merge-patch+json", "application/json")
            .WithSummary("Change some fields (JSON merge patch). Send If-Match to detect concurrent edits.");

        group.MapDelete("/{id:int}", async (int id, ContactService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.ArchiveAsync(id, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Archive a contact. Nothing is deleted; restore brings it back.");

        group.MapPost("/{id:int}/restore", async (int id, ContactService service, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await service.RestoreAsync(id, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Restore an archived contact.");

        return api;
    }
}
