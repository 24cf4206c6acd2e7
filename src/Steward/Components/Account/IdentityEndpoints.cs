using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Steward.Features.Users;

namespace Steward.Components.Account;

internal static class IdentityEndpoints
{
    /// <summary>The one form post the Identity pages need outside Blazor: logging out.</summary>
    public static IEndpointConventionBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account");
        accountGroup.MapPost("/Logout", async (SignInManager<StewardUser> signInManager, [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect($"~/{returnUrl}");
        });
        return accountGroup;
    }
}
