using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Relationships;

/// <summary>
/// Reads the relationship picture of an account: stakeholders, our people, who knows whom. The
/// query filters limit everything to accounts the viewer can see.
/// </summary>
public sealed class RelationshipQueries(IDbContextFactory<StewardDbContext> dbFactory, TimeProvider clock)
{
    public async Task<RelationshipPicture> PictureAsync(int accountId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PictureAsync(db, accountId, clock.GetUtcNow().UtcDateTime, ct);
    }

    public async Task<StakeholderDto> StakeholderAsync(int contactId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var accountId = await db.Contacts.Where(c => c.Id == contactId && c.ArchivedAt == null).Select(c => (int?)c.AccountId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Stakeholder", contactId);
        return (await PictureAsync(db, accountId, clock.GetUtcNow().UtcDateTime, ct)).Find(contactId)!;
    }

    public async Task<RelationshipDto> RelationshipAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Relationship>().AsNoTracking().Where(r => r.Id == id).Select(ToDto).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Relationship", id);
    }

    internal static async Task<RelationshipPicture> PictureAsync(StewardDbContext db, int accountId, DateTime now, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId)
            .Select(a => new { a.Name, a.Tier, a.Status, a.OwnerId, OwnerName = a.Owner!.DisplayName, OwnerTitle = a.Owner.JobTitle, OwnerActive = a.Owner.IsActive })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Account", accountId);
        var team = await db.AccountTeamMembers.AsNoTracking().Where(m => m.AccountId == accountId)
            .Select(m => new { m.UserId, m.User!.DisplayName, m.User.JobTitle, m.User.IsActive, m.Role })
            .ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.AccountId == accountId && c.ArchivedAt == null)
            .Select(c => new { c.Id, Name = c.FirstName + " " + c.LastName, c.Title, c.Department, c.ReportsToId, c.IsActive })
            .ToListAsync(ct);
        var profiles = await db.Set<Stakeholder>().AsNoTracking().Where(s => s.AccountId == accountId)
            .Select(s => new { Profile = s, PlanOwnerName = s.PlanOwner != null ? s.PlanOwner.DisplayName : null })
            .ToDictionaryAsync(s => s.Profile.ContactId, ct);
        var relationships = (await db.Set<Relationship>().AsNoTracking().Where(r => r.AccountId == accountId).Select(ToDto).ToListAsync(ct))
            .ToLookup(r => r.ContactId);

        var stakeholders = contacts.Select(c =>
        {
            profiles.TryGetValue(c.Id, out var p);
            var s = p?.Profile;
            var known = relationships[c.Id].OrderByDescending(r => r.Strength).ThenBy(r => r.UserName, StringComparer.Ordinal).ToList();
            return new StakeholderDto(
                c.Id, accountId, c.Name, c.Title, c.Department,
                // A manager who was archived is no longer on the chart.
                c.ReportsToId is { } boss && contacts.Any(x => x.Id == boss) ? boss : null,
                c.IsActive, s?.Role, s?.Influence, s?.Attitude, s?.TargetStrength, s?.PlanOwnerId, p?.PlanOwnerName,
                s?.TouchEveryDays, s?.PlanNotes, s?.TouchDueAt, StatusOf(s, now), known, s?.Version ?? 0);
        })
            .OrderBy(s => s.IsActive ? 0 : 1).ThenBy(s => s.Role.Decides() ? 0 : 1).ThenByDescending(s => s.Influence ?? 0).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

        var people = new List<OurPersonDto> { new(account.OwnerId, account.OwnerName, account.OwnerTitle, IsOwner: true, team.FirstOrDefault(m => m.UserId == account.OwnerId)?.Role, account.OwnerActive) };
        people.AddRange(team.Where(m => m.UserId != account.OwnerId).OrderBy(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.Ordinal)
            .Select(m => new OurPersonDto(m.UserId, m.DisplayName, m.JobTitle, IsOwner: false, m.Role, m.IsActive)));
        // Anyone else who knows a stakeholder or owns a stakeholder's plan is on our side too.
        var others = relationships.SelectMany(g => g).Select(r => r.UserId)
            .Concat(stakeholders.Select(s => s.PlanOwnerId).OfType<string>())
            .Where(id => people.All(p => p.UserId != id)).Distinct().ToList();
        if (others.Count > 0)
        {
            var users = await db.Users.AsNoTracking().Where(u => others.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.JobTitle, u.IsActive }).ToListAsync(ct);
            people.AddRange(users.OrderBy(u => u.DisplayName, StringComparer.Ordinal).Select(u => new OurPersonDto(u.Id, u.DisplayName, u.JobTitle, IsOwner: false, null, u.IsActive)));
        }

        return new RelationshipPicture(accountId, account.Name, account.Tier, account.Status, account.OwnerId, account.OwnerName, people, stakeholders, now);
    }

    /// <summary>How the plan's touch frequency stands today; a week ahead counts as due soon.</summary>
    internal static PlanStatus StatusOf(Stakeholder? s, DateTime now)
    {
        if (s is null || (s.TargetStrength is null && s.PlanOwnerId is null && s.TouchEveryDays is null)) return PlanStatus.NoPlan;
        if (s.TouchDueAt is not { } due) return PlanStatus.OnTrack;
        if (due < now) return PlanStatus.Overdue;
        return due < now.AddDays(7) ? PlanStatus.DueSoon : PlanStatus.OnTrack;
    }

    internal static readonly Expression<Func<Relationship, RelationshipDto>> ToDto = r => new RelationshipDto(
        r.Id, r.AccountId, r.ContactId, r.Contact!.FirstName + " " + r.Contact.LastName, r.UserId, r.User!.DisplayName, r.User.IsActive,
        r.Strength, r.LastSpokeAt, r.Notes, r.Version, r.UpdatedAt);
}
