using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Users;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Accounts;

/// <summary>Creates, changes, archives and restores accounts. Each method is one transaction.</summary>
public sealed class AccountService(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, AccessRules access, TimeProvider clock)
{
    public async Task<AccountDto> CreateAsync(AccountInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        input.OwnerId = InputValidation.Clean(input.OwnerId) ?? viewer.UserId;
        await ValidateAsync(db, input, existing: null, ct);

        var account = new Account();
        Apply(input, account);
        db.Accounts.Add(account);
        Record(db, account, AccountChangeKind.Created, null, account.Name);
        await db.SaveChangesAsync(ct);
        return await ReadAsync(db, account.Id, ct);
    }

    /// <param name="expectedVersion">The version the editor started from (If-Match); null to skip the check.</param>
    public async Task<AccountDto> UpdateAsync(int id, AccountInput input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await LoadForChangeAsync(db, id, expectedVersion, ct);
        input.OwnerId = InputValidation.Clean(input.OwnerId) ?? account.OwnerId;
        await ValidateAsync(db, input, account, ct);
        var before = (account.Status, account.Tier, account.OwnerId, account.ParentId);
        Apply(input, account);
        RecordChanges(db, account, before);
        await SaveAsync(db, ct);
        return await ReadAsync(db, id, ct);
    }

    /// <summary>Applies a JSON merge patch (RFC 7396) to the account's current values.</summary>
    public async Task<AccountDto> PatchAsync(int id, System.Text.Json.JsonElement patch, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await LoadForChangeAsync(db, id, expectedVersion, ct);
        var input = JsonMergePatch.Apply(AccountInput.From(await ReadAsync(db, id, ct)), patch);
        return await UpdateAsync(id, input, account.Version, ct);
    }

    public async Task<AccountDto> ArchiveAsync(int id, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await LoadForChangeAsync(db, id, expectedVersion, ct);
        if (!await access.CanArchiveAsync(db, account, ct))
        {
            throw new ForbiddenException("Only the account's owner, their manager or an admin can archive it.");
        }
        if (account.ArchivedAt is null)
        {
            account.ArchivedAt = clock.GetUtcNow().UtcDateTime;
            account.ArchivedById = viewer.UserId;
            Record(db, account, AccountChangeKind.Archived, null, null);
            await SaveAsync(db, ct);
        }
        return await ReadAsync(db, id, ct);
    }

    public async Task<AccountDto> RestoreAsync(int id, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await LoadForChangeAsync(db, id, expectedVersion, ct);
        if (!await access.CanArchiveAsync(db, account, ct))
        {
            throw new ForbiddenException("Only the account's owner, their manager or an admin can restore it.");
        }
        if (account.ArchivedAt is not null)
        {
            account.ArchivedAt = null;
            account.ArchivedById = null;
            Record(db, account, AccountChangeKind.Restored, null, null);
            await SaveAsync(db, ct);
        }
        return await ReadAsync(db, id, ct);
    }

    private static async Task<Account> LoadForChangeAsync(StewardDbContext db, int id, long? expectedVersion, CancellationToken ct)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Account", id);
        if (expectedVersion is { } expected)
        {
            if (account.Version != expected)
            {
                throw new PreconditionFailedException($"The account is at version {account.Version}, not {expected}: someone else changed it. Nothing was changed; reload it and apply your edit again.");
            }
            // Keep the check in the UPDATE's WHERE clause too, for writers racing after this read.
            db.Entry(account).Property(a => a.Version).OriginalValue = expected;
        }
        return account;
    }

    private static async Task SaveAsync(StewardDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Someone else changed this account at the same time. Nothing was changed; reload it and apply your edit again.");
        }
    }

    private static Task<AccountDto> ReadAsync(StewardDbContext db, int id, CancellationToken ct) =>
        db.Accounts.AsNoTracking().Where(a => a.Id == id).Select(AccountQueries.ToDto).SingleAsync(ct);

    private async Task ValidateAsync(StewardDbContext db, AccountInput input, Account? existing, CancellationToken ct)
    {
        input.Name = input.Name?.Trim() ?? "";
        input.Currency = (input.Currency ?? "").Trim().ToUpperInvariant();
        input.ExternalId = InputValidation.Clean(input.ExternalId);
        input.Website = InputValidation.Clean(input.Website);
        var errors = InputValidation.Annotations(input);

        if (input.OwnerId is null)
        {
            errors.Add(nameof(AccountInput.OwnerId), "Choose the account manager who owns the account.");
        }
        else if (input.OwnerId != existing?.OwnerId && !await access.CanAssignOwnerAsync(db, input.OwnerId, ct))
        {
            errors.Add(nameof(AccountInput.OwnerId), viewer.IsManager
                ? "The owner must be you or a member of a team you manage."
                : "You can only make yourself the owner; ask your manager to assign the account to someone else.");
        }

        if (input.ParentId is { } parentId)
        {
            if (existing is not null && parentId == existing.Id)
            {
                errors.Add(nameof(AccountInput.ParentId), "An account cannot be its own parent.");
            }
            else if (!await db.Accounts.AnyAsync(a => a.Id == parentId, ct))
            {
                errors.Add(nameof(AccountInput.ParentId), $"Parent account {parentId} does not exist.");
            }
            else if (existing is not null && await IsDescendantAsync(db, parentId, existing.Id, ct))
            {
                errors.Add(nameof(AccountInput.ParentId), "The parent cannot be one of this account's own subsidiaries.");
            }
        }

        if (input.ExternalId is { } externalId
            && await db.Accounts.IgnoreQueryFilters().AnyAsync(a => a.ExternalId == externalId && a.Id != (existing == null ? 0 : existing.Id), ct))
        {
            errors.Add(nameof(AccountInput.ExternalId), $"Another account already has external id '{externalId}'.");
        }
        errors.ThrowIfAny();
    }

    /// <summary>Walks up from <paramref name="candidateId"/>; true when it reaches <paramref name="accountId"/>.</summary>
    private static async Task<bool> IsDescendantAsync(StewardDbContext db, int candidateId, int accountId, CancellationToken ct)
    {
        int? current = candidateId;
        for (var depth = 0; current is not null && depth < 50; depth++)
        {
            if (current == accountId) return true;
            var id = current.Value;
            current = await db.Accounts.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.ParentId).SingleOrDefaultAsync(ct);
        }
        return false;
    }

    private void RecordChanges(StewardDbContext db, Account account, (AccountStatus Status, AccountTier Tier, string OwnerId, int? ParentId) before)
    {
        if (before.Status != account.Status) Record(db, account, AccountChangeKind.StatusChanged, before.Status.ToString(), account.Status.ToString());
        if (before.Tier != account.Tier) Record(db, account, AccountChangeKind.TierChanged, before.Tier.ToString(), account.Tier.ToString());
        if (before.OwnerId != account.OwnerId) Record(db, account, AccountChangeKind.OwnerChanged, before.OwnerId, account.OwnerId);
        if (before.ParentId != account.ParentId) Record(db, account, AccountChangeKind.ParentChanged, before.ParentId?.ToString(System.Globalization.CultureInfo.InvariantCulture), account.ParentId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Adds a history entry that is saved with the change itself.</summary>
    internal void Record(StewardDbContext db, Account account, AccountChangeKind kind, string? from, string? to, string? reason = null) =>
        db.Add(new AccountChange { Account = account, Kind = kind, From = from, To = to, Reason = reason, ByUserId = viewer.UserId, At = clock.GetUtcNow().UtcDateTime });

    private static void Apply(AccountInput input, Account account)
    {
        account.Name = input.Name;
        account.NormalizedName = Account.Normalize(input.Name);
        account.ExternalId = input.ExternalId;
        account.Sector = InputValidation.Clean(input.Sector);
        account.Country = InputValidation.Clean(input.Country);
        account.Region = InputValidation.Clean(input.Region);
        account.Website = input.Website;
        account.Employees = input.Employees;
        account.AnnualRevenue = input.AnnualRevenue;
        account.Currency = input.Currency;
        account.ParentId = input.ParentId;
        account.OwnerId = input.OwnerId!;
        account.Tier = input.Tier;
        account.Status = input.Status;
        account.CustomerSince = input.CustomerSince;
        account.EstimatedWallet = input.EstimatedWallet;
        account.StrategicFit = input.StrategicFit;
        account.Replaceability = input.Replaceability;
        account.RelationshipStrength = input.RelationshipStrength;
        account.Notes = InputValidation.Clean(input.Notes);
    }
}
