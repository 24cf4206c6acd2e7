using System.Text.Json;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Playbooks;
using Steward.Features.Tasks;
using Steward.Features.Users;

namespace Steward.Features.Plans;

/// <summary>
/// Demo plans and playbook runs on the demo's key accounts, in every interesting state: one live
/// plan whose quarterly review has come due, one waiting on the North manager, one sent back with
/// a comment, drafts; a 20-step run waiting at its first gate, a handoff with overdue steps.
/// </summary>
internal static class PlansDemoData
{
    public static async Task SeedAsync(StewardDbContext db, IReadOnlyList<Account> accounts, IReadOnlyDictionary<string, StewardUser> people, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var manager = people["manager@steward.demo"].Id;
        var southManager = people["manager2@steward.demo"].Id;
        var templates = ShippedTemplates.All.Select(d => new PlaybookTemplate
        {
            Key = d.Key!,
            Name = d.Name,
            Description = d.Description,
            IsShipped = true,
            CurrentVersion = 1,
            Versions = [new PlaybookTemplateVersion { Number = 1, Definition = d.ToJson(), CreatedAt = now }],
        }).ToDictionary(t => t.Key);
        db.AddRange(templates.Values);

        List<Account> KeyAccountsOf(string email) => accounts.Where(a => a.OwnerId == people[email].Id && a.Tier == AccountTier.Key && a.ParentId == null)
            .OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        var am = KeyAccountsOf("am@steward.demo");
        var am2 = KeyAccountsOf("am2@steward.demo");
        var am3 = KeyAccountsOf("am3@steward.demo");
        var year = today.Year + 1;

        if (am.Count > 0)
        {
            // Approved a little over a quarter ago and live since: its review has come due.
            var live = Plan(am[0], $"{am[0].Name} account plan {today.Year}", new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31), PlanStatus.Active);
            live.NextReviewDue = today.AddDays(-3);
            live.ApproverId = manager;
            live.SubmittedById = am[0].OwnerId;
            live.ApprovedSnapshot = 2;
            db.Add(live);
            await db.SaveChangesAsync(ct);
            var approvedAt = now.AddDays(-100);
            db.AddRange(
                Move(live, PlanStatus.Draft, PlanStatus.Draft, "Created", am[0].OwnerId, approvedAt.AddDays(-14), null),
                Move(live, PlanStatus.Draft, PlanStatus.Submitted, "Submit", am[0].OwnerId, approvedAt.AddDays(-7), "First version for this year."),
                Move(live, PlanStatus.Submitted, PlanStatus.ChangesRequested, "RequestChanges", manager, approvedAt.AddDays(-5), "Make the retention objective measurable and add the budget."),
                Move(live, PlanStatus.ChangesRequested, PlanStatus.Submitted, "Submit", am[0].OwnerId, approvedAt.AddDays(-2), "Objectives and budget added."),
                Move(live, PlanStatus.Submitted, PlanStatus.Approved, "Approve", manager, approvedAt, "Good plan; go."),
                Move(live, PlanStatus.Approved, PlanStatus.Active, "Activate", am[0].OwnerId, approvedAt.AddDays(1), null));
            var content = PlanContent.Of(live).ToJson();
            db.AddRange(
                new PlanSnapshot { PlanId = live.Id, AccountId = live.AccountId, Number = 1, Kind = "Submitted", Content = content, ByUserId = am[0].OwnerId, At = approvedAt.AddDays(-2) },
                new PlanSnapshot { PlanId = live.Id, AccountId = live.AccountId, Number = 2, Kind = "Approved", Content = content, ByUserId = manager, At = approvedAt });
            db.Add(new TaskItem
            {
                AccountId = live.AccountId,
                Title = "Executive business review with the CFO",
                AssigneeId = am[0].OwnerId,
                DueDate = today.AddDays(10),
                CreatedById = am[0].OwnerId,
                SourceKind = PlanService.TaskSource,
                SourceId = live.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            db.Add(new TaskItem
            {
                AccountId = live.AccountId,
                Title = "Map the Nordics subsidiaries' travel buyers",
                AssigneeId = am[0].OwnerId,
                DueDate = today.AddDays(-4),
                CreatedById = am[0].OwnerId,
                SourceKind = PlanService.TaskSource,
                SourceId = live.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }
        if (am.Count > 1) await SubmittedAsync(db, Plan(am[1], $"{am[1].Name} account plan {year}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), PlanStatus.Submitted), manager, now, ct);
        if (am.Count > 2)
        {
            var sentBack = Plan(am[2], $"{am[2].Name} account plan {year}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), PlanStatus.ChangesRequested);
            await SubmittedAsync(db, sentBack, manager, now.AddDays(-3), ct);
            sentBack.Status = PlanStatus.ChangesRequested;
            db.Add(Move(sentBack, PlanStatus.Submitted, PlanStatus.ChangesRequested, "RequestChanges", manager, now.AddDays(-1), "The whitespace section is empty: what could they buy from us in APAC?"));
            await db.SaveChangesAsync(ct);
        }
        if (am2.Count > 0) db.Add(Plan(am2[0], $"{am2[0].Name} account plan {year}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), PlanStatus.Draft));
        if (am3.Count > 0) await SubmittedAsync(db, Plan(am3[0], $"{am3[0].Name} account plan {year}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), PlanStatus.Submitted), southManager, now, ct);
        await db.SaveChangesAsync(ct);

        // Playbooks: the 20-step process waiting at its first gate, and a handoff running late.
        if (am.Count > 0) StartRun(db, templates["account-management"], am[0], today.AddDays(-20), done: 4, gateWaitingOn: manager, now);
        if (am2.Count > 0) StartRun(db, templates["sales-to-account-management-handoff"], am2[0], today.AddDays(-9), done: 1, gateWaitingOn: null, now);
        if (am3.Count > 0) StartRun(db, templates["key-account-management-process"], am3[0], today.AddDays(-40), done: 3, gateWaitingOn: null, now);
        await db.SaveChangesAsync(ct);
    }

    private static AccountPlan Plan(Account account, string title, DateOnly from, DateOnly to, PlanStatus status) => new()
    {
        AccountId = account.Id,
        OwnerId = account.OwnerId,
        Title = title,
        PeriodStart = from,
        PeriodEnd = to,
        Status = status,
        Currency = account.Currency,
        ReviewCadence = ReviewCadence.Quarterly,
        CustomerProfile = $"{account.Name} ({account.Sector}, {account.Country}), about {account.Employees:N0} employees. Buys centrally through procurement; travel and events are managed by the operations director.",
        NeedsAssessment = "Cost transparency per business unit, duty of care for travellers in new markets, fewer suppliers.",
        CustomerGoals = "Cut travel cost per trip by 8% while growing headcount; consolidate events with one partner.",
        Strengths = "Long relationship with operations; reporting they rely on every month.",
        Weaknesses = "Finance sees us as expensive; no relationship with the new CFO.",
        Opportunities = "Consolidation of the APAC subsidiaries; meetings & events tender next spring.",
        Threats = "A low-cost competitor is courting procurement.",
        Strategies = "Lead with the cost-per-trip report; win the CFO through a quarterly business review; propose a single global agreement.",
        ResourcePeople = "Account manager 40%, solution consultant 10%, finance partner for the QBR.",
        ResourceBudget = 25_000,
        Risks = "CFO change of direction; tender timing slipping.",
        Whitespace = status == PlanStatus.ChangesRequested ? null : "Expense management and analytics are bought elsewhere.",
        Objectives =
        [
            new PlanObjective { AccountId = account.Id, Title = "Grow revenue", Kpi = "Revenue growth, year on year", Unit = "%", Source = MetricSource.RevenueGrowthPercent, Baseline = 0, Target = 10, DueDate = to, Status = ObjectiveStatus.OnTrack, SortOrder = 1 },
            new PlanObjective { AccountId = account.Id, Title = "Keep them delighted", Kpi = "NPS of the travel managers", Baseline = 32, Target = 45, Actual = status == PlanStatus.Active ? 38 : null, DueDate = to, Status = ObjectiveStatus.OnTrack, SortOrder = 2 },
            new PlanObjective { AccountId = account.Id, Title = "Win the events business", Kpi = "Meetings & events contract signed", Unit = "contracts", Baseline = 0, Target = 1, DueDate = to.AddMonths(-6), Status = ObjectiveStatus.NotStarted, SortOrder = 3 },
        ],
    };

    private static async Task SubmittedAsync(StewardDbContext db, AccountPlan plan, string approver, DateTime at, CancellationToken ct)
    {
        plan.Status = PlanStatus.Submitted;
        plan.ApproverId = approver;
        plan.SubmittedById = plan.OwnerId;
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        db.AddRange(
            Move(plan, PlanStatus.Draft, PlanStatus.Draft, "Created", plan.OwnerId, at.AddDays(-6), null),
            Move(plan, PlanStatus.Draft, PlanStatus.Submitted, "Submit", plan.OwnerId, at, "Ready for your review."),
            new PlanSnapshot { PlanId = plan.Id, AccountId = plan.AccountId, Number = 1, Kind = "Submitted", Content = PlanContent.Of(plan).ToJson(), ByUserId = plan.OwnerId, At = at });
    }

    private static PlanTransition Move(AccountPlan plan, PlanStatus from, PlanStatus to, string action, string by, DateTime at, string? comment) => new()
    {
        PlanId = plan.Id,
        AccountId = plan.AccountId,
        From = from,
        To = to,
        Action = action,
        ByUserId = by,
        At = at,
        Comment = comment,
    };

    private static void StartRun(StewardDbContext db, PlaybookTemplate template, Account account, DateOnly start, int done, string? gateWaitingOn, DateTime now)
    {
        var definition = PlaybookDefinition.Parse(template.Versions[0].Definition);
        var run = new PlaybookRun { AccountId = account.Id, TemplateVersion = template.Versions[0], Name = template.Name, StartedOn = start, StartedById = account.OwnerId, Status = RunStatus.Active };
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var step = definition.Steps[i];
            var finished = i < done;
            var answers = finished ? step.Fields.Where(f => f.Options.Count > 0).ToDictionary(f => f.Key, f => f.Type is StepFieldType.SingleChoice or StepFieldType.Rating ? f.Options.Take(1).ToArray() : f.Options.Take(3).ToArray()) : null;
            run.Steps.Add(new PlaybookRunStep
            {
                AccountId = account.Id,
                Position = i + 1,
                Key = step.Key,
                Title = step.Title,
                Kind = step.Kind,
                DueDate = start.AddDays(step.DueOffsetDays),
                AssigneeId = step.Kind == StepKind.Approval ? gateWaitingOn : account.OwnerId,
                Status = finished ? StepStatus.Done : i == done && step.Kind == StepKind.Approval && gateWaitingOn is not null ? StepStatus.AwaitingApproval : StepStatus.Open,
                Answers = answers is null ? null : JsonSerializer.Serialize(answers),
                CompletedAt = finished ? now.AddDays(-(done - i)) : null,
                CompletedById = finished ? account.OwnerId : null,
                RequestedById = i == done && gateWaitingOn is not null ? account.OwnerId : null,
                ApproverId = step.Kind == StepKind.Approval ? gateWaitingOn : null,
            });
        }
        db.Add(run);
    }
}
