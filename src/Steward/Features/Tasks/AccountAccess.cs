using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Users;

namespace Steward.Features.Tasks;

/// <summary>
/// Whether another person (not the viewer) can see an account: the same rule as the DbContext's
/// account filter, asked for someone else. A task or follow-up given to a colleague who cannot see
/// its account would be invisible to the very person who has to do it.
/// </summary>
public static class AccountAccess
{
    public static Task<bool> UserCanSeeAsync(StewardDbContext db, string userId, int accountId, CancellationToken ct) =>
        db.Accounts.IgnoreQueryFilters().AnyAsync(a => a.Id == accountId
            && (a.OwnerId == userId
                || a.TeamMembers.Any(m => m.UserId == userId)
                || db.Users.Any(u => u.Id == a.OwnerId && u.Team != null && u.Team.ManagerId == userId)
                || a.TeamMembers.Any(m => db.Users.Any(u => u.Id == m.UserId && u.Team != null && u.Team.ManagerId == userId))
                || db.UserRoles.Any(r => r.UserId == userId && db.Roles.Any(role => role.Id == r.RoleId && role.Name == Roles.Admin))), ct);
}
