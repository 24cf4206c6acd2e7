using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Revenue;
using Steward.Features.Tasks;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Plans;

/// <summary>Reads of plans; the account filter limits them to plans of visible accounts.</summary>
public sealed class PlanQueries(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Page<PlanSummaryDto>> ListAsync(PlanListQuery query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = Today;
        var plans = db.Set<AccountPlan>().AsNoTracking();
        if (query.AccountId is { } accountId) plans = plans.Where(p => p.AccountId == accountId);
        if (query.Status is { } status) plans = plans.Where(p => p.Status == status);
        if (InputValidation.Clean(query.OwnerId) is { } ownerId) plans = plans.Where(p => p.OwnerId == ownerId);
        if (query.ReviewDue == true) plans = plans.Where(p => p.Status == PlanStatus.Active && p.NextReviewDue <= today);
        if (InputValidation.Clean(query.Search) is { } search)
        {
            var needle = search.ToUpperInvariant();
            plans = plans.Where(p => p.Title.ToUpper().Contains(needle) || p.Account!.Name.ToUpper().Contains(needle));
        }
        var total = await plans.CountAsync(ct);
        var descending = query.Sort?.StartsWith('-') == true;
        IOrderedQueryable<AccountPlan> ordered = query.Sort?.TrimStart('-', '+').ToLowerInvariant() switch
        {
            "account" => descending ? plans.OrderByDescending(p => p.Account!.Name) : plans.OrderBy(p => p.Account!.Name),
            "title" => descending ? plans.OrderByDescending(p => p.Title) : plans.OrderBy(p => p.Title),
            "period" => descending ? plans.OrderByDescending(p => p.PeriodStart) : plans.OrderBy(p => p.PeriodStart),
            "status" => descending ? plans.OrderByDescending(p => p.Status) : plans.OrderBy(p => p.Status),
            null or "" or "updated" => descending || query.Sort is null or "" ? plans.OrderByDescending(p => p.UpdatedAt) : plans.OrderBy(p => p.UpdatedAt),
            _ => throw new InvalidInputException("Sort", $"Cannot sort by '{query.Sort}'. Use account, title, period, status or updated, with '-' in front for descending."),
        };
        var items = await ordered.ThenBy(p => p.Id).Skip((page - 1) * size).Take(size)
            .Select(p => new PlanSummaryDto(p.Id, p.AccountId, p.Account!.Name, p.Title, p.PeriodStart, p.PeriodEnd, p.OwnerId, p.Owner!.DisplayName,
                p.Status, p.NextReviewDue, p.Status == PlanStatus.Active && p.NextReviewDue <= today, p.Version, p.UpdatedAt))
            .ToListAsync(ct);
        return new Page<PlanSummaryDto>(items, page, size, total);
    }

    public async Task<PlanDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadAsync(db, id, ct);
    }

    internal async Task<PlanDto> ReadAsync(StewardDbContext db, int id, CancellationToken ct)
    {
        var plan = await db.Set<AccountPlan>().AsNoTracking().Include(p => p.Objectives).Include(p => p.Account).Include(p => p.Owner)
            .SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Plan", id);
        var approverName = plan.ApproverId is null ? null : await db.Users.Where(u => u.Id == plan.ApproverId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        var sourceId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var actions = await db.Set<TaskItem>().AsNoTracking().Where(t => t.SourceKind == PlanService.TaskSource && t.SourceId == sourceId)
            .OrderBy(t => t.State).ThenBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.Id).Select(TaskService.ToDto).ToListAsync(ct);
        var measured = await MeasuredAsync(db, plan.AccountId, ct);
        var objectives = plan.Objectives.OrderBy(o => o.SortOrder).ThenBy(o => o.Id).Select(o => new ObjectiveDto(
            o.Id, o.Title, o.Kpi, o.Unit, o.Source, o.Baseline, o.Target, o.Source == MetricSource.Manual ? o.Actual : measured.GetValueOrDefault(o.Source),
            o.DueDate, o.Status, o.Evaluation, o.Version)).ToList();
        var sections = PlanSections.All.ToDictionary(s => s.Name, s => s.Read(plan));
        return new PlanDto(plan.Id, plan.AccountId, plan.Account!.Name, plan.Title, plan.PeriodStart, plan.PeriodEnd, plan.OwnerId, plan.Owner!.DisplayName,
            plan.Status, plan.ReviewCadence, plan.NextReviewDue, plan.Status == PlanStatus.Active && plan.NextReviewDue <= Today,
            sections, plan.ResourceBudget, plan.Currency, plan.ApproverId, approverName, plan.ApprovedSnapshot, plan.Findings, plan.ClosedAt,
            objectives, actions, AllowedActions(plan).ToList(), plan.Version, plan.CreatedAt, plan.UpdatedAt);
    }

    /// <summary>The moves the viewer may make: deciding is for the approver (or an admin), never the owner or submitter.</summary>
    private IEnumerable<PlanAction> AllowedActions(AccountPlan plan) => PlanLifecycle.Allowed(plan.Status).Where(action =>
        action is not (PlanAction.Approve or PlanAction.RequestChanges)
        || (viewer.UserId is { } me && me != plan.OwnerId && me != plan.SubmittedById && (me == plan.ApproverId || viewer.IsAdmin)));

    /// <summary>Actuals read from the account's data: revenue of the last 12 full months, and its growth.</summary>
    private async Task<Dictionary<MetricSource, decimal?>> MeasuredAsync(StewardDbContext db, int accountId, CancellationToken ct)
    {
        var thisMonth = new DateOnly(Today.Year, Today.Month, 1);
        var from = thisMonth.AddMonths(-24);
        var lines = await db.Set<RevenueLine>().AsNoTracking().Where(r => r.AccountId == accountId && r.Period >= from && r.Period < thisMonth)
            .GroupBy(r => r.Period >= thisMonth.AddMonths(-12)).Select(g => new { Recent = g.Key, Sum = g.Sum(r => r.Amount) }).ToListAsync(ct);
        var last = lines.Where(l => l.Recent).Sum(l => l.Sum);
        var previous = lines.Where(l => !l.Recent).Sum(l => l.Sum);
        return new()
        {
            [MetricSource.Revenue12Months] = last,
            [MetricSource.RevenueGrowthPercent] = previous == 0 ? null : Math.Round((last - previous) / previous * 100, 1),
        };
    }

    public async Task<IReadOnlyList<PlanTransitionDto>> HistoryAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureVisibleAsync(db, id, ct);
        return await db.Set<PlanTransition>().AsNoTracking().Where(t => t.PlanId == id).OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new PlanTransitionDto(t.Id, t.From, t.To, t.Action, db.Users.Where(u => u.Id == t.ByUserId).Select(u => u.DisplayName).FirstOrDefault(), t.At, t.Comment))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<PlanSnapshotDto>> SnapshotsAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureVisibleAsync(db, id, ct);
        return await db.Set<PlanSnapshot>().AsNoTracking().Where(s => s.PlanId == id).OrderByDescending(s => s.Number)
            .Select(s => new PlanSnapshotDto(s.Number, s.Kind, db.Users.Where(u => u.Id == s.ByUserId).Select(u => u.DisplayName).FirstOrDefault(), s.At))
            .ToListAsync(ct);
    }

    /// <summary>One frozen version of the plan, as it was submitted or approved.</summary>
    public async Task<PlanContent> SnapshotAsync(int id, int number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var json = await db.Set<PlanSnapshot>().AsNoTracking().Where(s => s.PlanId == id && s.Number == number).Select(s => s.Content).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Plan version", $"{id}/{number}");
        return PlanContent.FromJson(json);
    }

    /// <summary>What changed since the last approval; empty when the plan was never approved or nothing changed.</summary>
    public async Task<PlanDiffDto> DiffToApprovedAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Set<AccountPlan>().AsNoTracking().Include(p => p.Objectives).SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("Plan", id);
        if (plan.ApprovedSnapshot is not { } number) return new PlanDiffDto(null, null, []);
        var approved = await db.Set<PlanSnapshot>().AsNoTracking().SingleAsync(s => s.PlanId == id && s.Number == number, ct);
        return new PlanDiffDto(number, approved.At, PlanContent.Of(plan).ChangesSince(PlanContent.FromJson(approved.Content)));
    }

    private static async Task EnsureVisibleAsync(StewardDbContext db, int id, CancellationToken ct)
    {
        if (!await db.Set<AccountPlan>().AnyAsync(p => p.Id == id, ct)) throw new NotFoundException("Plan", id);
    }
}
