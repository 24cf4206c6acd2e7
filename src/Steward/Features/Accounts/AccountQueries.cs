using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Portfolio;
using Steward.Features.Revenue;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Accounts;

/// <summary>Reads of accounts. The DbContext's query filters limit every one to what the viewer may see.</summary>
public sealed class AccountQueries(IDbContextFactory<StewardDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Page<AccountListItem>> ListAsync(AccountListQuery query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        var window = RevenueWindow.Trailing12Months(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var accounts = db.Accounts.AsNoTracking();
        if (query.IncludeArchived != true) accounts = accounts.Where(a => a.ArchivedAt == null);
        if (InputValidation.Clean(query.Search) is { } search)
        {
            var needle = Account.Normalize(search);
            accounts = accounts.Where(a => a.NormalizedName.Contains(needle) || (a.ExternalId != null && a.ExternalId == search.Trim()));
        }
        if (InputValidation.Clean(query.OwnerId) is { } owner) accounts = accounts.Where(a => a.OwnerId == owner);
        if (query.Tier is { } tier) accounts = accounts.Where(a => a.Tier == tier);
        if (query.Status is { } status) accounts = accounts.Where(a => a.Status == status);
        if (InputValidation.Clean(query.Sector) is { } sector) accounts = accounts.Where(a => a.Sector == sector);
        if (query.ParentId is { } parentId) accounts = accounts.Where(a => a.ParentId == parentId);

        var total = await accounts.CountAsync(ct);
        var items = await Sort(accounts, db.Set<AccountScore>(), query.Sort).Skip((page - 1) * size).Take(size)
            .Select(a => new AccountListItem(
                a.Id, a.Name, a.Sector, a.Country, a.OwnerId, a.Owner!.DisplayName, a.Tier, a.Status,
                a.RevenueLines.Where(r => r.Period >= window.From && r.Period < window.To).Sum(r => (decimal?)r.Amount) ?? 0m,
                a.ParentId, a.Parent != null ? a.Parent.Name : null, a.ArchivedAt != null))
            .ToListAsync(ct);
        return new Page<AccountListItem>(items, page, size, total);
    }

    /// <remarks>
    /// Revenue sorts by the figure stored at the last scoring (rescored after every import and on
    /// demand), not by summing every account's revenue lines: at 100,000 accounts that sum is
    /// seconds, the stored figure milliseconds.
    /// </remarks>
    private static IQueryable<Account> Sort(IQueryable<Account> accounts, IQueryable<AccountScore> scores, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-', '+').ToLowerInvariant();
        IOrderedQueryable<Account> ordered = key switch
        {
            "sector" => descending ? accounts.OrderByDescending(a => a.Sector) : accounts.OrderBy(a => a.Sector),
            "country" => descending ? accounts.OrderByDescending(a => a.Country) : accounts.OrderBy(a => a.Country),
            "owner" => descending ? accounts.OrderByDescending(a => a.Owner!.DisplayName) : accounts.OrderBy(a => a.Owner!.DisplayName),
            "tier" => descending ? accounts.OrderByDescending(a => a.Tier) : accounts.OrderBy(a => a.Tier),
            "status" => descending ? accounts.OrderByDescending(a => a.Status) : accounts.OrderBy(a => a.Status),
            "updated" => descending ? accounts.OrderByDescending(a => a.UpdatedAt) : accounts.OrderBy(a => a.UpdatedAt),
            "revenue" => descending
                ? accounts.OrderByDescending(a => scores.Where(s => s.AccountId == a.Id).Select(s => (decimal?)s.OwnRevenue12).FirstOrDefault() ?? 0m)
                : accounts.OrderBy(a => scores.Where(s => s.AccountId == a.Id).Select(s => (decimal?)s.OwnRevenue12).FirstOrDefault() ?? 0m),
            null or "" or "name" => descending ? accounts.OrderByDescending(a => a.Name) : accounts.OrderBy(a => a.Name),
            _ => throw new InvalidInputException("Sort", $"Cannot sort by '{sort}'. Use name, sector, country, owner, tier, status, revenue or updated, with '-' in front for descending."),
        };
        // The id makes paging stable when the sort key has ties.
        return ordered.ThenBy(a => a.Id);
    }

    public async Task<AccountDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Accounts.AsNoTracking().Where(a => a.Id == id).Select(ToDto).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Account", id);
    }

    /// <summary>Distinct sectors of visible accounts, for filter pickers.</summary>
    public async Task<IReadOnlyList<string>> SectorsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Accounts.Where(a => a.Sector != null).Select(a => a.Sector!).Distinct().OrderBy(s => s).ToListAsync(ct);
    }

    /// <summary>Distinct regions of visible accounts, for filter pickers.</summary>
    public async Task<IReadOnlyList<string>> RegionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Accounts.Where(a => a.Region != null).Select(a => a.Region!).Distinct().OrderBy(s => s).ToListAsync(ct);
    }

    /// <summary>Visible accounts whose name matches, for pickers (parent account, global search).</summary>
    public async Task<IReadOnlyList<AccountRef>> LookupAsync(string? search, int take = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var accounts = db.Accounts.AsNoTracking().Where(a => a.ArchivedAt == null);
        if (InputValidation.Clean(search) is { } s)
        {
            var needle = Account.Normalize(s);
            accounts = accounts.Where(a => a.NormalizedName.Contains(needle));
        }
        return await accounts.OrderBy(a => a.Name).Take(take).Select(a => new AccountRef(a.Id, a.Name)).ToListAsync(ct);
    }

    /// <summary>The account's recorded changes, newest first.</summary>
    public async Task<Page<AccountChangeDto>> HistoryAsync(int accountId, int? page = null, int? pageSize = null, CancellationToken ct = default)
    {
        var (p, size) = Paging.Clamp(page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, ct)) throw new NotFoundException("Account", accountId);
        var changes = db.Set<AccountChange>().AsNoTracking().Where(c => c.AccountId == accountId);
        var total = await changes.CountAsync(ct);
        var items = await changes.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Skip((p - 1) * size).Take(size)
            .Select(c => new AccountChangeDto(c.Id, c.Kind, c.From, c.To, c.Reason, c.ByUserId,
                c.ByUserId == null ? null : db.Users.Where(u => u.Id == c.ByUserId).Select(u => u.DisplayName).FirstOrDefault(), c.At))
            .ToListAsync(ct);
        return new Page<AccountChangeDto>(items, p, size, total);
    }

    internal static readonly System.Linq.Expressions.Expression<Func<Account, AccountDto>> ToDto = a => new AccountDto(
        a.Id, a.Name, a.ExternalId, a.Sector, a.Country, a.Region, a.Website, a.Employees, a.AnnualRevenue, a.Currency,
        a.ParentId, a.Parent != null ? a.Parent.Name : null, a.OwnerId, a.Owner!.DisplayName, a.Tier, a.Status,
        a.CustomerSince, a.EstimatedWallet, a.StrategicFit, a.Replaceability, a.RelationshipStrength, a.Notes, a.ArchivedAt != null, a.ArchivedAt, a.Version, a.CreatedAt, a.UpdatedAt);
}

public sealed record AccountRef(int Id, string Name);

public sealed record AccountChangeDto(long Id, AccountChangeKind Kind, string? From, string? To, string? Reason, string? ByUserId, string? ByName, DateTime At);
