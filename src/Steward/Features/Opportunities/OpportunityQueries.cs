using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Retention;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Opportunities;

/// <summary>One column of the pipeline board: a stage name (shared by the types that have it).</summary>
public sealed record BoardColumn(string Name, StageOutcome Outcome, int Count, IReadOnlyList<MoneyTotal> Amount);

public sealed record PipelineBoard(IReadOnlyList<BoardColumn> Columns, IReadOnlyList<OpportunityDto> Cards, int Total, int Shown);

/// <summary>Reads of opportunities; the query filters limit them to opportunities at visible accounts.</summary>
public sealed class OpportunityQueries(IDbContextFactory<StewardDbContext> dbFactory, PeopleScope scope, TimeProvider clock)
{
    public const int BoardLimit = 300;

    public async Task<Page<OpportunityDto>> ListAsync(OpportunityListQuery query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var opportunities = await FilterAsync(db, query, ct);
        var total = await opportunities.CountAsync(ct);
        var items = await Sort(opportunities, query.Sort).Skip((page - 1) * size).Take(size).Select(ToDto).ToListAsync(ct);
        return new Page<OpportunityDto>(items, page, size, total);
    }

    public async Task<OpportunityDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Opportunity>().AsNoTracking().Where(o => o.Id == id).Select(ToDto).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Opportunity", id);
    }

    /// <summary>The board: a column per stage, the cards in it. Without a period: everything open, and what closed this quarter.</summary>
    public async Task<PipelineBoard> BoardAsync(OpportunityListQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var opportunities = await FilterAsync(db, query, ct);
        if (query.Period is null && query.CloseFrom is null && query.CloseTo is null)
        {
            var quarterStart = Quarter.Current(clock).Start;
            opportunities = opportunities.Where(o => o.Stage!.Outcome == StageOutcome.Open || o.CloseDate >= quarterStart);
        }
        var total = await opportunities.CountAsync(ct);
        var cards = await opportunities.OrderBy(o => o.CloseDate).ThenBy(o => o.Id).Take(BoardLimit).Select(ToDto).ToListAsync(ct);
        var sums = await opportunities.GroupBy(o => new { o.Stage!.Name, o.Currency })
            .Select(g => new { g.Key.Name, g.Key.Currency, Count = g.Count(), Amount = g.Sum(o => o.Amount) }).ToListAsync(ct);

        var stages = db.Set<OpportunityStage>().AsNoTracking().Where(s => s.IsActive || sums.Select(x => x.Name).Contains(s.Name));
        if (query.Type is { } type) stages = stages.Where(s => s.Type == type);
        var columns = (await stages.Select(s => new { s.Name, s.Position, s.Outcome }).ToListAsync(ct))
            .GroupBy(s => s.Name)
            .Select(g => new { Name = g.Key, Position = g.Min(s => s.Position), Outcome = g.First().Outcome })
            // Open stages in pipeline order, then won, then lost.
            .OrderBy(c => c.Outcome).ThenBy(c => c.Position)
            .Select(c =>
            {
                var inColumn = sums.Where(s => s.Name == c.Name).ToList();
                return new BoardColumn(c.Name, c.Outcome, inColumn.Sum(s => s.Count), MoneyTotals.Of(inColumn, s => s.Currency, s => s.Amount));
            })
            .ToList();
        return new PipelineBoard(columns, cards, total, cards.Count);
    }

    /// <summary>The opportunity's stage changes, oldest first, with the time spent in each stage.</summary>
    public async Task<IReadOnlyList<StageChangeDto>> HistoryAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Opportunity>().AnyAsync(o => o.Id == id, ct)) throw new NotFoundException("Opportunity", id);
        var changes = await db.Set<OpportunityStageChange>().AsNoTracking().Where(c => c.OpportunityId == id)
            .OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.FromStageName,
                c.ToStageName,
                c.Amount,
                c.Probability,
                c.At,
                ByName = c.ByUserId == null ? null : db.Users.Where(u => u.Id == c.ByUserId).Select(u => u.DisplayName).FirstOrDefault()
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return changes.Select((c, i) => new StageChangeDto(c.Id, c.FromStageName, c.ToStageName, c.Amount, c.Probability, c.ByName, c.At,
            (i + 1 < changes.Count ? changes[i + 1].At : now) - c.At)).ToList();
    }

    /// <summary>Stages of one type (or all), in pipeline order.</summary>
    public async Task<IReadOnlyList<StageDto>> StagesAsync(OpportunityType? type = null, bool includeRetired = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stages = db.Set<OpportunityStage>().AsNoTracking();
        if (type is { } t) stages = stages.Where(s => s.Type == t);
        if (!includeRetired) stages = stages.Where(s => s.IsActive);
        // Outcomes are stored as text: open stages first, then won, then lost.
        return await stages.OrderBy(s => s.Type).ThenBy(s => s.Outcome == StageOutcome.Open ? 0 : s.Outcome == StageOutcome.Won ? 1 : 2).ThenBy(s => s.Position)
            .Select(s => new StageDto(s.Id, s.Type, s.Name, s.Position, s.Probability, s.Outcome, s.IsActive, s.Version)).ToListAsync(ct);
    }

    private async Task<IQueryable<Opportunity>> FilterAsync(StewardDbContext db, OpportunityListQuery query, CancellationToken ct)
    {
        IReadOnlyList<string>? people = null;
        if (query.InScope == true) people = (await scope.ResolveAsync(ct: ct)).Select(p => p.UserId).ToList();
        return Filter(db, db.Set<Opportunity>().AsNoTracking(), query, people);
    }

    /// <summary>The one place that decides which opportunities a list, a board column or a forecast figure means.</summary>
    internal static IQueryable<Opportunity> Filter(StewardDbContext db, IQueryable<Opportunity> opportunities, OpportunityListQuery query, IReadOnlyList<string>? people)
    {
        if (query.IncludeArchived != true) opportunities = opportunities.Where(o => o.ArchivedAt == null);
        if (query.AccountId is { } accountId) opportunities = opportunities.Where(o => o.AccountId == accountId);
        if (InputValidation.Clean(query.OwnerId) is { } owner) opportunities = opportunities.Where(o => o.OwnerId == owner);
        if (query.TeamId is { } teamId)
        {
            // A team's deals: its members' and its manager's own.
            opportunities = opportunities.Where(o => o.Owner!.TeamId == teamId || db.Teams.Any(t => t.Id == teamId && t.ManagerId == o.OwnerId));
        }
        if (people is not null) opportunities = opportunities.Where(o => people.Contains(o.OwnerId));
        if (query.Type is { } type) opportunities = opportunities.Where(o => o.Type == type);
        if (query.StageId is { } stageId) opportunities = opportunities.Where(o => o.StageId == stageId);
        if (query.Outcome is { } outcome) opportunities = opportunities.Where(o => o.Stage!.Outcome == outcome);
        if (query.Category is { } category) opportunities = opportunities.Where(o => o.ForecastCategory == category);
        if (query.Period is { } periodText)
        {
            if (!Quarter.TryParse(periodText, out var period)) throw new InvalidInputException("period", $"'{periodText}' is not a quarter; write it like 2026-Q4.");
            var (from, to) = (period.Value.Start, period.Value.End);
            opportunities = opportunities.Where(o => o.CloseDate >= from && o.CloseDate <= to);
        }
        if (query.CloseFrom is { } closeFrom) opportunities = opportunities.Where(o => o.CloseDate >= closeFrom);
        if (query.CloseTo is { } closeTo) opportunities = opportunities.Where(o => o.CloseDate <= closeTo);
        if (InputValidation.Clean(query.Currency) is { } currency)
        {
            var code = currency.ToUpperInvariant();
            opportunities = opportunities.Where(o => o.Currency == code);
        }
        if (InputValidation.Clean(query.Search) is { } search)
        {
            var needle = search.ToUpperInvariant();
            opportunities = opportunities.Where(o => o.Name.ToUpper().Contains(needle) || o.Account!.NormalizedName.Contains(needle));
        }
        return opportunities;
    }

    private static IQueryable<Opportunity> Sort(IQueryable<Opportunity> opportunities, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        IOrderedQueryable<Opportunity> ordered = sort?.TrimStart('-', '+').ToLowerInvariant() switch
        {
            null or "" or "close" => descending ? opportunities.OrderByDescending(o => o.CloseDate) : opportunities.OrderBy(o => o.CloseDate),
            "name" => descending ? opportunities.OrderByDescending(o => o.Name) : opportunities.OrderBy(o => o.Name),
            "account" => descending ? opportunities.OrderByDescending(o => o.Account!.Name) : opportunities.OrderBy(o => o.Account!.Name),
            "amount" => descending ? opportunities.OrderByDescending(o => o.Amount) : opportunities.OrderBy(o => o.Amount),
            "stage" => descending ? opportunities.OrderByDescending(o => o.Stage!.Position) : opportunities.OrderBy(o => o.Stage!.Position),
            "owner" => descending ? opportunities.OrderByDescending(o => o.Owner!.DisplayName) : opportunities.OrderBy(o => o.Owner!.DisplayName),
            "updated" => descending ? opportunities.OrderByDescending(o => o.UpdatedAt) : opportunities.OrderBy(o => o.UpdatedAt),
            _ => throw new InvalidInputException("Sort", $"Cannot sort by '{sort}'. Use close, name, account, amount, stage, owner or updated, with '-' in front for descending."),
        };
        return ordered.ThenBy(o => o.Id);
    }

    internal static readonly Expression<Func<Opportunity, OpportunityDto>> ToDto = o => new OpportunityDto(
        o.Id, o.AccountId, o.Account!.Name, o.Name, o.Type, o.StageId, o.Stage!.Name, o.Stage.Outcome, o.Amount, o.Currency,
        o.Probability, o.Amount * o.Probability / 100m, o.CloseDate, o.OwnerId, o.Owner!.DisplayName, o.ForecastCategory, o.Source,
        o.LostReason, o.Description, o.ContractId, o.Contract != null ? o.Contract.Name : null, o.RenewalTermEnd, o.RfpDueDate,
        o.StageChangedAt, o.ClosedAt, o.ArchivedAt != null, o.Version, o.CreatedAt, o.UpdatedAt);
}
