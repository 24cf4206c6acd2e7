using Steward.Infrastructure.Access;

namespace Steward.Features.ApiTokens;

public sealed record ApiTokenRequest(string? Name, int? ExpiresInDays);

public static class ApiTokensApi
{
    public static RouteGroupBuilder MapApiTokensApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tokens").WithTags("API tokens");

        group.MapGet("/", (Viewer viewer, ApiTokenService tokens, CancellationToken ct) => tokens.ListAsync(viewer.UserId!, ct))
            .WithSummary("Your personal API tokens (never their secrets).");

        group.MapPost("/", async (ApiTokenRequest request, Viewer viewer, ApiTokenService tokens, TimeProvider clock, CancellationToken ct) =>
        {
            DateTime? expires = request.ExpiresInDays is { } days ? clock.GetUtcNow().UtcDateTime.AddDays(days) : null;
            var created = await tokens.CreateAsync(viewer.UserId!, request.Name ?? "", expires, ct);
            return TypedResults.Created($"/api/v1/tokens/{created.Token.Id}", created);
        }).WithSummary("Create a personal API token. The secret is in the response once and never again.");

        group.MapDelete("/{id:int}", async (int id, Viewer viewer, ApiTokenService tokens, CancellationToken ct) =>
        {
            await tokens.RevokeAsync(viewer.UserId!, id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Revoke one of your tokens.");
        return api;
    }
}
