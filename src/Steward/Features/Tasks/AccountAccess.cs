using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Users;

namespace Steward.Features.Tasks;

/// <summary>
/// Whether another person (not the viewer) can see an account. A task or follow-up given to a
/// colleague who cannot see its account would be invisible to the very person who has to do it.
/// </summary>
public static class AccountAccess
{
    public static async Task<bool> UserCanSeeAsync(StewardDbContext db, string userId, int accountId, CancellationToken ct)
    {
        var isAdmin = await db.UserRoles.AnyAsync(r => r.UserId == userId && db.Roles.Any(role => role.Id == r.RoleId && role.Name == Roles.Admin), ct);
        using (db.ViewAs(userId, seesAll: isAdmin))
        {
            return await db.Accounts.AnyAsync(a => a.Id == accountId, ct);
        }
    }
}
