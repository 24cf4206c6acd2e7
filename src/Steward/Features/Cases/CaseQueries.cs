using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Retention;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Cases;

/// <summary>Reads of cases; the query filters limit them to cases at visible accounts.</summary>
public sealed class CaseQueries(IDbContextFactory<StewardDbContext> dbFactory, PeopleScope scope, Viewer viewer, TimeProvider clock)
{
    public async Task<Page<CaseDto>> ListAsync(CaseListQuery query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = await FilterAsync(db, query, ct);
        var total = await cases.CountAsync(ct);
        var items = await Sort(cases, query.Sort).Skip((page - 1) * size).Take(size).Select(ToDto(Now)).ToListAsync(ct);
        return new Page<CaseDto>(items, page, size, total);
    }

    public async Task<CaseDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Case>().AsNoTracking().Where(c => c.Id == id).Select(ToDto(Now)).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Case", id);
    }

    /// <summary>The viewer's open cases: ones they work on or answer for at the current level; escalated and overdue first.</summary>
    public Task<Page<CaseDto>> MineAsync(int take = 10, CancellationToken ct = default) =>
        viewer.UserId is { } me
            ? ListAsync(new CaseListQuery { Open = true, InvolvingId = me, Sort = "-level", PageSize = take }, ct)
            : Task.FromResult(new Page<CaseDto>([], 1, take, 0));

    /// <summary>The escalation path so far: each level, who held it and for how long.</summary>
    public async Task<IReadOnlyList<CaseEscalationDto>> EscalationsAsync(int caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resolvedAt = await db.Set<Case>().Where(c => c.Id == caseId).Select(c => new { c.ResolvedAt }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Case", caseId);
        var steps = await db.Set<CaseEscalation>().AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.StartedAt).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id,
                e.Level,
                e.AssigneeId,
                AssigneeName = e.Assignee != null ? e.Assignee.DisplayName : null,
                e.StartedAt,
                e.EndedAt,
                e.Reason,
                e.Automatic,
                ByName = e.ByUserId == null ? null : db.Users.Where(u => u.Id == e.ByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var until = resolvedAt.ResolvedAt ?? Now;
        return steps.Select(s => new CaseEscalationDto(s.Id, s.Level, s.AssigneeId, s.AssigneeName, s.StartedAt, s.EndedAt,
            (s.EndedAt ?? until) - s.StartedAt, s.Reason, s.Automatic, s.ByName)).ToList();
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    internal async Task<IQueryable<Case>> FilterAsync(StewardDbContext db, CaseListQuery query, CancellationToken ct)
    {
        IReadOnlyList<string>? people = null;
        if (query.InScope == true) people = (await scope.ResolveAsync(ct: ct)).Select(p => p.UserId).ToList();
        return Filter(db, db.Set<Case>().AsNoTracking(), query, people, Now);
    }

    /// <summary>The one place that decides which cases a list or a dashboard figure means.</summary>
    internal static IQueryable<Case> Filter(StewardDbContext db, IQueryable<Case> cases, CaseListQuery query, IReadOnlyList<string>? people, DateTime now)
    {
        if (query.AccountId is { } accountId) cases = cases.Where(c => c.AccountId == accountId);
        if (query.Open is { } open) cases = open ? cases.Where(c => c.Status != CaseStatus.Resolved) : cases.Where(c => c.Status == CaseStatus.Resolved);
        if (query.Status is { } status) cases = cases.Where(c => c.Status == status);
        if (query.Severity is { } severity) cases = cases.Where(c => c.Severity == severity);
        if (query.Category is { } category) cases = cases.Where(c => c.Category == category);
        if (query.Level is { } level) cases = cases.Where(c => c.EscalationLevel == level);
        if (query.Escalated is { } escalated)
        {
            cases = escalated ? cases.Where(c => c.EscalationLevel != EscalationLevel.AccountManager) : cases.Where(c => c.EscalationLevel == EscalationLevel.AccountManager);
        }
        if (query.Overdue == true) cases = cases.Where(c => c.Status != CaseStatus.Resolved && c.SlaDueAt < now);
        if (InputValidation.Clean(query.OwnerId) is { } owner) cases = cases.Where(c => c.OwnerId == owner);
        if (InputValidation.Clean(query.InvolvingId) is { } person) cases = cases.Where(c => c.OwnerId == person || c.LevelHolderId == person);
        if (query.TeamId is { } teamId)
        {
            cases = cases.Where(c => c.Account!.Owner!.TeamId == teamId || db.Teams.Any(t => t.Id == teamId && t.ManagerId == c.Account.OwnerId));
        }
        if (people is not null) cases = cases.Where(c => people.Contains(c.Account!.OwnerId));
        if (InputValidation.Clean(query.Search) is { } search)
        {
            var needle = search.ToUpperInvariant();
            cases = cases.Where(c => c.Title.ToUpper().Contains(needle) || c.Account!.NormalizedName.Contains(needle));
        }
        return cases;
    }

    private static IQueryable<Case> Sort(IQueryable<Case> cases, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        IOrderedQueryable<Case> ordered = sort?.TrimStart('-', '+').ToLowerInvariant() switch
        {
            null or "" or "sla" => descending ? cases.OrderByDescending(c => c.SlaDueAt) : cases.OrderBy(c => c.SlaDueAt),
            "opened" => descending ? cases.OrderByDescending(c => c.OpenedAt) : cases.OrderBy(c => c.OpenedAt),
            // Enums are stored as text: sort by rank, not by name.
            "severity" => descending
                ? cases.OrderByDescending(c => c.Severity == CaseSeverity.Critical ? 3 : c.Severity == CaseSeverity.High ? 2 : c.Severity == CaseSeverity.Medium ? 1 : 0)
                : cases.OrderBy(c => c.Severity == CaseSeverity.Critical ? 3 : c.Severity == CaseSeverity.High ? 2 : c.Severity == CaseSeverity.Medium ? 1 : 0),
            "level" => descending
                ? cases.OrderByDescending(c => c.EscalationLevel == EscalationLevel.ExecutiveSponsor ? 2 : c.EscalationLevel == EscalationLevel.Manager ? 1 : 0).ThenBy(c => c.SlaDueAt)
                : cases.OrderBy(c => c.EscalationLevel == EscalationLevel.ExecutiveSponsor ? 2 : c.EscalationLevel == EscalationLevel.Manager ? 1 : 0).ThenBy(c => c.SlaDueAt),
            "account" => descending ? cases.OrderByDescending(c => c.Account!.Name) : cases.OrderBy(c => c.Account!.Name),
            "title" => descending ? cases.OrderByDescending(c => c.Title) : cases.OrderBy(c => c.Title),
            "updated" => descending ? cases.OrderByDescending(c => c.UpdatedAt) : cases.OrderBy(c => c.UpdatedAt),
            _ => throw new InvalidInputException("Sort", $"Cannot sort by '{sort}'. Use sla, opened, severity, level, account, title or updated, with '-' in front for descending."),
        };
        return ordered.ThenBy(c => c.Id);
    }

    internal static Expression<Func<Case, CaseDto>> ToDto(DateTime now) => c => new CaseDto(
        c.Id, c.AccountId, c.Account!.Name, c.Title, c.Description, c.Category, c.Severity, c.Status, c.OwnerId, c.Owner!.DisplayName,
        c.ContactId, c.ContactId == null ? null : c.Account.Contacts.Where(x => x.Id == c.ContactId).Select(x => x.FirstName + " " + x.LastName).FirstOrDefault(),
        c.OpenedAt, c.SlaDueAt, c.Status != CaseStatus.Resolved ? c.SlaDueAt < now : c.ResolvedAt > c.SlaDueAt,
        c.EscalationLevel, c.LevelHolderId, c.LevelHolder != null ? c.LevelHolder.DisplayName : null, c.LevelDueAt,
        c.ResolvedAt, c.Resolution, c.RootCause, c.Version, c.CreatedAt, c.UpdatedAt);
}
