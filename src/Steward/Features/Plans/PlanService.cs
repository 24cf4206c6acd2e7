using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Approvals;
using Steward.Features.Notifications;
using Steward.Features.Tasks;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Plans;

/// <summary>
/// Writes plans: content, objectives, actions and every lifecycle move. Each move is checked
/// against <see cref="PlanLifecycle"/>, recorded as a <see cref="PlanTransition"/>, and saved with
/// its snapshot and notifications in one SaveChanges guarded by the plan's version, so two
/// approvers acting at once produce exactly one decision.
/// </summary>
public sealed class PlanService(
    IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, AccessRules access, ApproverRouting approvers,
    PlanQueries queries, TaskService tasks, NotificationService notifications, TimeProvider clock)
{
    public const string TaskSource = "plan";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<PlanDto> CreateAsync(PlanInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateAsync(db, input, ct);
        var plan = new AccountPlan { AccountId = input.AccountId, OwnerId = input.OwnerId! };
        Apply(input, plan);
        db.Add(plan);
        db.Add(Transition(plan, PlanStatus.Draft, "Created", null));
        await db.SaveChangesAsync(ct);
        return await queries.ReadAsync(db, plan.Id, ct);
    }

    public async Task<PlanDto> UpdateAsync(int id, PlanInput input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await LoadAsync(db, id, expectedVersion, ct);
        EnsureContentEditable(plan);
        input.AccountId = plan.AccountId;
        await ValidateAsync(db, input, ct);
        plan.OwnerId = input.OwnerId!;
        Apply(input, plan);
        await SaveAsync(db, ct);
        return await queries.ReadAsync(db, id, ct);
    }

    public async Task<PlanDto> AddObjectiveAsync(int planId, ObjectiveInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await LoadAsync(db, planId, null, ct);
        EnsureContentEditable(plan);
        Validate(input);
        var objective = new PlanObjective { PlanId = plan.Id, AccountId = plan.AccountId, SortOrder = plan.Objectives.Count == 0 ? 1 : plan.Objectives.Max(o => o.SortOrder) + 1 };
        Apply(input, objective);
        plan.Objectives.Add(objective);
        Touch(db, plan);
        await SaveAsync(db, ct);
        return await queries.ReadAsync(db, planId, ct);
    }

    /// <summary>
    /// Changes an objective. While the plan runs only progress (actual and status) may change; what
    /// was agreed (title, KPI, baseline, target, due date) changes only in a draft or a review.
    /// </summary>
    public async Task<PlanDto> UpdateObjectiveAsync(int planId, int objectiveId, ObjectiveInput input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await LoadAsync(db, planId, null, ct);
        var objective = plan.Objectives.SingleOrDefault(o => o.Id == objectiveId) ?? throw new NotFoundException("Objective", objectiveId);
        if (expectedVersion is { } v && objective.Version != v) throw new PreconditionFailedException("The objective changed since you read it. Nothing was changed; reload it.");
        Validate(input);
        if (!PlanLifecycle.ContentEditable(plan.Status))
        {
            if (!PlanLifecycle.ProgressEditable(plan.Status)) throw new InvalidInputException("Status", $"A {plan.Status.Label().ToLowerInvariant()} plan cannot be changed.");
            var agreed = new ObjectiveInput { Title = objective.Title, Kpi = objective.Kpi, Unit = objective.Unit, Source = objective.Source, Baseline = objective.Baseline, Target = objective.Target, DueDate = objective.DueDate };
            if (agreed.Title != input.Title || agreed.Kpi != input.Kpi || agreed.Unit != input.Unit || agreed.Source != input.Source
                || agreed.Baseline != input.Baseline || agreed.Target != input.Target || agreed.DueDate != input.DueDate)
            {
                throw new InvalidInputException("Target", "While the plan runs only the actual and the status can change. Start a review to change what was agreed.");
            }
        }
        Apply(input, objective);
        Touch(db, plan);
        await SaveAsync(db, ct);
        return await queries.ReadAsync(db, planId, ct);
    }

    public async Task<PlanDto> RemoveObjectiveAsync(int planId, int objectiveId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await LoadAsync(db, planId, null, ct);
        EnsureContentEditable(plan);
        var objective = plan.Objectives.SingleOrDefault(o => o.Id == objectiveId) ?? throw new NotFoundException("Objective", objectiveId);
        db.Remove(objective);
        Touch(db, plan);
        await SaveAsync(db, ct);
        return await queries.ReadAsync(db, planId, ct);
    }

    /// <summary>An action of the plan is a task with an owner and a due date, on the account's task list.</summary>
    public async Task<PlanDto> AddActionAsync(int planId, PlanActionInput input, CancellationToken ct = default)
    {
        PlanDto plan;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var loaded = await LoadAsync(db, planId, null, ct);
            if (loaded.Status == PlanStatus.Closed) throw new InvalidInputException("Status", "A closed plan takes no new actions.");
            plan = await queries.ReadAsync(db, planId, ct);
        }
        await tasks.CreateAsync(new TaskInput
        {
            AccountId = plan.AccountId,
            Title = input.Title,
            AssigneeId = InputValidation.Clean(input.AssigneeId) ?? plan.OwnerId,
            DueDate = input.DueDate,
            Description = $"Action of the account plan \"{plan.Title}\".",
            SourceKind = TaskSource,
            SourceId = planId.ToString(CultureInfo.InvariantCulture),
        }, ct);
        return await queries.GetAsync(planId, ct);
    }

    /// <summary>Makes one lifecycle move. <paramref name="expectedVersion"/> (the ETag) makes it conditional.</summary>
    public async Task<PlanDto> MoveAsync(int id, PlanAction action, PlanTransitionInput? input, long? expectedVersion, CancellationToken ct = default)
    {
        input ??= new PlanTransitionInput();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await LoadAsync(db, id, expectedVersion, ct);
        var from = plan.Status;
        var to = PlanLifecycle.Next(from, action);
        var errors = InputValidation.Annotations(input);
        var comment = InputValidation.Clean(input.Comment);
        var link = $"/plans/{plan.Id}";
        var accountName = await db.Accounts.Where(a => a.Id == plan.AccountId).Select(a => a.Name).SingleAsync(ct);

        switch (action)
        {
            case PlanAction.Submit:
                if (plan.Objectives.Count == 0) errors.Add("Objectives", "Add at least one measurable objective before submitting.");
                errors.ThrowIfAny();
                plan.SubmittedById = viewer.UserId;
                plan.ApproverId = await ApproverRouting.ResolveAsync(db, plan.OwnerId, ct);
                if (plan.ApproverId == viewer.UserId) plan.ApproverId = null;
                await SnapshotAsync(db, plan, "Submitted", ct);
                foreach (var approver in await DecidersAsync(db, plan, ct))
                {
                    notifications.Notify(db, approver, $"Plan to approve: {plan.Title}", $"{accountName}. {comment}".Trim(), link);
                }
                break;
            case PlanAction.Approve:
            case PlanAction.RequestChanges:
                approvers.EnsureMayDecide(plan.ApproverId, plan.OwnerId, plan.SubmittedById, "plan");
                if (action == PlanAction.RequestChanges && comment is null) errors.Add("Comment", "Say what has to change.");
                errors.ThrowIfAny();
                if (action == PlanAction.Approve) plan.ApprovedSnapshot = await SnapshotAsync(db, plan, "Approved", ct);
                var verdict = action == PlanAction.Approve ? "approved" : "needs changes";
                foreach (var person in new[] { plan.OwnerId, plan.SubmittedById }.OfType<string>().Distinct())
                {
                    notifications.Notify(db, person, $"Plan {verdict}: {plan.Title}", comment, link);
                }
                break;
            case PlanAction.Activate:
                plan.NextReviewDue = PlanLifecycle.NextReview(Today, plan.ReviewCadence);
                break;
            case PlanAction.StartReview:
                var trigger = input.Trigger ?? ReviewTrigger.Scheduled;
                comment = comment is null ? $"Trigger: {trigger.Label()}." : $"Trigger: {trigger.Label()}. {comment}";
                break;
            case PlanAction.CompleteReview:
                plan.NextReviewDue = PlanLifecycle.NextReview(Today, plan.ReviewCadence);
                break;
            case PlanAction.Close:
                Evaluate(plan, input, errors);
                errors.ThrowIfAny();
                plan.Findings = InputValidation.Clean(input.Findings);
                plan.ClosedAt = Now;
                plan.NextReviewDue = null;
                break;
        }

        plan.Status = to;
        db.Add(Transition(plan, from, action.ToString(), comment));
        await SaveAsync(db, ct);
        return await queries.ReadAsync(db, id, ct);
    }

    /// <summary>Closing needs the documented findings and a verdict (achieved or missed) on every objective.</summary>
    private static void Evaluate(AccountPlan plan, PlanTransitionInput input, InputErrors errors)
    {
        if (InputValidation.Clean(input.Findings) is null) errors.Add("Findings", "Document the findings: what worked, what did not, what to do next time.");
        var given = (input.Evaluations ?? []).ToDictionary(e => e.ObjectiveId);
        foreach (var objective in plan.Objectives)
        {
            if (!given.Remove(objective.Id, out var evaluation))
            {
                errors.Add("Evaluations", $"Evaluate the objective \"{objective.Title}\".");
            }
            else if (evaluation.Status is not (ObjectiveStatus.Achieved or ObjectiveStatus.Missed))
            {
                errors.Add("Evaluations", $"Say whether \"{objective.Title}\" was achieved or missed.");
            }
            else
            {
                objective.Status = evaluation.Status;
                objective.Evaluation = InputValidation.Clean(evaluation.Evaluation);
            }
        }
        foreach (var unknown in given.Keys) errors.Add("Evaluations", $"Objective {unknown} is not part of this plan.");
    }

    /// <summary>Who gets the "plan to approve" notification: the approver, or every active admin when none is named.</summary>
    private static async Task<List<string>> DecidersAsync(StewardDbContext db, AccountPlan plan, CancellationToken ct)
    {
        if (plan.ApproverId is { } approver) return [approver];
        return await (from ur in db.UserRoles
                      join r in db.Roles on ur.RoleId equals r.Id
                      join u in db.Users on ur.UserId equals u.Id
                      where r.Name == Users.Roles.Admin && u.IsActive && u.Id != plan.OwnerId
                      select u.Id).ToListAsync(ct);
    }

    private async Task<int> SnapshotAsync(StewardDbContext db, AccountPlan plan, string kind, CancellationToken ct)
    {
        var number = 1 + (await db.Set<PlanSnapshot>().Where(s => s.PlanId == plan.Id).MaxAsync(s => (int?)s.Number, ct) ?? 0);
        db.Add(new PlanSnapshot { PlanId = plan.Id, AccountId = plan.AccountId, Number = number, Kind = kind, Content = PlanContent.Of(plan).ToJson(), ByUserId = viewer.UserId, At = Now });
        return number;
    }

    private PlanTransition Transition(AccountPlan plan, PlanStatus from, string action, string? comment) => new()
    {
        Plan = plan,
        AccountId = plan.AccountId,
        From = from,
        To = plan.Status,
        Action = action,
        ByUserId = viewer.UserId,
        At = Now,
        Comment = comment,
    };

    private static async Task<AccountPlan> LoadAsync(StewardDbContext db, int id, long? expectedVersion, CancellationToken ct)
    {
        var plan = await db.Set<AccountPlan>().Include(p => p.Objectives).SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Plan", id);
        if (expectedVersion is { } expected)
        {
            if (plan.Version != expected)
            {
                throw new PreconditionFailedException($"The plan is at version {plan.Version}, not {expected}: someone else changed it. Nothing was changed; reload it.");
            }
            db.Entry(plan).Property(p => p.Version).OriginalValue = expected;
        }
        return plan;
    }

    /// <summary>A change to an objective also bumps the plan's version, so a decision on a plan that changed underneath fails.</summary>
    private static void Touch(StewardDbContext db, AccountPlan plan) => db.Entry(plan).State = EntityState.Modified;

    private static void EnsureContentEditable(AccountPlan plan)
    {
        if (!PlanLifecycle.ContentEditable(plan.Status))
        {
            throw new InvalidInputException("Status", $"A {plan.Status.Label().ToLowerInvariant()} plan cannot be edited. Plans are edited as drafts, after changes are requested, or during a review.");
        }
    }

    private static async Task SaveAsync(StewardDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A version mismatch, or a snapshot number taken by a decision made at the same moment.
            throw new ConcurrencyConflictException("Someone else changed or decided on this plan at the same time. Nothing was changed; reload it.");
        }
    }

    private async Task ValidateAsync(StewardDbContext db, PlanInput input, CancellationToken ct)
    {
        input.Title = input.Title?.Trim() ?? "";
        input.Currency = (input.Currency ?? "EUR").Trim().ToUpperInvariant();
        var errors = InputValidation.Annotations(input);
        var ownerId = await db.Accounts.Where(a => a.Id == input.AccountId).Select(a => a.OwnerId).SingleOrDefaultAsync(ct);
        if (input.AccountId > 0 && ownerId is null) errors.Add(nameof(PlanInput.AccountId), $"Account {input.AccountId} does not exist.");
        if (input.PeriodStart is { } start && input.PeriodEnd is { } end && end <= start) errors.Add(nameof(PlanInput.PeriodEnd), "The period must end after it starts.");
        input.OwnerId = InputValidation.Clean(input.OwnerId) ?? ownerId;
        if (input.OwnerId is not null && ownerId is not null && input.OwnerId != ownerId && !await access.CanAssignOwnerAsync(db, input.OwnerId, ct))
        {
            errors.Add(nameof(PlanInput.OwnerId), "You can make yourself (or, as a manager, your team's members) responsible for a plan.");
        }
        errors.ThrowIfAny();
    }

    private static void Validate(ObjectiveInput input)
    {
        input.Title = input.Title?.Trim() ?? "";
        input.Kpi = input.Kpi?.Trim() ?? "";
        input.Unit = InputValidation.Clean(input.Unit);
        InputValidation.Annotations(input).ThrowIfAny();
    }

    private static void Apply(PlanInput input, AccountPlan plan)
    {
        plan.Title = input.Title;
        plan.PeriodStart = input.PeriodStart!.Value;
        plan.PeriodEnd = input.PeriodEnd!.Value;
        plan.ReviewCadence = input.ReviewCadence;
        plan.ResourceBudget = input.ResourceBudget;
        plan.Currency = input.Currency;
        foreach (var section in PlanSections.All)
        {
            section.Write(plan, InputValidation.Clean((string?)typeof(PlanInput).GetProperty(section.Name)!.GetValue(input)));
        }
    }

    private static void Apply(ObjectiveInput input, PlanObjective objective)
    {
        objective.Title = input.Title;
        objective.Kpi = input.Kpi;
        objective.Unit = input.Unit;
        objective.Source = input.Source;
        objective.Baseline = input.Baseline;
        objective.Target = input.Target!.Value;
        objective.Actual = input.Source == MetricSource.Manual ? input.Actual : null;
        objective.DueDate = input.DueDate;
        objective.Status = input.Status;
    }
}
