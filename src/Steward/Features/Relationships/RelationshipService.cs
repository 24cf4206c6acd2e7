using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Relationships;

/// <summary>
/// Who of ours knows which stakeholder, and how well. Anyone who can see the account may change
/// its relationships. Every change also moves the stakeholder's next planned touch.
/// </summary>
public sealed class RelationshipService(IDbContextFactory<StewardDbContext> dbFactory, RelationshipQueries queries, TimeProvider clock)
{
    public async Task<RelationshipDto> CreateAsync(RelationshipInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        input.UserId = InputValidation.Clean(input.UserId);
        var errors = Validate(input);
        var contact = input.ContactId > 0
            ? await db.Contacts.Where(c => c.Id == input.ContactId && c.ArchivedAt == null).Select(c => new { c.AccountId, Name = c.FirstName + " " + c.LastName }).SingleOrDefaultAsync(ct)
            : null;
        if (contact is null && input.ContactId > 0) errors.Add(nameof(input.ContactId), $"Contact {input.ContactId} does not exist.");
        if (input.UserId is null)
        {
            errors.Add(nameof(input.UserId), "Choose the colleague who holds the relationship.");
        }
        else if (await db.Users.Where(u => u.Id == input.UserId && u.IsActive).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) is not { } userName)
        {
            errors.Add(nameof(input.UserId), "No active colleague has this id.");
        }
        else if (contact is not null && await db.Set<Relationship>().AnyAsync(r => r.ContactId == input.ContactId && r.UserId == input.UserId, ct))
        {
            errors.Add(nameof(input.UserId), $"{userName} already has a relationship with {contact.Name}; change that one instead.");
        }
        errors.ThrowIfAny();

        var relationship = new Relationship { AccountId = contact!.AccountId, ContactId = input.ContactId, UserId = input.UserId! };
        Apply(input, relationship);
        db.Add(relationship);
        await RescheduleAsync(db, input.ContactId, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConcurrencyConflictException("Someone else added this relationship at the same time. Reload to see it.");
        }
        return await queries.RelationshipAsync(relationship.Id, ct);
    }

    /// <summary>Changes strength, last-spoke date and notes. The two people stay the same.</summary>
    public async Task<RelationshipDto> UpdateAsync(int id, RelationshipInput input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var relationship = await LoadForChangeAsync(db, id, expectedVersion, ct);
        input.UserId = InputValidation.Clean(input.UserId);
        var errors = Validate(input);
        if (input.ContactId != 0 && input.ContactId != relationship.ContactId) errors.Add(nameof(input.ContactId), "A relationship stays with the same stakeholder; add a new one instead.");
        if (input.UserId is not null && input.UserId != relationship.UserId) errors.Add(nameof(input.UserId), "A relationship stays with the same colleague; add a new one instead.");
        errors.ThrowIfAny();

        Apply(input, relationship);
        await RescheduleAsync(db, relationship.ContactId, ct);
        await SaveAsync(db, ct);
        return await queries.RelationshipAsync(id, ct);
    }

    public async Task<RelationshipDto> PatchAsync(int id, JsonElement patch, long? expectedVersion, CancellationToken ct = default)
    {
        var current = await queries.RelationshipAsync(id, ct);
        if (expectedVersion is { } expected && current.Version != expected) throw Stale(current.Version, expected);
        var input = JsonMergePatch.Apply(RelationshipInput.From(current), patch);
        return await UpdateAsync(id, input, current.Version, ct);
    }

    public async Task DeleteAsync(int id, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var relationship = await LoadForChangeAsync(db, id, expectedVersion, ct);
        db.Remove(relationship);
        await RescheduleAsync(db, relationship.ContactId, ct);
        await SaveAsync(db, ct);
    }

    /// <summary>
    /// Records that these contacts and these colleagues spoke at <paramref name="at"/> (a meeting,
    /// a call): every pair's last-spoke date moves forward (never back), and a pair without a
    /// relationship gets one at "acquainted". Contacts must belong to the account; colleagues must
    /// exist. Empty lists change nothing. One transaction; returns the pairs' relationships.
    /// </summary>
    public async Task<IReadOnlyList<RelationshipDto>> RecordContactAsync(int accountId, IReadOnlyCollection<int> contactIds, IReadOnlyCollection<string> userIds, DateTime at, CancellationToken ct = default)
    {
        var contacts = contactIds.Distinct().ToList();
        var users = userIds.Select(InputValidation.Clean).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        at = at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : DateTime.SpecifyKind(at, DateTimeKind.Utc);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, ct)) throw new NotFoundException("Account", accountId);
        if (contacts.Count == 0 || users.Count == 0) return [];

        var errors = new InputErrors();
        var known = await db.Contacts.Where(c => contacts.Contains(c.Id) && c.AccountId == accountId).Select(c => c.Id).ToListAsync(ct);
        if (contacts.Except(known).ToList() is { Count: > 0 } strangers)
        {
            errors.Add("ContactIds", $"Not contacts of this account: {string.Join(", ", strangers.Select(i => i.ToString(CultureInfo.InvariantCulture)))}.");
        }
        var colleagues = await db.Users.Where(u => users.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        if (users.Except(colleagues).ToList() is { Count: > 0 } unknown)
        {
            errors.Add("UserIds", $"No colleague has the id {string.Join(", ", unknown)}.");
        }
        errors.ThrowIfAny();

        var existing = await db.Set<Relationship>().Where(r => contacts.Contains(r.ContactId) && users.Contains(r.UserId)).ToListAsync(ct);
        foreach (var contactId in contacts)
        {
            foreach (var userId in users)
            {
                var relationship = existing.FirstOrDefault(r => r.ContactId == contactId && r.UserId == userId);
                if (relationship is null)
                {
                    db.Add(new Relationship { AccountId = accountId, ContactId = contactId, UserId = userId, Strength = RelationshipStrength.Acquainted, LastSpokeAt = at });
                    continue;
                }
                if (relationship.LastSpokeAt is null || at > relationship.LastSpokeAt) relationship.LastSpokeAt = at;
                if (relationship.Strength == RelationshipStrength.None) relationship.Strength = RelationshipStrength.Acquainted;
            }
            await RescheduleAsync(db, contactId, ct);
        }
        await SaveAsync(db, ct);
        return await db.Set<Relationship>().AsNoTracking().Where(r => contacts.Contains(r.ContactId) && users.Contains(r.UserId))
            .OrderBy(r => r.ContactId).ThenBy(r => r.UserId).Select(RelationshipQueries.ToDto).ToListAsync(ct);
    }

    private InputErrors Validate(RelationshipInput input)
    {
        input.Notes = InputValidation.Clean(input.Notes);
        var errors = InputValidation.Annotations(input);
        if (!Enum.IsDefined(input.Strength)) errors.Add(nameof(input.Strength), "Choose a strength: None, Acquainted, Working or TrustedAdvisor.");
        if (input.LastSpokeAt is { } spoke)
        {
            input.LastSpokeAt = spoke.Kind == DateTimeKind.Local ? spoke.ToUniversalTime() : DateTime.SpecifyKind(spoke, DateTimeKind.Utc);
            // A day of slack for people entering "today" in a time zone ahead of UTC.
            if (input.LastSpokeAt > clock.GetUtcNow().UtcDateTime.AddDays(1)) errors.Add(nameof(input.LastSpokeAt), "Last spoke cannot be in the future.");
        }
        return errors;
    }

    private static void Apply(RelationshipInput input, Relationship relationship)
    {
        relationship.Strength = input.Strength;
        relationship.LastSpokeAt = input.LastSpokeAt;
        relationship.Notes = input.Notes;
    }

    /// <summary>Moves the stakeholder's next planned touch to follow the latest conversation, pending changes included.</summary>
    private static async Task RescheduleAsync(StewardDbContext db, int contactId, CancellationToken ct)
    {
        var profile = await db.Set<Stakeholder>().IgnoreQueryFilters().SingleOrDefaultAsync(s => s.ContactId == contactId, ct);
        if (profile?.TouchEveryDays is null) return;
        var stored = await db.Set<Relationship>().IgnoreQueryFilters().Where(r => r.ContactId == contactId).Select(r => new { r.Id, r.LastSpokeAt }).ToListAsync(ct);
        var pending = db.ChangeTracker.Entries<Relationship>().Where(e => e.Entity.ContactId == contactId).ToList();
        var latest = stored.Where(r => pending.All(e => e.Entity.Id != r.Id)).Select(r => r.LastSpokeAt)
            .Concat(pending.Where(e => e.State != EntityState.Deleted).Select(e => e.Entity.LastSpokeAt))
            .Max();
        profile.ScheduleNextTouch(latest);
    }

    private static async Task<Relationship> LoadForChangeAsync(StewardDbContext db, int id, long? expectedVersion, CancellationToken ct)
    {
        var relationship = await db.Set<Relationship>().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Relationship", id);
        if (expectedVersion is { } expected)
        {
            if (relationship.Version != expected)
            {
                throw Stale(relationship.Version, expected);
            }
            db.Entry(relationship).Property(r => r.Version).OriginalValue = expected;
        }
        return relationship;
    }

    private static PreconditionFailedException Stale(long current, long expected) =>
        new($"The relationship is at version {current}, not {expected}: someone else changed it. Nothing was changed; reload it and apply your edit again.");

    private static async Task SaveAsync(StewardDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Someone else changed this relationship at the same time. Nothing was changed; reload it and apply your edit again.");
        }
    }
}
