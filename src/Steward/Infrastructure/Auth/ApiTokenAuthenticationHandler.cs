using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Steward.Features.ApiTokens;
using Steward.Features.Users;

namespace Steward.Infrastructure.Auth;

/// <summary>Authenticates <c>Authorization: Bearer stw_...</c> with a personal API token.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    IUserClaimsPrincipalFactory<StewardUser> principalFactory,
    UserManager<StewardUser> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();

        var userId = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (userId is null) return AuthenticateResult.Fail("The API token is unknown, revoked or expired.");
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AuthenticateResult.Fail("The API token's user no longer exists.");

        var principal = await principalFactory.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
