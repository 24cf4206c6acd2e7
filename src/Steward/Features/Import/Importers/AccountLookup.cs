using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Import.Parsing;

namespace Steward.Features.Import.Importers;

/// <summary>
/// Finds the account a row refers to, by external id or else by normalised name, among the
/// accounts the importing user can see. Built once per run: ids and names only, not whole accounts.
/// </summary>
public sealed class AccountLookup
{
    private Dictionary<string, int> _byExternalId = new(StringComparer.Ordinal);
    private Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    public async Task LoadAsync(StewardDbContext db, CancellationToken ct)
    {
        _byExternalId = new Dictionary<string, int>(StringComparer.Ordinal);
        _byName = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var a in db.Accounts.AsNoTracking().Where(a => a.ArchivedAt == null)
            .Select(a => new { a.Id, a.ExternalId, a.NormalizedName }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (a.ExternalId is not null) _byExternalId.TryAdd(a.ExternalId, a.Id);
            _byName.TryAdd(a.NormalizedName, a.Id);
        }
    }

    /// <summary>The account of the row, or null with the row rejected.</summary>
    public int? Resolve(ImportBatch batch, CsvRow row, string externalIdField = "AccountExternalId", string nameField = "AccountName")
    {
        var externalId = batch.Cell(row, externalIdField);
        var name = batch.Cell(row, nameField);
        if (externalId is not null && _byExternalId.TryGetValue(externalId, out var byId)) return byId;
        if (name is not null && _byName.TryGetValue(Account.Normalize(name), out var byName)) return byName;
        if (externalId is null && name is null)
        {
            batch.Reject(row, batch.Has(nameField) ? nameField : externalIdField, "The account is missing.");
        }
        else
        {
            batch.Reject(row, name is not null ? nameField : externalIdField,
                $"No account '{name ?? externalId}' that you can see. Import the accounts first, or check the spelling.");
        }
        return null;
    }
}
