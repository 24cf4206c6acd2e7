using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Playbooks;

/// <summary>Reads of runs: per account and across the portfolio (progress, overdue steps, who is waiting on whom).</summary>
public sealed class PlaybookRunQueries(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Page<RunSummaryDto>> ListAsync(RunListQuery query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        var today = Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = db.Set<PlaybookRun>().AsNoTracking();
        if (query.AccountId is { } accountId) runs = runs.Where(r => r.AccountId == accountId);
        if (query.Status is { } status) runs = runs.Where(r => r.Status == status);
        if (query.Overdue == true) runs = runs.Where(r => r.Steps.Any(s => s.Status != StepStatus.Done && s.Status != StepStatus.Approved && s.DueDate < today));
        if (InputValidation.Clean(query.WaitingOnId) is { } waitingOn)
        {
            runs = runs.Where(r => r.Steps.Where(s => s.Status != StepStatus.Done && s.Status != StepStatus.Approved).OrderBy(s => s.Position)
                .Select(s => s.Status == StepStatus.AwaitingApproval ? s.ApproverId : s.AssigneeId).FirstOrDefault() == waitingOn);
        }
        var total = await runs.CountAsync(ct);
        var items = await runs.OrderBy(r => r.Status).ThenByDescending(r => r.StartedOn).ThenByDescending(r => r.Id).Skip((page - 1) * size).Take(size)
            .Select(r => new RunSummaryDto(
                r.Id, r.AccountId, r.Account!.Name, r.Name, r.TemplateVersion!.Template!.Name, r.TemplateVersion.Number, r.Status, r.StartedOn,
                r.Steps.Count(s => s.Status == StepStatus.Done || s.Status == StepStatus.Approved),
                r.Steps.Count(),
                r.Steps.Count(s => s.Status != StepStatus.Done && s.Status != StepStatus.Approved && s.DueDate < today),
                r.Steps.Where(s => s.Status != StepStatus.Done && s.Status != StepStatus.Approved).OrderBy(s => s.Position).Select(s => s.Title).FirstOrDefault(),
                r.Steps.Where(s => s.Status != StepStatus.Done && s.Status != StepStatus.Approved).OrderBy(s => s.Position)
                    .Select(s => s.Status == StepStatus.AwaitingApproval
                        ? db.Users.Where(u => u.Id == s.ApproverId).Select(u => u.DisplayName).FirstOrDefault() ?? "an admin"
                        : s.Assignee!.DisplayName).FirstOrDefault(),
                r.Version))
            .ToListAsync(ct);
        return new Page<RunSummaryDto>(items, page, size, total);
    }

    public async Task<RunDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadAsync(db, id, ct);
    }

    internal async Task<RunDto> ReadAsync(StewardDbContext db, int id, CancellationToken ct)
    {
        var run = await db.Set<PlaybookRun>().AsNoTracking().Include(r => r.Account).Include(r => r.Steps)
            .Include(r => r.TemplateVersion).ThenInclude(v => v!.Template)
            .SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Playbook run", id);
        var definition = RunRules.Definition(run.TemplateVersion!);
        var people = run.Steps.SelectMany(s => new[] { s.AssigneeId, s.ApproverId, s.CompletedById, s.DecidedById, s.RequestedById }).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? Name(string? userId) => userId is null ? null : names.GetValueOrDefault(userId);
        var today = Today;
        var steps = run.Steps.OrderBy(s => s.Position).Select(s =>
        {
            var step = definition.Steps.FirstOrDefault(d => d.Key == s.Key) ?? new StepDefinition { Key = s.Key, Title = s.Title, Kind = s.Kind };
            var gate = RunRules.BlockingGate(run.Steps, s);
            var canDecide = s.Kind == StepKind.Approval && s.Status == StepStatus.AwaitingApproval && viewer.UserId is { } me
                && me != s.RequestedById && me != run.Account!.OwnerId && (me == s.ApproverId || viewer.IsAdmin);
            return new RunStepDto(s.Id, s.Position, s.Key, s.Title, step.Description, s.Kind, s.Status, s.AssigneeId, Name(s.AssigneeId), s.DueDate,
                !s.IsFinished && s.DueDate < today, gate is not null && run.Status == RunStatus.Active, gate?.Title,
                step.Fields, RunRules.ReadAnswers(s.Answers), step.Covers.Select(k => run.Steps.FirstOrDefault(x => x.Key == k)?.Title ?? k).ToList(), s.CompletedAt, Name(s.CompletedById),
                s.ApproverId, Name(s.ApproverId), Name(s.RequestedById), s.DecidedAt, Name(s.DecidedById), s.Comment, canDecide, s.Version);
        }).ToList();
        return new RunDto(run.Id, run.AccountId, run.Account!.Name, run.Name, run.TemplateVersion!.TemplateId, run.TemplateVersion.Template!.Name,
            run.TemplateVersion.Number, run.TemplateVersion.Template.CurrentVersion, run.Status, run.StartedOn, run.CompletedAt, steps, run.Version);
    }
}
