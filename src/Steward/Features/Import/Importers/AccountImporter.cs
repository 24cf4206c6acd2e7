using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Import.Parsing;
using Steward.Infrastructure.Access;

namespace Steward.Features.Import.Importers;

/// <summary>
/// Accounts: matched on external id, else on normalised name; blank cells leave existing values
/// alone. Parents are linked in a final pass over the file, so a parent listed after its
/// subsidiary is found.
/// </summary>
public sealed class AccountImporter(Viewer viewer, AccessRules access, TimeProvider clock) : IImporter
{
    private Dictionary<string, string> _usersByKey = [];
    private readonly Dictionary<string, bool> _assignable = [];
    private readonly HashSet<string> _warnedOwners = new(StringComparer.OrdinalIgnoreCase);
    private SectorNormalizer _sectors = new([]);
    private string _defaultOwner = "";

    public async Task PrepareAsync(StewardDbContext db, ImportJob job, ImportMapping mapping, CancellationToken ct)
    {
        _usersByKey = await UserKeys.LoadAsync(db, ct);
        _sectors = new SectorNormalizer(await db.Accounts.IgnoreQueryFilters().Where(a => a.Sector != null).Select(a => a.Sector!).Distinct().ToListAsync(ct));
        _defaultOwner = mapping.DefaultOwnerId is { Length: > 0 } owner && await access.CanAssignOwnerAsync(db, owner, ct) ? owner : job.CreatedById;
    }

    public async Task ProcessAsync(StewardDbContext db, ImportBatch batch, CancellationToken ct)
    {
        var keys = batch.Rows.Select(r => (Id: batch.Cell(r, "ExternalId"), Name: batch.Cell(r, "Name") is { } n ? Account.Normalize(n) : null)).ToList();
        var ids = keys.Where(k => k.Id is not null).Select(k => k.Id!).Distinct().ToList();
        var names = keys.Where(k => k.Name is not null).Select(k => k.Name!).Distinct().ToList();
        var existing = await db.Accounts.Where(a => (a.ExternalId != null && ids.Contains(a.ExternalId)) || names.Contains(a.NormalizedName)).ToListAsync(ct);
        var foreignIds = (await db.Accounts.IgnoreQueryFilters().Where(a => a.ExternalId != null && ids.Contains(a.ExternalId)).Select(a => a.ExternalId!).ToListAsync(ct))
            .Except(existing.Select(a => a.ExternalId!)).ToHashSet();

        foreach (var row in batch.Rows)
        {
            if (row.Cells.All(c => c.Length == 0)) continue;
            var externalId = batch.Text(row, "ExternalId", 100);
            var name = batch.Text(row, "Name", 200);
            if (name is null && !batch.IsRejected(row))
            {
                batch.Reject(row, "Name", "The name is missing.");
                continue;
            }
            if (externalId is not null && foreignIds.Contains(externalId))
            {
                batch.Reject(row, "ExternalId", "This external id belongs to an account you cannot see.");
                continue;
            }
            var values = Read(batch, row);
            if (batch.IsRejected(row)) continue;

            var normalized = Account.Normalize(name!);
            var account = (externalId is null ? null : existing.FirstOrDefault(a => a.ExternalId == externalId))
                ?? existing.FirstOrDefault(a => a.NormalizedName == normalized && (a.ExternalId is null || externalId is null || a.ExternalId == externalId));
            if (account is null)
            {
                account = new Account { Name = name!, NormalizedName = normalized, ExternalId = externalId, OwnerId = await OwnerAsync(db, batch, row, values.Owner, ct), Currency = batch.Mapping.DefaultCurrency };
                values.ApplyTo(account);
                db.Add(account);
                db.Add(new AccountChange { Account = account, Kind = AccountChangeKind.Created, To = name, Reason = $"Imported from {batch.Job.FileName}", ByUserId = viewer.UserId, At = clock.GetUtcNow().UtcDateTime });
                existing.Add(account);
                batch.Created++;
                continue;
            }
            if (account.Name != name) { account.Name = name!; account.NormalizedName = normalized; }
            if (externalId is not null) account.ExternalId = externalId;
            if (values.Owner is not null) account.OwnerId = await OwnerAsync(db, batch, row, values.Owner, ct);
            values.ApplyTo(account);
            // A row repeating an account added earlier in this file merges into it: not a change of Steward's data.
            var entry = db.Entry(account);
            if (entry.State != EntityState.Added && entry.Properties.Any(p => p.IsModified)) batch.Updated++;
            else batch.Unchanged++;
        }
        await db.SaveChangesAsync(ct);
    }

    private sealed record Values(string? Owner, string? Sector, string? Country, string? Region, string? Website, int? Employees, decimal? AnnualRevenue,
        string? Currency, AccountTier? Tier, AccountStatus? Status, DateOnly? CustomerSince, string? Notes, decimal? Wallet, int? Fit, int? Replaceability)
    {
        /// <summary>Only what the file says: blank cells keep what Steward already knows.</summary>
        public void ApplyTo(Account a)
        {
            if (Sector is not null) a.Sector = Sector;
            if (Country is not null) a.Country = Country;
            if (Region is not null) a.Region = Region;
            if (Website is not null) a.Website = Website;
            if (Employees is not null) a.Employees = Employees;
            if (AnnualRevenue is not null) a.AnnualRevenue = AnnualRevenue;
            if (Currency is not null) a.Currency = Currency;
            if (Tier is not null) a.Tier = Tier.Value;
            if (Status is not null) a.Status = Status.Value;
            if (CustomerSince is not null) a.CustomerSince = CustomerSince;
            if (Notes is not null) a.Notes = Notes;
            if (Wallet is not null) a.EstimatedWallet = Wallet;
            if (Fit is not null) a.StrategicFit = Fit;
            if (Replaceability is not null) a.Replaceability = Replaceability;
        }
    }

    private Values Read(ImportBatch batch, CsvRow row)
    {
        string? sector = null;
        if (batch.Cell(row, "Sector") is { } rawSector)
        {
            var (normalized, corrected) = _sectors.Normalize(rawSector);
            sector = normalized.Length <= 100 ? normalized : normalized[..100];
            if (corrected && ImportFields.Normalize(rawSector) != ImportFields.Normalize(normalized)) batch.Warn(row, "Sector", $"Read '{rawSector}' as '{normalized}'.");
        }
        var revenue = batch.Number(row, "AnnualRevenue");
        if (revenue < 0) batch.Reject(row, "AnnualRevenue", "Company revenue cannot be negative.");
        return new Values(
            batch.Cell(row, "Owner"), sector, batch.Text(row, "Country", 100), batch.Text(row, "Region", 100), Website(batch.Text(row, "Website", 300)),
            batch.WholeNumber(row, "Employees", 0, 10_000_000), revenue, batch.Has("Currency") && batch.Cell(row, "Currency") is not null ? batch.Currency(row, "Currency") : null,
            Tier(batch, row), Status(batch, row), batch.Date(row, "CustomerSince"), batch.Text(row, "Notes", 10_000),
            batch.Number(row, "EstimatedWallet"), batch.WholeNumber(row, "StrategicFit", 1, 5), batch.WholeNumber(row, "Replaceability", 1, 5));
    }

    private static string? Website(string? raw) => raw?.Trim().TrimEnd('/');

    private static AccountTier? Tier(ImportBatch batch, CsvRow row)
    {
        if (batch.Cell(row, "Tier") is not { } raw) return null;
        var key = ImportFields.Normalize(raw);
        AccountTier? tier = key switch
        {
            "key" or "keyaccount" or "tier1" or "a" or "strategic" or "platinum" => AccountTier.Key,
            "growth" or "tier2" or "b" or "develop" or "gold" => AccountTier.Growth,
            "standard" or "tier3" or "c" or "silver" or "bronze" => AccountTier.Standard,
            "" or "none" or "unassigned" => AccountTier.Unassigned,
            _ => null,
        };
        if (tier is null) batch.Reject(row, "Tier", $"'{raw}' is not a tier (Key, Growth, Standard, or Tier 1/2/3).");
        return tier;
    }

    /// <summary>CRM account types and lifecycle stages onto Steward's statuses.</summary>
    private static AccountStatus? Status(ImportBatch batch, CsvRow row)
    {
        if (batch.Cell(row, "Status") is not { } raw) return null;
        var key = ImportFields.Normalize(raw);
        if (key.Contains("former", StringComparison.Ordinal) || key.Contains("churn", StringComparison.Ordinal) || key == "lost") return AccountStatus.Churned;
        if (key.Contains("risk", StringComparison.Ordinal)) return AccountStatus.AtRisk;
        if (key.Contains("onboard", StringComparison.Ordinal) || key == "new") return AccountStatus.Onboarding;
        if (key.Contains("customer", StringComparison.Ordinal) || key is "active" or "evangelist" or "client" or "kunde") return AccountStatus.Active;
        if (key.Contains("prospect", StringComparison.Ordinal) || key.Contains("lead", StringComparison.Ordinal) || key is "opportunity" or "subscriber" or "other") return AccountStatus.Prospect;
        batch.Reject(row, "Status", $"'{raw}' is not a status (prospect, onboarding, active/customer, at risk, churned).");
        return null;
    }

    private async Task<string> OwnerAsync(StewardDbContext db, ImportBatch batch, CsvRow row, string? owner, CancellationToken ct)
    {
        if (owner is null) return _defaultOwner;
        if (!_usersByKey.TryGetValue(owner.Trim().ToUpperInvariant(), out var userId))
        {
            // Said once per name: a whole file owned by a departed colleague is one note, not hundreds.
            if (_warnedOwners.Add(owner)) batch.Warn(row, "Owner", $"'{owner}' is not a Steward user; their accounts in this file go to the import's default owner.");
            return _defaultOwner;
        }
        if (!_assignable.TryGetValue(userId, out var allowed)) _assignable[userId] = allowed = await access.CanAssignOwnerAsync(db, userId, ct);
        if (allowed) return userId;
        batch.Warn(row, "Owner", $"You cannot make '{owner}' an owner; the account was given to the import's default owner.");
        return _defaultOwner;
    }

    /// <summary>Second pass: link each account to its parent now that every account of the file exists.</summary>
    public async Task CompleteAsync(StewardDbContext db, ImportJob job, ImportMapping mapping, Func<IEnumerable<CsvRow>> rereadRows, CancellationToken ct)
    {
        if (!mapping.Columns.ContainsKey("ParentExternalId") && !mapping.Columns.ContainsKey("ParentName")) return;
        var lookup = new AccountLookup();
        await lookup.LoadAsync(db, ct);
        var batch = new ImportBatch(job, mapping, [], []);
        var links = new List<(int Child, int Parent, CsvRow Row)>();
        foreach (var row in rereadRows())
        {
            if (batch.Cell(row, "ParentExternalId") is null && batch.Cell(row, "ParentName") is null) continue;
            var probe = new ImportBatch(job, mapping, [], [row]);
            var child = lookup.Resolve(probe, row, "ExternalId", "Name");
            var parent = lookup.Resolve(probe, row, "ParentExternalId", "ParentName");
            if (child is null) continue;
            if (parent is null)
            {
                job.Warnings++;
                db.Add(new ImportProblem
                {
                    JobId = job.Id,
                    Line = row.Line,
                    Column = "Parent",
                    Severity = ImportProblemSeverity.Warning,
                    Message = "The parent account was not found; the account was imported without a parent.",
                    Value = batch.Cell(row, "ParentName") ?? batch.Cell(row, "ParentExternalId")
                });
                continue;
            }
            if (parent != child) links.Add((child.Value, parent.Value, row));
        }
        var childIds = links.Select(l => l.Child).ToList();
        var parentIds = links.Select(l => l.Parent).ToList();
        var children = await db.Accounts.Where(a => childIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var parentsOfParents = await db.Accounts.Where(a => parentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.ParentId, ct);
        foreach (var (child, parent, _) in links)
        {
            // A file that makes two accounts each other's parent keeps the first link only.
            if (parentsOfParents.GetValueOrDefault(parent) == child) continue;
            if (children.TryGetValue(child, out var account) && account.ParentId != parent) account.ParentId = parent;
        }
        await db.SaveChangesAsync(ct);
    }
}
