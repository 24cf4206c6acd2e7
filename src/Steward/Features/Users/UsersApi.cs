using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Users;

public sealed record Me(string Id, string DisplayName, string? Email, string? TeamName, bool IsAdmin, bool IsManager);

public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users");
        group.MapGet("/", (string? search, UserDirectory directory, CancellationToken ct) => directory.ActiveUsersAsync(search, ct))
            .WithSummary("Active colleagues (id, name, team), to pick owners and account team members.");

        api.MapGet("/me", async (Viewer viewer, UserDirectory directory, CancellationToken ct) =>
        {
            var me = await directory.FindAsync(viewer.UserId!, ct) ?? throw new NotFoundException("User", viewer.UserId!);
            return new Me(me.Id, me.DisplayName, me.Email, me.TeamName, viewer.IsAdmin, viewer.IsManager);
        }).WithTags("Users").WithSummary("Who the token or cookie belongs to.");
        return api;
    }
}
