using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Accounts;

namespace Steward.Infrastructure.Access;

/// <summary>
/// What the viewer may do beyond seeing (seeing is the DbContext's query filters): whom they
/// may make an owner, and who may archive.
/// </summary>
public sealed class AccessRules(Viewer viewer)
{
    /// <summary>Admins assign anyone active; managers themselves or their teams' members; others only themselves.</summary>
    public async Task<bool> CanAssignOwnerAsync(StewardDbContext db, string ownerId, CancellationToken ct)
    {
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == ownerId && u.IsActive)
            .Select(u => new { u.Id, ManagerId = u.Team != null ? u.Team.ManagerId : null })
            .SingleOrDefaultAsync(ct);
        if (owner is null) return false;
        if (viewer.SeesAll || owner.Id == viewer.UserId) return true;
        return viewer.UserId is not null && owner.ManagerId == viewer.UserId;
    }

    /// <summary>The owner, the manager of the owner's team, or an admin.</summary>
    public async Task<bool> CanArchiveAsync(StewardDbContext db, Account account, CancellationToken ct)
    {
        if (viewer.SeesAll || account.OwnerId == viewer.UserId) return true;
        return viewer.UserId is not null
            && await db.Users.AnyAsync(u => u.Id == account.OwnerId && u.Team != null && u.Team.ManagerId == viewer.UserId, ct);
    }
}
