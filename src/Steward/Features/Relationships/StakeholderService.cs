using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Contacts;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Relationships;

/// <summary>
/// Sets a stakeholder's buying role, influence, attitude, reports-to and engagement plan. Anyone
/// who can see the contact's account may do so.
/// </summary>
public sealed class StakeholderService(IDbContextFactory<StewardDbContext> dbFactory, RelationshipQueries queries, TimeProvider clock)
{
    /// <param name="expectedVersion">The stakeholder version the editor read (0 before the first save); null skips the check.</param>
    public async Task<StakeholderDto> SaveAsync(int contactId, StakeholderInput input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId && c.ArchivedAt == null, ct)
            ?? throw new NotFoundException("Stakeholder", contactId);
        // The contact is visible, so its stakeholder row may be read even if it still names an old account.
        var profile = await db.Set<Stakeholder>().IgnoreQueryFilters().SingleOrDefaultAsync(s => s.ContactId == contactId, ct);
        if (expectedVersion is { } expected && (profile?.Version ?? 0) != expected)
        {
            throw new PreconditionFailedException($"The stakeholder is at version {profile?.Version ?? 0}, not {expected}: someone else changed it. Nothing was changed; reload it and apply your edit again.");
        }
        await ValidateAsync(db, contact, input, profile, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var isNew = profile is null;
        if (profile is null)
        {
            profile = new Stakeholder { ContactId = contactId };
            db.Add(profile);
        }
        else if (expectedVersion is { } v)
        {
            db.Entry(profile).Property(s => s.Version).OriginalValue = v;
        }
        profile.AccountId = contact.AccountId;
        profile.Role = input.Role;
        profile.Influence = input.Influence;
        profile.Attitude = input.Attitude;
        profile.TargetStrength = input.TargetStrength;
        profile.PlanOwnerId = InputValidation.Clean(input.PlanOwnerId);
        profile.PlanNotes = InputValidation.Clean(input.PlanNotes);
        if (input.TouchEveryDays is null) profile.PlanStartedAt = null;
        else if (profile.TouchEveryDays is null) profile.PlanStartedAt = now;
        profile.TouchEveryDays = input.TouchEveryDays;
        profile.ScheduleNextTouch(await LastSpokeAtAsync(db, contactId, ct));
        if (contact.ReportsToId != input.ReportsToId) contact.ReportsToId = input.ReportsToId;

        try
        {
            await db.SaveChangesAsync(ct);
        }
        // A concurrent first save of the same stakeholder fails on the primary key.
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || isNew)
        {
            throw new ConcurrencyConflictException("Someone else changed this stakeholder at the same time. Nothing was changed; reload it and apply your edit again.");
        }
        return await queries.StakeholderAsync(contactId, ct);
    }

    internal static Task<DateTime?> LastSpokeAtAsync(StewardDbContext db, int contactId, CancellationToken ct) =>
        db.Set<Relationship>().IgnoreQueryFilters().Where(r => r.ContactId == contactId).MaxAsync(r => r.LastSpokeAt, ct);

    private static async Task ValidateAsync(StewardDbContext db, Contact contact, StakeholderInput input, Stakeholder? existing, CancellationToken ct)
    {
        input.PlanOwnerId = InputValidation.Clean(input.PlanOwnerId);
        var errors = InputValidation.Annotations(input);
        if (input.Role is { } role && !Enum.IsDefined(role)) errors.Add(nameof(input.Role), "Choose a buying role: DecisionMaker, EconomicBuyer, TechnicalBuyer, Influencer, Champion, User, Gatekeeper or Blocker.");
        if (input.Attitude is { } attitude && !Enum.IsDefined(attitude)) errors.Add(nameof(input.Attitude), "Choose an attitude: Advocate, Supporter, Neutral, Sceptic or Opponent.");
        if (input.TargetStrength is { } target && !Enum.IsDefined(target)) errors.Add(nameof(input.TargetStrength), "Choose a target strength: None, Acquainted, Working or TrustedAdvisor.");
        if (input.PlanOwnerId is { } ownerId && ownerId != existing?.PlanOwnerId && !await db.Users.AnyAsync(u => u.Id == ownerId && u.IsActive, ct))
        {
            errors.Add(nameof(input.PlanOwnerId), "The plan's owner must be an active colleague.");
        }
        if (input.ReportsToId is { } bossId && bossId != contact.ReportsToId)
        {
            if (bossId == contact.Id)
            {
                errors.Add(nameof(input.ReportsToId), "A stakeholder cannot report to themselves.");
            }
            else if (!await db.Contacts.AnyAsync(c => c.Id == bossId && c.AccountId == contact.AccountId && c.ArchivedAt == null, ct))
            {
                errors.Add(nameof(input.ReportsToId), "Reports to must be a contact at the same account.");
            }
            else if (await ContactService.ReportsUpToAsync(db, bossId, contact.Id, ct))
            {
                errors.Add(nameof(input.ReportsToId), "That would make a reporting loop: this person is above them already.");
            }
        }
        errors.ThrowIfAny();
    }
}
