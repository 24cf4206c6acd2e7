using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Users;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Approvals;

/// <summary>
/// Who must approve what someone asks for: the team's configured approver, else the team's
/// manager; never the requester themselves. When nobody fits (a manager's own plan), any admin.
/// </summary>
public sealed class ApproverRouting(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer)
{
    /// <summary>The approver for work owned by <paramref name="ownerId"/>; null means "any admin".</summary>
    public static async Task<string?> ResolveAsync(StewardDbContext db, string ownerId, CancellationToken ct)
    {
        var team = await db.Users.AsNoTracking().Where(u => u.Id == ownerId && u.Team != null)
            .Select(u => new { u.Team!.Id, u.Team.ManagerId }).SingleOrDefaultAsync(ct);
        if (team is null) return null;
        var configured = await db.Set<TeamApprover>().AsNoTracking().Where(t => t.TeamId == team.Id && t.Approver!.IsActive)
            .Select(t => t.ApproverId).SingleOrDefaultAsync(ct);
        if (configured is not null && configured != ownerId) return configured;
        return team.ManagerId is not null && team.ManagerId != ownerId ? team.ManagerId : null;
    }

    /// <summary>
    /// Refuses a decision by anyone but the named approver (or an admin), and always by the
    /// person who owns or asked for the thing being approved.
    /// </summary>
    public void EnsureMayDecide(string? approverId, string ownerId, string? requesterId, string what)
    {
        if (viewer.UserId is null) throw new ForbiddenException($"Only a signed-in approver can decide on {what}.");
        if (viewer.UserId == ownerId || viewer.UserId == requesterId)
        {
            throw new ForbiddenException($"You cannot approve your own {what}: it goes to your manager.");
        }
        if (viewer.UserId != approverId && !viewer.IsAdmin)
        {
            throw new ForbiddenException($"This {what} waits on another approver.");
        }
    }

    public async Task<IReadOnlyList<TeamApproverDto>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var configured = await db.Set<TeamApprover>().AsNoTracking().ToDictionaryAsync(t => t.TeamId, t => new { t.ApproverId, t.Approver!.DisplayName }, ct);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, Manager = t.Manager != null ? t.Manager.DisplayName : null }).ToListAsync(ct);
        return teams.Select(t => new TeamApproverDto(t.Id, t.Name, t.Manager, configured.GetValueOrDefault(t.Id)?.ApproverId, configured.GetValueOrDefault(t.Id)?.DisplayName)).ToList();
    }

    /// <summary>Admins name a team's approver (a manager or admin), or clear it to fall back to the team's manager.</summary>
    public async Task SetAsync(int teamId, string? approverId, CancellationToken ct = default)
    {
        if (!viewer.SeesAll) throw new ForbiddenException("Only admins configure approvers.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct)) throw new NotFoundException("Team", teamId);
        var existing = await db.Set<TeamApprover>().SingleOrDefaultAsync(t => t.TeamId == teamId, ct);
        if (InputValidation.Clean(approverId) is not { } id)
        {
            if (existing is not null) db.Remove(existing);
        }
        else
        {
            var approverRoles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name).ToListAsync(ct);
            if (!await db.Users.AnyAsync(u => u.Id == id && u.IsActive, ct) || !approverRoles.Any(r => r is Roles.Manager or Roles.Admin))
            {
                throw new InvalidInputException("ApproverId", "The approver must be an active manager or admin.");
            }
            if (existing is null) db.Add(new TeamApprover { TeamId = teamId, ApproverId = id });
            else existing.ApproverId = id;
        }
        await db.SaveChangesAsync(ct);
    }
}

public sealed record TeamApproverDto(int TeamId, string TeamName, string? ManagerName, string? ConfiguredApproverId, string? ConfiguredApproverName);
