using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Steward.Features.Users;

/// <summary>Adds the person's display name to their sign-in, so the app bar can greet them by name.</summary>
public sealed class StewardClaimsFactory(UserManager<StewardUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StewardUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "steward:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StewardUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
