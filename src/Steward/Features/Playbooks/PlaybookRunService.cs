using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Approvals;
using Steward.Features.Notifications;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Playbooks;

/// <summary>
/// Runs a template on an account: starts it (pinned to the template's current version), assigns
/// steps, records answers, completes steps, and takes gates through approval. Each write is
/// guarded by the step's version, so two approvers acting at once produce exactly one decision.
/// </summary>
public sealed class PlaybookRunService(
    IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, ApproverRouting approvers, PlaybookTemplates templates,
    PlaybookRunQueries queries, NotificationService notifications, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<RunDto> StartAsync(StartRunInput input, CancellationToken ct = default)
    {
        await templates.EnsureShippedAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = InputValidation.Annotations(input);
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.AccountId, ct);
        if (input.AccountId > 0 && account is null) errors.Add(nameof(StartRunInput.AccountId), $"Account {input.AccountId} does not exist.");
        var template = await db.Set<PlaybookTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == input.TemplateId && t.ArchivedAt == null, ct);
        if (input.TemplateId > 0 && template is null) errors.Add(nameof(StartRunInput.TemplateId), $"Template {input.TemplateId} does not exist or is archived.");
        errors.ThrowIfAny();

        var version = await db.Set<PlaybookTemplateVersion>().SingleAsync(v => v.TemplateId == template!.Id && v.Number == template.CurrentVersion, ct);
        var definition = RunRules.Definition(version);
        var start = input.StartOn ?? DateOnly.FromDateTime(Now);
        var team = await db.AccountTeamMembers.AsNoTracking().Where(m => m.AccountId == account!.Id).OrderBy(m => m.Id).ToListAsync(ct);
        var manager = await ApproverRouting.ResolveAsync(db, account!.OwnerId, ct);
        var run = new PlaybookRun
        {
            AccountId = account.Id,
            TemplateVersionId = version.Id,
            Name = InputValidation.Clean(input.Name) ?? template!.Name,
            StartedOn = start,
            StartedById = viewer.UserId,
            Status = RunStatus.Active,
        };
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var step = definition.Steps[i];
            run.Steps.Add(new PlaybookRunStep
            {
                AccountId = account.Id,
                Position = i + 1,
                Key = step.Key,
                Title = step.Title,
                Kind = step.Kind,
                Status = StepStatus.Open,
                DueDate = start.AddDays(step.DueOffsetDays),
                AssigneeId = step.Kind == StepKind.Approval ? manager : Assignee(step.AssigneeRole, account, team, manager),
            });
        }
        db.Add(run);
        await db.SaveChangesAsync(ct);
        return await queries.ReadAsync(db, run.Id, ct);
    }

    /// <summary>The step's role on this account: the owner, the owner's manager, or the account team member in that role (else the owner).</summary>
    private static string Assignee(StepRole role, Account account, List<AccountTeamMember> team, string? manager) => role switch
    {
        StepRole.AccountOwner => account.OwnerId,
        StepRole.Manager => manager ?? account.OwnerId,
        _ => team.FirstOrDefault(m => m.Role.ToString() == role.ToString())?.UserId ?? account.OwnerId,
    };

    public async Task<RunDto> AssignAsync(int stepId, AssignStepInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var step = await LoadStepAsync(db, stepId, null, ct);
        var assignee = InputValidation.Clean(input.AssigneeId);
        if (assignee is not null && !await db.Users.AnyAsync(u => u.Id == assignee && u.IsActive, ct))
        {
            throw new InvalidInputException(nameof(AssignStepInput.AssigneeId), "Choose an active colleague.");
        }
        step.AssigneeId = assignee;
        if (input.DueDate is { } due) step.DueDate = due;
        if (assignee is not null && assignee != viewer.UserId)
        {
            notifications.Notify(db, assignee, $"Step for you: {step.Title}", step.Run!.Name, $"/playbooks/runs/{step.RunId}");
        }
        await SaveAsync(db, ct);
        return await queries.ReadAsync(db, step.RunId, ct);
    }

    /// <summary>Saves answers without completing the step: fields are filled progressively.</summary>
    public async Task<RunDto> SaveAnswersAsync(int stepId, StepAnswersInput input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var step = await LoadStepAsync(db, stepId, expectedVersion, ct);
        if (step.IsFinished) throw new InvalidInputException("Status", "The step is done; reopen it to change its answers.");
        Merge(step, input);
        await SaveAsync(db, ct);
        return await queries.ReadAsync(db, step.RunId, ct);
    }

    public async Task<RunDto> CompleteAsync(int stepId, StepAnswersInput? input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var step = await LoadStepAsync(db, stepId, expectedVersion, ct);
        if (step.Kind != StepKind.Task) throw new InvalidInputException("Kind", "An approval gate is completed by its approver, not marked done.");
        if (step.Status != StepStatus.Open) throw new InvalidInputException("Status", "The step is already done.");
        EnsureNotBlocked(step);
        var answers = input is null ? RunRules.ReadAnswers(step.Answers) : Merge(step, input);
        RunRules.CheckComplete(Definition(step), answers);
        step.Status = StepStatus.Done;
        step.CompletedAt = Now;
        step.CompletedById = viewer.UserId;
        CompleteRunIfFinished(step.Run!);
        await SaveAsync(db, ct);
        return await queries.ReadAsync(db, step.RunId, ct);
    }

    /// <summary>Reopens a done step, unless a gate has approved it or is deciding on it.</summary>
    public async Task<RunDto> ReopenAsync(int stepId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var step = await LoadStepAsync(db, stepId, null, ct);
        if (step.Kind != StepKind.Task || step.Status != StepStatus.Done) throw new InvalidInputException("Status", "Only a done task step can be reopened.");
        var coveringGate = step.Run!.Steps.FirstOrDefault(g => g.Kind == StepKind.Approval && g.Status is StepStatus.AwaitingApproval or StepStatus.Approved
            && Definition(g).Covers.Contains(step.Key));
        if (coveringGate is not null) throw new InvalidInputException("Status", $"'{coveringGate.Title}' covers this step; it cannot be reopened now.");
        step.Status = StepStatus.Open;
        step.CompletedAt = null;
        step.CompletedById = null;
        await SaveAsync(db, ct);
        return await queries.ReadAsync(db, step.RunId, ct);
    }

    /// <summary>Sends a gate to the approver once every step it covers is done.</summary>
    public async Task<RunDto> RequestApprovalAsync(int stepId, GateDecisionInput? input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var gate = await LoadStepAsync(db, stepId, null, ct);
        if (gate.Kind != StepKind.Approval) throw new InvalidInputException("Kind", "Only an approval gate is sent for approval.");
        if (gate.Status is not (StepStatus.Open or StepStatus.ChangesRequested)) throw new InvalidInputException("Status", "This gate is already waiting for a decision or approved.");
        EnsureNotBlocked(gate);
        var covers = Definition(gate).Covers;
        var open = gate.Run!.Steps.Where(s => covers.Contains(s.Key) && !s.IsFinished).Select(s => s.Title).ToList();
        if (open.Count > 0) throw new InvalidInputException("Covers", $"Finish the steps this gate approves first: {string.Join(", ", open)}.");
        var ownerId = await db.Accounts.Where(a => a.Id == gate.AccountId).Select(a => a.OwnerId).SingleAsync(ct);
        gate.Status = StepStatus.AwaitingApproval;
        gate.RequestedById = viewer.UserId;
        gate.ApproverId = await ApproverRouting.ResolveAsync(db, ownerId, ct) is { } approver && approver != viewer.UserId ? approver : null;
        gate.AssigneeId = gate.ApproverId;
        gate.Comment = InputValidation.Clean(input?.Comment);
        gate.DecidedAt = null;
        gate.DecidedById = null;
        if (gate.ApproverId is { } to) notifications.Notify(db, to, $"Approval waiting: {gate.Title}", $"{gate.Run.Name} on account {gate.AccountId}.", $"/playbooks/runs/{gate.RunId}");
        await SaveAsync(db, ct);
        return await queries.ReadAsync(db, gate.RunId, ct);
    }

    /// <summary>
    /// Approves a gate or sends it back with a comment; sending it back reopens the steps it
    /// covers. Never by the requester or the account owner.
    /// </summary>
    public async Task<RunDto> DecideAsync(int stepId, bool approve, GateDecisionInput? input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var gate = await LoadStepAsync(db, stepId, expectedVersion, ct);
        if (gate.Kind != StepKind.Approval || gate.Status != StepStatus.AwaitingApproval)
        {
            throw new InvalidInputException("Status", gate.Kind == StepKind.Approval ? "This gate is not waiting for a decision (someone may have decided already)." : "Only approval gates are decided.");
        }
        var ownerId = await db.Accounts.Where(a => a.Id == gate.AccountId).Select(a => a.OwnerId).SingleAsync(ct);
        approvers.EnsureMayDecide(gate.ApproverId, ownerId, gate.RequestedById, "approval step");
        var comment = InputValidation.Clean(input?.Comment);
        if (!approve && comment is null) throw new InvalidInputException("Comment", "Say what has to change.");
        gate.Status = approve ? StepStatus.Approved : StepStatus.ChangesRequested;
        gate.DecidedAt = Now;
        gate.DecidedById = viewer.UserId;
        gate.Comment = comment;
        if (approve)
        {
            gate.CompletedAt = Now;
            gate.CompletedById = viewer.UserId;
            CompleteRunIfFinished(gate.Run!);
        }
        else
        {
            var covers = Definition(gate).Covers;
            foreach (var step in gate.Run!.Steps.Where(s => covers.Contains(s.Key) && s.Status == StepStatus.Done))
            {
                step.Status = StepStatus.Open;
                step.CompletedAt = null;
            }
        }
        if (gate.RequestedById is { } requester)
        {
            notifications.Notify(db, requester, $"{gate.Title}: {(approve ? "approved" : "changes requested")}", comment, $"/playbooks/runs/{gate.RunId}");
        }
        await SaveAsync(db, ct);
        return await queries.ReadAsync(db, gate.RunId, ct);
    }

    public async Task<RunDto> CancelAsync(int runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.Set<PlaybookRun>().SingleOrDefaultAsync(r => r.Id == runId, ct) ?? throw new NotFoundException("Playbook run", runId);
        if (run.Status != RunStatus.Active) throw new InvalidInputException("Status", "Only an active run can be cancelled.");
        run.Status = RunStatus.Cancelled;
        run.CompletedAt = Now;
        await SaveAsync(db, ct);
        return await queries.ReadAsync(db, runId, ct);
    }

    private Dictionary<string, string[]> Merge(PlaybookRunStep step, StepAnswersInput input)
    {
        var answers = RunRules.ReadAnswers(step.Answers);
        var given = RunRules.CheckAnswers(Definition(step), input.Answers ?? []);
        foreach (var key in (input.Answers ?? []).Keys) answers.Remove(key);
        foreach (var (key, values) in given) answers[key] = values;
        step.Answers = JsonSerializer.Serialize(answers);
        return answers;
    }

    private static StepDefinition Definition(PlaybookRunStep step) =>
        RunRules.Definition(step.Run!.TemplateVersion!).Steps.FirstOrDefault(s => s.Key == step.Key) ?? new StepDefinition { Key = step.Key, Title = step.Title };

    private static void EnsureNotBlocked(PlaybookRunStep step)
    {
        if (RunRules.BlockingGate(step.Run!.Steps, step) is { } gate)
        {
            throw new InvalidInputException("Status", $"'{gate.Title}' must be approved before this step.");
        }
    }

    private void CompleteRunIfFinished(PlaybookRun run)
    {
        if (run.Steps.All(s => s.IsFinished))
        {
            run.Status = RunStatus.Completed;
            run.CompletedAt = Now;
        }
    }

    private static async Task<PlaybookRunStep> LoadStepAsync(StewardDbContext db, int stepId, long? expectedVersion, CancellationToken ct)
    {
        var step = await db.Set<PlaybookRunStep>().Include(s => s.Run).ThenInclude(r => r!.Steps).Include(s => s.Run).ThenInclude(r => r!.TemplateVersion)
            .SingleOrDefaultAsync(s => s.Id == stepId, ct) ?? throw new NotFoundException("Playbook step", stepId);
        if (step.Run!.Status != RunStatus.Active) throw new InvalidInputException("Status", $"The run is {step.Run.Status.ToString().ToLowerInvariant()}; its steps cannot change.");
        if (expectedVersion is { } expected)
        {
            if (step.Version != expected) throw new PreconditionFailedException($"The step is at version {step.Version}, not {expected}: someone else changed or decided it. Nothing was changed; reload it.");
            db.Entry(step).Property(s => s.Version).OriginalValue = expected;
        }
        return step;
    }

    private static async Task SaveAsync(StewardDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Someone else changed or decided this step at the same time. Nothing was changed; reload it.");
        }
    }
}
