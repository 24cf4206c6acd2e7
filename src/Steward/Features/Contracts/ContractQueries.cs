using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Opportunities;
using Steward.Features.Retention;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Contracts;

/// <summary>Reads of contracts; the query filters limit them to contracts of visible accounts.</summary>
public sealed class ContractQueries(IDbContextFactory<StewardDbContext> dbFactory, PeopleScope scope, TimeProvider clock)
{
    public async Task<Page<ContractDto>> ListAsync(ContractListQuery query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        var today = Quarter.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contracts = Filter(db, db.Set<Contract>().AsNoTracking(), query, today, await PeopleAsync(scope, query, ct));
        var total = await contracts.CountAsync(ct);
        var rows = await Sort(contracts, query.Sort).Skip((page - 1) * size).Take(size).Select(Row(db)).ToListAsync(ct);
        return new Page<ContractDto>(rows.Select(r => ToDto(r, today)).ToList(), page, size, total);
    }

    public async Task<ContractDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadAsync(db, id, clock, ct) ?? throw new NotFoundException("Contract", id);
    }

    internal static async Task<ContractDto?> ReadAsync(StewardDbContext db, int id, TimeProvider clock, CancellationToken ct)
    {
        var row = await db.Set<Contract>().AsNoTracking().Where(c => c.Id == id).Select(Row(db)).SingleOrDefaultAsync(ct);
        return row is null ? null : ToDto(row, Quarter.Today(clock));
    }

    /// <summary>
    /// The one place that decides which contracts a list, a pipeline bucket or a dashboard figure
    /// means, so a figure and the list behind it can never disagree.
    /// </summary>
    internal static IQueryable<Contract> Filter(StewardDbContext db, IQueryable<Contract> contracts, ContractListQuery query, DateOnly today, IReadOnlyList<string>? people)
    {
        if (people is not null) contracts = contracts.Where(c => people.Contains(c.Account!.OwnerId));
        if (query.IncludeArchived != true) contracts = contracts.Where(c => c.ArchivedAt == null);
        if (query.AccountId is { } accountId) contracts = contracts.Where(c => c.AccountId == accountId);
        if (query.Status is { } status) contracts = contracts.Where(c => c.Status == status);
        if (query.Risk is { } risk) contracts = contracts.Where(c => c.RenewalRisk == risk);
        if (query.WithinDays is { } days)
        {
            if (days is < 0 or > 3650) throw new InvalidInputException("withinDays", "withinDays must be between 0 and 3650.");
            var until = today.AddDays(days);
            contracts = contracts.Where(c => c.Status == ContractStatus.Active && c.EndDate >= today && c.EndDate <= until);
        }
        if (query.EndsFrom is { } from) contracts = contracts.Where(c => c.EndDate >= from);
        if (query.EndsTo is { } to) contracts = contracts.Where(c => c.EndDate <= to);
        if (InputValidation.Clean(query.OwnerId) is { } owner) contracts = contracts.Where(c => c.Account!.OwnerId == owner);
        if (query.TeamId is { } teamId)
        {
            // A team's renewals: its members' accounts and its manager's own.
            contracts = contracts.Where(c => c.Account!.Owner!.TeamId == teamId || db.Teams.Any(t => t.Id == teamId && t.ManagerId == c.Account.OwnerId));
        }
        if (InputValidation.Clean(query.Search) is { } search)
        {
            var needle = search.ToUpperInvariant();
            contracts = contracts.Where(c => c.Name.ToUpper().Contains(needle) || (c.Reference != null && c.Reference.ToUpper().Contains(needle)) || c.Account!.NormalizedName.Contains(needle));
        }
        return contracts;
    }

    internal static async Task<IReadOnlyList<string>?> PeopleAsync(PeopleScope scope, ContractListQuery query, CancellationToken ct) =>
        query.InScope == true ? (await scope.ResolveAsync(ct: ct)).Select(p => p.UserId).ToList() : null;

    private static IQueryable<Contract> Sort(IQueryable<Contract> contracts, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        IOrderedQueryable<Contract> ordered = sort?.TrimStart('-', '+').ToLowerInvariant() switch
        {
            null or "" or "end" => descending ? contracts.OrderByDescending(c => c.EndDate) : contracts.OrderBy(c => c.EndDate),
            "name" => descending ? contracts.OrderByDescending(c => c.Name) : contracts.OrderBy(c => c.Name),
            "account" => descending ? contracts.OrderByDescending(c => c.Account!.Name) : contracts.OrderBy(c => c.Account!.Name),
            "value" => descending ? contracts.OrderByDescending(c => c.AnnualValue) : contracts.OrderBy(c => c.AnnualValue),
            "risk" => descending ? contracts.OrderByDescending(c => c.RenewalRisk) : contracts.OrderBy(c => c.RenewalRisk),
            "updated" => descending ? contracts.OrderByDescending(c => c.UpdatedAt) : contracts.OrderBy(c => c.UpdatedAt),
            _ => throw new InvalidInputException("Sort", $"Cannot sort by '{sort}'. Use end, name, account, value, risk or updated, with '-' in front for descending."),
        };
        return ordered.ThenBy(c => c.Id);
    }

    internal sealed record ContractRow(Contract Contract, string AccountName, string OwnerId, string OwnerName, int? RenewalOpportunityId);

    private static System.Linq.Expressions.Expression<Func<Contract, ContractRow>> Row(StewardDbContext db) => c => new ContractRow(
        c, c.Account!.Name, c.Account.OwnerId, c.Account.Owner!.DisplayName,
        db.Set<Opportunity>().Where(o => o.ContractId == c.Id && o.RenewalTermEnd == c.EndDate && o.ArchivedAt == null).Select(o => (int?)o.Id).FirstOrDefault());

    private static ContractDto ToDto(ContractRow row, DateOnly today)
    {
        var c = row.Contract;
        return new ContractDto(
            c.Id, c.AccountId, row.AccountName, row.OwnerId, row.OwnerName, c.Name, c.Reference, c.StartDate, c.EndDate,
            c.AnnualValue, c.Currency, c.AutoRenew, c.NoticePeriodDays, c.NoticeDeadline, c.Status, c.RenewalRisk, c.RiskReason,
            c.ActionPlan, c.RenewalLeadDays, c.Documents.Select(d => new ContractDocumentDto(d.Title, d.Url)).ToList(), c.Notes,
            c.ArchivedAt != null, c.EndDate.DayNumber - today.DayNumber, row.RenewalOpportunityId, c.Version, c.CreatedAt, c.UpdatedAt);
    }
}
