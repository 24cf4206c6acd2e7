using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Retention;

/// <summary>A person a forecast, renewals or escalation view reports on, with the team they count towards.</summary>
public sealed record ScopedPerson(string UserId, string DisplayName, int? TeamId, string? TeamName);

/// <summary>
/// Whose numbers the viewer may see: an admin everyone's, a manager their own and their teams'
/// members', anyone else only their own. Record visibility is still the query filters' job; this
/// decides whose rows, targets and totals are reported.
/// </summary>
public sealed class PeopleScope(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer)
{
    public async Task<IReadOnlyList<ScopedPerson>> ResolveAsync(int? teamId = null, string? userId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = viewer.UserId;
        // A manager is not a member of the team they manage, but their own deals count towards it.
        var people = await db.Users.AsNoTracking()
            .Where(u => u.IsActive)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                TeamId = u.TeamId ?? db.Teams.Where(t => t.ManagerId == u.Id).Select(t => (int?)t.Id).FirstOrDefault(),
                TeamManagerId = u.Team != null ? u.Team.ManagerId : null,
            })
            .Where(u => viewer.SeesAll || u.Id == me || u.TeamManagerId == me)
            .ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);

        if (teamId is { } t && !teams.ContainsKey(t)) throw new InvalidInputException("teamId", $"Team {t} does not exist.");
        var scoped = people
            .Where(p => teamId is null || p.TeamId == teamId)
            .Where(p => userId is null || p.Id == userId)
            .Select(p => new ScopedPerson(p.Id, p.DisplayName, p.TeamId, p.TeamId is { } id ? teams.GetValueOrDefault(id) : null))
            .OrderBy(p => p.TeamName ?? "~").ThenBy(p => p.DisplayName)
            .ToList();
        return scoped;
    }
}
