using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Access;

namespace Steward.Features.Users;

public sealed record TeamRef(int Id, string Name);

public sealed record UserRef(string Id, string DisplayName, string? Email, string? JobTitle, string? TeamName);

/// <summary>
/// Colleagues by name. Everyone may see the directory (to add a colleague to an account team);
/// accounts, not people, are what access control protects.
/// </summary>
public sealed class UserDirectory(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer)
{
    public async Task<IReadOnlyList<UserRef>> ActiveUsersAsync(string? search = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = db.Users.AsNoTracking().Where(u => u.IsActive);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var needle = search.Trim().ToUpperInvariant();
            users = users.Where(u => u.DisplayName.ToUpper().Contains(needle) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(needle)));
        }
        return await users.OrderBy(u => u.DisplayName).Take(500)
            .Select(u => new UserRef(u.Id, u.DisplayName, u.Email, u.JobTitle, u.Team != null ? u.Team.Name : null))
            .ToListAsync(ct);
    }

    /// <summary>The people the viewer may make an account's owner (see <see cref="AccessRules"/>).</summary>
    public async Task<IReadOnlyList<UserRef>> AssignableOwnersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = db.Users.AsNoTracking().Where(u => u.IsActive);
        if (!viewer.SeesAll)
        {
            var me = viewer.UserId;
            users = users.Where(u => u.Id == me || (u.Team != null && u.Team.ManagerId == me));
        }
        return await users.OrderBy(u => u.DisplayName)
            .Select(u => new UserRef(u.Id, u.DisplayName, u.Email, u.JobTitle, u.Team != null ? u.Team.Name : null))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<TeamRef>> TeamsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamRef(t.Id, t.Name)).ToListAsync(ct);
    }

    public async Task<UserRef?> FindAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new UserRef(u.Id, u.DisplayName, u.Email, u.JobTitle, u.Team != null ? u.Team.Name : null))
            .SingleOrDefaultAsync(ct);
    }
}
