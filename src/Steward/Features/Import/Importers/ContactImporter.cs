using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Contacts;
using Steward.Features.Import.Parsing;

namespace Steward.Features.Import.Importers;

/// <summary>
/// Contacts: matched on external id, else on email at the same account, else on name at the same
/// account. "Full name" is split into first and last name when there are no separate columns.
/// </summary>
public sealed class ContactImporter : IImporter
{
    private static readonly EmailAddressAttribute EmailCheck = new();
    private readonly AccountLookup _accounts = new();

    public Task PrepareAsync(StewardDbContext db, ImportJob job, ImportMapping mapping, CancellationToken ct) => _accounts.LoadAsync(db, ct);

    public async Task ProcessAsync(StewardDbContext db, ImportBatch batch, CancellationToken ct)
    {
        var parsed = new List<(CsvRow Row, int AccountId, string First, string Last, string? Email, string? ExternalId)>();
        foreach (var row in batch.Rows)
        {
            if (row.Cells.All(c => c.Length == 0)) continue;
            var accountId = _accounts.Resolve(batch, row);
            var (first, last) = Names(batch, row);
            var email = batch.Text(row, "Email", 254);
            if (email is not null && !EmailCheck.IsValid(email)) batch.Reject(row, "Email", $"'{email}' is not an email address.");
            if (last is null && !batch.IsRejected(row)) batch.Reject(row, batch.Has("LastName") ? "LastName" : "FullName", "The name is missing.");
            if (batch.IsRejected(row)) continue;
            parsed.Add((row, accountId!.Value, first ?? "", last!, email, batch.Text(row, "ExternalId", 100)));
        }

        var accountIds = parsed.Select(p => p.AccountId).Distinct().ToList();
        var existing = await db.Contacts.Where(c => accountIds.Contains(c.AccountId)).ToListAsync(ct);
        foreach (var p in parsed)
        {
            var email = p.Email?.ToLowerInvariant();
            var contact = (p.ExternalId is null ? null : existing.FirstOrDefault(c => c.ExternalId == p.ExternalId))
                ?? (email is null ? null : existing.FirstOrDefault(c => c.AccountId == p.AccountId && c.NormalizedEmail == email))
                ?? existing.FirstOrDefault(c => c.AccountId == p.AccountId && string.Equals(c.FirstName, p.First, StringComparison.OrdinalIgnoreCase) && string.Equals(c.LastName, p.Last, StringComparison.OrdinalIgnoreCase));
            var isNew = contact is null;
            contact ??= new Contact { AccountId = p.AccountId };
            contact.FirstName = p.First;
            contact.LastName = p.Last;
            if (p.ExternalId is not null) contact.ExternalId = p.ExternalId;
            if (p.Email is not null) { contact.Email = p.Email; contact.NormalizedEmail = email; }
            if (batch.Text(p.Row, "Title", 150) is { } title) contact.Title = title;
            if (batch.Text(p.Row, "Department", 100) is { } department) contact.Department = department;
            if (batch.Text(p.Row, "Phone", 50) is { } phone) contact.Phone = phone;
            if (isNew)
            {
                db.Add(contact);
                existing.Add(contact);
                batch.Created++;
            }
            else if (db.Entry(contact).State != EntityState.Added && db.Entry(contact).Properties.Any(x => x.IsModified)) batch.Updated++;
            else batch.Unchanged++;
        }
        await db.SaveChangesAsync(ct);
    }

    private static (string? First, string? Last) Names(ImportBatch batch, CsvRow row)
    {
        var first = batch.Text(row, "FirstName", 100);
        var last = batch.Text(row, "LastName", 100);
        if (last is not null || batch.Cell(row, "FullName") is not { } full) return (first, last);
        var parts = full.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 1 ? (null, parts[0]) : (string.Join(' ', parts[..^1]), parts[^1]);
    }

    public Task CompleteAsync(StewardDbContext db, ImportJob job, ImportMapping mapping, Func<IEnumerable<CsvRow>> rereadRows, CancellationToken ct) => Task.CompletedTask;
}
