using System.Security.Claims;
using Steward.Features.Users;

namespace Steward.Infrastructure.Access;

/// <summary>
/// Who is asking, for the lifetime of one request or one Blazor circuit. The database's query
/// filters read it, so every query — UI, API, commands — sees only what this person may see.
/// Until someone sets it, it is anonymous and sees nothing.
/// </summary>
public sealed class Viewer
{
    public string? UserId { get; private set; }
    public bool IsAdmin { get; private set; }
    public bool IsManager { get; private set; }
    /// <summary>Background work and admin commands: sees everything.</summary>
    public bool IsSystem { get; private set; }

    public bool SeesAll => IsSystem || IsAdmin;
    public bool IsAuthenticated => IsSystem || UserId is not null;

    public void Set(ClaimsPrincipal principal)
    {
        var id = principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        UserId = id;
        IsAdmin = id is not null && principal.IsInRole(Roles.Admin);
        IsManager = id is not null && principal.IsInRole(Roles.Manager);
        IsSystem = false;
    }

    public void SetSystem()
    {
        UserId = null;
        IsAdmin = false;
        IsManager = false;
        IsSystem = true;
    }

    public static Viewer System()
    {
        var viewer = new Viewer();
        viewer.SetSystem();
        return viewer;
    }

    public static Viewer For(string userId, bool isAdmin = false, bool isManager = false) =>
        new() { UserId = userId, IsAdmin = isAdmin, IsManager = isManager };
}
