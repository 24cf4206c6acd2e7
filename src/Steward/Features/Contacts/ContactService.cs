using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Contacts;

/// <summary>Creates, changes, archives and restores contacts. A contact's account must be visible to the viewer.</summary>
public sealed class ContactService(IDbContextFactory<StewardDbContext> dbFactory, TimeProvider clock)
{
    public async Task<ContactDto> CreateAsync(ContactInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateAsync(db, input, existing: null, ct);
        var contact = new Contact();
        Apply(input, contact);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return await ReadAsync(db, contact.Id, ct);
    }

    public async Task<ContactDto> UpdateAsync(int id, ContactInput input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await LoadForChangeAsync(db, id, expectedVersion, ct);
        await ValidateAsync(db, input, contact, ct);
        Apply(input, contact);
        await SaveAsync(db, ct);
        return await ReadAsync(db, id, ct);
    }

    public async Task<ContactDto> PatchAsync(int id, JsonElement patch, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await LoadForChangeAsync(db, id, expectedVersion, ct);
        var input = JsonMergePatch.Apply(ContactInput.From(await ReadAsync(db, id, ct)), patch);
        return await UpdateAsync(id, input, contact.Version, ct);
    }

    public Task<ContactDto> ArchiveAsync(int id, long? expectedVersion, CancellationToken ct = default) =>
        SetArchivedAsync(id, expectedVersion, archived: true, ct);

    public Task<ContactDto> RestoreAsync(int id, long? expectedVersion, CancellationToken ct = default) =>
        SetArchivedAsync(id, expectedVersion, archived: false, ct);

    private async Task<ContactDto> SetArchivedAsync(int id, long? expectedVersion, bool archived, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await LoadForChangeAsync(db, id, expectedVersion, ct);
        if (contact.ArchivedAt is null == archived)
        {
            contact.ArchivedAt = archived ? clock.GetUtcNow().UtcDateTime : null;
            await SaveAsync(db, ct);
        }
        return await ReadAsync(db, id, ct);
    }

    private static async Task<Contact> LoadForChangeAsync(StewardDbContext db, int id, long? expectedVersion, CancellationToken ct)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Contact", id);
        if (expectedVersion is { } expected)
        {
            if (contact.Version != expected)
            {
                throw new PreconditionFailedException($"The contact is at version {contact.Version}, not {expected}: someone else changed it. Nothing was changed; reload it and apply your edit again.");
            }
            db.Entry(contact).Property(c => c.Version).OriginalValue = expected;
        }
        return contact;
    }

    private static async Task SaveAsync(StewardDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Someone else changed this contact at the same time. Nothing was changed; reload it and apply your edit again.");
        }
    }

    private static Task<ContactDto> ReadAsync(StewardDbContext db, int id, CancellationToken ct) =>
        db.Contacts.AsNoTracking().Where(c => c.Id == id).Select(ContactQueries.ToDto).SingleAsync(ct);

    private static async Task ValidateAsync(StewardDbContext db, ContactInput input, Contact? existing, CancellationToken ct)
    {
        input.FirstName = input.FirstName?.Trim() ?? "";
        input.LastName = input.LastName?.Trim() ?? "";
        input.Email = InputValidation.Clean(input.Email);
        input.Phone = InputValidation.Clean(input.Phone);
        input.ExternalId = InputValidation.Clean(input.ExternalId);
        var errors = InputValidation.Annotations(input);

        if (input.AccountId > 0 && !await db.Accounts.AnyAsync(a => a.Id == input.AccountId, ct))
        {
            errors.Add(nameof(ContactInput.AccountId), $"Account {input.AccountId} does not exist.");
        }
        if (input.ReportsToId is { } bossId)
        {
            if (existing is not null && bossId == existing.Id)
            {
                errors.Add(nameof(ContactInput.ReportsToId), "A contact cannot report to themselves.");
            }
            else if (!await db.Contacts.AnyAsync(c => c.Id == bossId && c.AccountId == input.AccountId, ct))
            {
                errors.Add(nameof(ContactInput.ReportsToId), "Reports to must be a contact at the same account.");
            }
            else if (existing is not null && await ReportsUpToAsync(db, bossId, existing.Id, ct))
            {
                errors.Add(nameof(ContactInput.ReportsToId), "That would make a reporting loop: this person is above them already.");
            }
        }
        if (input.Email is { } email && input.AccountId > 0)
        {
            var normalized = email.ToLowerInvariant();
            var existingId = existing?.Id ?? 0;
            if (await db.Contacts.AnyAsync(c => c.AccountId == input.AccountId && c.NormalizedEmail == normalized && c.Id != existingId && c.ArchivedAt == null, ct))
            {
                errors.Add(nameof(ContactInput.Email), "Another contact at this account already has this email.");
            }
        }
        if (input.ExternalId is { } externalId
            && await db.Contacts.IgnoreQueryFilters().AnyAsync(c => c.ExternalId == externalId && c.Id != (existing == null ? 0 : existing.Id), ct))
        {
            errors.Add(nameof(ContactInput.ExternalId), $"Another contact already has external id '{externalId}'.");
        }
        errors.ThrowIfAny();
    }

    internal static async Task<bool> ReportsUpToAsync(StewardDbContext db, int startId, int targetId, CancellationToken ct)
    {
        int? current = startId;
        for (var depth = 0; current is not null && depth < 50; depth++)
        {
            if (current == targetId) return true;
            var id = current.Value;
            current = await db.Contacts.Where(c => c.Id == id).Select(c => c.ReportsToId).SingleOrDefaultAsync(ct);
        }
        return false;
    }

    private static void Apply(ContactInput input, Contact contact)
    {
        contact.AccountId = input.AccountId;
        contact.FirstName = input.FirstName;
        contact.LastName = input.LastName;
        contact.Title = InputValidation.Clean(input.Title);
        contact.Department = InputValidation.Clean(input.Department);
        contact.Email = input.Email;
        contact.NormalizedEmail = input.Email?.ToLowerInvariant();
        contact.Phone = input.Phone;
        contact.ReportsToId = input.ReportsToId;
        contact.IsActive = input.IsActive;
        contact.ExternalId = input.ExternalId;
        contact.Notes = InputValidation.Clean(input.Notes);
    }
}
