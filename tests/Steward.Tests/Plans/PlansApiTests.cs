using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Approvals;
using Steward.Features.Notifications;
using Steward.Features.Plans;
using Steward.Features.Revenue;
using Steward.Tests.Infrastructure;
using static Steward.Tests.Plans.PlanTestHelpers;

namespace Steward.Tests.Plans;

public sealed class PlansApiTests : ApiTest
{
    [Fact]
    public async Task A_plan_is_drafted_sent_back_resubmitted_approved_reviewed_a_quarter_later_and_closed_with_an_evaluation()
    {
        var am = await As(People.AmNorth);
        var manager = await As(People.ManagerNorth);
        var account = await CreateAccountAsync(am, "Contoso Retail");
        var plan = await CreatePlanAsync(am, account.Id);
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal(await App.UserIdAsync(People.AmNorth), plan.OwnerId);

        // Submitting needs a measurable objective.
        var empty = await FieldErrorsAsync(await MoveAsync(am, plan.Id, "submit"));
        Assert.Contains("objectives", empty.Keys);
        plan = await AddObjectiveAsync(am, plan.Id);
        var objectiveId = plan.Objectives.Single().Id;

        plan = await ReadAsync<PlanDto>(await MoveAsync(am, plan.Id, "submit", new { comment = "Ready for you." }));
        Assert.Equal(PlanStatus.Submitted, plan.Status);
        Assert.Equal(await App.UserIdAsync(People.ManagerNorth), plan.ApproverId);
        Assert.DoesNotContain(PlanAction.Approve, plan.AllowedActions);
        // A submitted plan is frozen.
        var locked = await am.PutAsJsonAsync($"/api/v1/plans/{plan.Id}", PlanInput.From(plan), Json);
        Assert.Contains("status", (await FieldErrorsAsync(locked)).Keys);

        // The manager sees it in the inbox and asks for a change; a comment is required.
        var inbox = await ReadAsync<List<ApprovalItemDto>>(await manager.GetAsync("/api/v1/approvals"));
        Assert.Equal(plan.Id, Assert.Single(inbox).Id);
        Assert.Equal(1, (await ReadAsync<Dictionary<string, int>>(await manager.GetAsync("/api/v1/approvals/count")))["waiting"]);
        var managersView = await ReadAsync<PlanDto>(await manager.GetAsync($"/api/v1/plans/{plan.Id}"));
        Assert.Contains(PlanAction.Approve, managersView.AllowedActions);
        Assert.Contains("comment", (await FieldErrorsAsync(await MoveAsync(manager, plan.Id, "request-changes"))).Keys);
        plan = await ReadAsync<PlanDto>(await MoveAsync(manager, plan.Id, "request-changes", new { comment = "Add the whitespace in Nordics." }));
        Assert.Equal(PlanStatus.ChangesRequested, plan.Status);
        Assert.Contains(await NotificationsOfAsync(People.AmNorth), n => n.Title.Contains("needs changes", StringComparison.Ordinal));

        // The owner edits and resubmits; the manager approves.
        var input = PlanInput.From(plan);
        input.Whitespace = "Nordics subsidiaries buy travel locally.";
        plan = await ReadAsync<PlanDto>(await am.PutAsJsonAsync($"/api/v1/plans/{plan.Id}", input, Json));
        plan = await ReadAsync<PlanDto>(await MoveAsync(am, plan.Id, "submit"));
        plan = await ReadAsync<PlanDto>(await MoveAsync(manager, plan.Id, "approve", new { comment = "Good plan." }, plan.Version));
        Assert.Equal(PlanStatus.Approved, plan.Status);
        Assert.NotNull(plan.ApprovedSnapshot);
        Assert.Contains(await NotificationsOfAsync(People.AmNorth), n => n.Title == "Plan approved: FY2027 key account plan");
        Assert.Empty(await ReadAsync<List<ApprovalItemDto>>(await manager.GetAsync("/api/v1/approvals")));
        var requested = await ReadAsync<List<ApprovalItemDto>>(await am.GetAsync("/api/v1/approvals/requested"));
        Assert.Equal("Approved", Assert.Single(requested).Status);

        // Live: progress is recorded while the plan runs, but what was agreed stays.
        plan = await ReadAsync<PlanDto>(await MoveAsync(am, plan.Id, "activate"));
        Assert.Equal(new DateOnly(2027, 2, 16), plan.NextReviewDue);
        var progress = await am.PutAsJsonAsync($"/api/v1/plans/{plan.Id}/objectives/{objectiveId}", new { title = "Grow revenue", kpi = "Revenue, 12 months", unit = "EUR", baseline = 900_000, target = 1_200_000, dueDate = "2027-12-31", actual = 1_050_000, status = "OnTrack" }, Json);
        plan = await ReadAsync<PlanDto>(progress);
        Assert.Equal(0.5, plan.Objectives.Single().Progress!.Value, 3);
        var moved = await am.PutAsJsonAsync($"/api/v1/plans/{plan.Id}/objectives/{objectiveId}", new { title = "Grow revenue", kpi = "Revenue, 12 months", unit = "EUR", baseline = 900_000, target = 2_000_000, dueDate = "2027-12-31" }, Json);
        Assert.Contains("target", (await FieldErrorsAsync(moved)).Keys);

        // A quarter later the periodic review comes due.
        Assert.False(plan.ReviewDue);
        App.Clock.Advance(TimeSpan.FromDays(92));
        plan = await ReadAsync<PlanDto>(await am.GetAsync($"/api/v1/plans/{plan.Id}"));
        Assert.True(plan.ReviewDue);
        var due = await ReadAsync<List<ReviewDueDto>>(await am.GetAsync("/api/v1/approvals/reviews-due"));
        Assert.Equal(plan.Id, Assert.Single(due).PlanId);
        plan = await ReadAsync<PlanDto>(await MoveAsync(am, plan.Id, "start-review", new { trigger = "Scheduled" }));
        Assert.Equal(PlanStatus.InReview, plan.Status);

        // The review changes the plan; the differences to the approved version are visible.
        input = PlanInput.From(plan);
        input.Risks = "New procurement director from a competitor.";
        plan = await ReadAsync<PlanDto>(await am.PutAsJsonAsync($"/api/v1/plans/{plan.Id}", input, Json));
        var diff = await ReadAsync<PlanDiffDto>(await am.GetAsync($"/api/v1/plans/{plan.Id}/diff"));
        var change = Assert.Single(diff.Changes);
        Assert.Equal("Risks", change.What);
        Assert.Null(change.Approved);
        var approved = await ReadAsync<PlanContent>(await am.GetAsync($"/api/v1/plans/{plan.Id}/versions/{plan.ApprovedSnapshot}"));
        Assert.Equal("Nordics subsidiaries buy travel locally.", approved.Sections["Whitespace"]);

        // It ends in an evaluation against each objective and documented findings.
        var incomplete = await FieldErrorsAsync(await MoveAsync(am, plan.Id, "close", new { findings = "" }));
        Assert.Contains("findings", incomplete.Keys);
        Assert.Contains("evaluations", incomplete.Keys);
        plan = await ReadAsync<PlanDto>(await MoveAsync(am, plan.Id, "close", new
        {
            findings = "Revenue grew, Nordics still untapped.",
            evaluations = new[] { new { objectiveId, status = "Achieved", evaluation = "1.25M reached in Q3." } },
        }));
        Assert.Equal(PlanStatus.Closed, plan.Status);
        Assert.Equal(ObjectiveStatus.Achieved, plan.Objectives.Single().Status);
        Assert.Empty(plan.AllowedActions);

        var history = await ReadAsync<List<PlanTransitionDto>>(await am.GetAsync($"/api/v1/plans/{plan.Id}/history"));
        Assert.Equal(["Created", "Submit", "RequestChanges", "Submit", "Approve", "Activate", "StartReview", "Close"], history.Select(h => h.Action));
        Assert.Equal("Add the whitespace in Nordics.", history[2].Comment);
        Assert.Equal("Morgan Meyer", history[2].ByName);
        Assert.Equal("Trigger: Scheduled.", history[6].Comment);
        var versions = await ReadAsync<List<PlanSnapshotDto>>(await am.GetAsync($"/api/v1/plans/{plan.Id}/versions"));
        Assert.Equal(["Approved", "Submitted", "Submitted"], versions.Select(v => v.Kind));
    }

    [Fact]
    public async Task Nobody_approves_their_own_plan()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Fabrikam");
        var plan = await CreatePlanAsync(am, account.Id);
        await AddObjectiveAsync(am, plan.Id);
        await MoveAsync(am, plan.Id, "submit");
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync(am, plan.Id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync(am, plan.Id, "request-changes", new { comment = "self" })).StatusCode);
        // A colleague in the same team who can see the account is not the approver either.
        var colleague = await As(People.Am2North);
        Assert.Equal(HttpStatusCode.NotFound, (await MoveAsync(colleague, plan.Id, "approve")).StatusCode);

        // A manager's own plan cannot go to themselves: it goes to an admin.
        var manager = await As(People.ManagerNorth);
        var own = await CreateAccountAsync(manager, "Northwind");
        var managersPlan = await CreatePlanAsync(manager, own.Id);
        await AddObjectiveAsync(manager, managersPlan.Id);
        managersPlan = await ReadAsync<PlanDto>(await MoveAsync(manager, managersPlan.Id, "submit"));
        Assert.Null(managersPlan.ApproverId);
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync(manager, managersPlan.Id, "approve")).StatusCode);
        Assert.DoesNotContain(await ReadAsync<List<ApprovalItemDto>>(await manager.GetAsync("/api/v1/approvals")), i => i.Id == managersPlan.Id);
        var admin = await As(People.Admin);
        Assert.Contains(await ReadAsync<List<ApprovalItemDto>>(await admin.GetAsync("/api/v1/approvals")), i => i.Id == managersPlan.Id);
        Assert.Contains(await NotificationsOfAsync(People.Admin), n => n.Title.StartsWith("Plan to approve", StringComparison.Ordinal));
        var approved = await ReadAsync<PlanDto>(await MoveAsync(admin, managersPlan.Id, "approve"));
        Assert.Equal(PlanStatus.Approved, approved.Status);

        // Even an admin cannot approve a plan they own.
        var adminsAccount = await CreateAccountAsync(admin, "Admin's own");
        var adminsPlan = await CreatePlanAsync(admin, adminsAccount.Id);
        await AddObjectiveAsync(admin, adminsPlan.Id);
        await MoveAsync(admin, adminsPlan.Id, "submit");
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync(admin, adminsPlan.Id, "approve")).StatusCode);
    }

    [Fact]
    public async Task Two_approvers_acting_at_once_produce_exactly_one_decision()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Litware");
        var plan = await CreatePlanAsync(am, account.Id);
        await AddObjectiveAsync(am, plan.Id);
        plan = await ReadAsync<PlanDto>(await MoveAsync(am, plan.Id, "submit"));
        var manager = await As(People.ManagerNorth);
        var admin = await As(People.Admin);

        // Both read the same version; one approves, the other asks for changes, at the same moment.
        var responses = await Task.WhenAll(
            MoveAsync(manager, plan.Id, "approve", new { comment = "yes" }, plan.Version),
            MoveAsync(admin, plan.Id, "request-changes", new { comment = "no" }, plan.Version));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed);

        var history = await ReadAsync<List<PlanTransitionDto>>(await am.GetAsync($"/api/v1/plans/{plan.Id}/history"));
        Assert.Single(history, h => h.Action is "Approve" or "RequestChanges");
        var after = await ReadAsync<PlanDto>(await am.GetAsync($"/api/v1/plans/{plan.Id}"));
        Assert.Equal(history[^1].To, after.Status);

        // A decision on a stale version is refused even when made later.
        var late = await MoveAsync(admin, plan.Id, "approve", null, plan.Version);
        Assert.Equal(HttpStatusCode.PreconditionFailed, late.StatusCode);
        // And without If-Match, a second decision is an invalid transition.
        if (after.Status == PlanStatus.Approved) Assert.Equal(HttpStatusCode.BadRequest, (await MoveAsync(admin, plan.Id, "approve")).StatusCode);
    }

    [Fact]
    public async Task Invalid_moves_are_refused_through_the_api_and_change_nothing()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Tailspin");
        var plan = await CreatePlanAsync(am, account.Id);
        foreach (var action in new[] { "approve", "request-changes", "activate", "start-review", "complete-review", "close" })
        {
            var errors = await FieldErrorsAsync(await MoveAsync(am, plan.Id, action, new { comment = "x" }));
            Assert.Contains("draft", errors["status"][0], StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await MoveAsync(am, plan.Id, "explode")).StatusCode);
        var history = await ReadAsync<List<PlanTransitionDto>>(await am.GetAsync($"/api/v1/plans/{plan.Id}/history"));
        Assert.Equal("Created", Assert.Single(history).Action);
    }

    [Fact]
    public async Task Plans_of_foreign_accounts_are_invisible_and_untouchable()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Woodgrove");
        var plan = await CreatePlanAsync(am, account.Id);
        await AddObjectiveAsync(am, plan.Id);
        await MoveAsync(am, plan.Id, "submit");
        var objectiveId = (await ReadAsync<PlanDto>(await am.GetAsync($"/api/v1/plans/{plan.Id}"))).Objectives[0].Id;

        foreach (var outsider in new[] { People.AmSouth, People.ManagerSouth })
        {
            var client = await As(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/plans/{plan.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/plans/{plan.Id}/history")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/plans/{plan.Id}/versions/1")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/plans/{plan.Id}/diff")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await MoveAsync(client, plan.Id, "approve")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/objectives", new { title = "x", kpi = "y", target = 1 }, Json)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/plans/{plan.Id}/objectives/{objectiveId}", new { title = "x", kpi = "y", target = 1 }, Json)).StatusCode);
            var list = await ReadAsync<Steward.Infrastructure.Http.Page<PlanSummaryDto>>(await client.GetAsync("/api/v1/plans"));
            Assert.Equal(0, list.Total);
            Assert.Empty(await ReadAsync<List<ApprovalItemDto>>(await client.GetAsync("/api/v1/approvals")));
            // Nor can a plan be drafted on a foreign account.
            var errors = await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/plans", new { accountId = account.Id, title = "x", periodStart = "2027-01-01", periodEnd = "2027-12-31" }, Json));
            Assert.Contains("accountId", errors.Keys);
        }
        var mine = await ReadAsync<Steward.Infrastructure.Http.Page<PlanSummaryDto>>(await am.GetAsync($"/api/v1/plans?accountId={account.Id}"));
        Assert.Equal(plan.Id, Assert.Single(mine.Items).Id);
    }

    [Fact]
    public async Task Objectives_can_take_their_actual_from_the_accounts_revenue_and_actions_become_tasks()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Adventure Works");
        await App.AsAsync<int>(null, async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<StewardDbContext>>().CreateDbContextAsync();
            for (var month = 1; month <= 24; month++)
            {
                // 2024-11 … 2026-10: 1,000 a month in the earlier year, 1,500 in the last.
                var period = new DateOnly(2024, 11, 1).AddMonths(month - 1);
                db.Add(new RevenueLine { AccountId = account.Id, Period = period, Amount = month <= 12 ? 1000 : 1500, Currency = "EUR" });
            }
            return await db.SaveChangesAsync();
        });
        var plan = await CreatePlanAsync(am, account.Id);
        var response = await am.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/objectives", new { title = "Grow", kpi = "Revenue growth", unit = "%", source = "RevenueGrowthPercent", baseline = 0, target = 25 }, Json);
        plan = await ReadAsync<PlanDto>(response);
        response = await am.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/objectives", new { title = "Size", kpi = "Revenue", source = "Revenue12Months", target = 20000, actual = 1 }, Json);
        plan = await ReadAsync<PlanDto>(response);
        Assert.Equal(50m, plan.Objectives[0].Actual);
        Assert.Equal(2.0, plan.Objectives[0].Progress);
        Assert.Equal(18000m, plan.Objectives[1].Actual);

        // An action is a task: whoever does it must be able to see the account.
        var colleague = await App.UserIdAsync(People.Am2North);
        var outsider = await FieldErrorsAsync(await am.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/actions", new { title = "Workshop with procurement", assigneeId = colleague, dueDate = "2027-02-01" }, Json));
        Assert.Contains("account team", outsider["assigneeId"][0]);
        Assert.Equal(HttpStatusCode.Created, (await am.PostAsJsonAsync($"/api/v1/accounts/{account.Id}/team", new { userId = colleague, role = "Support" }, Json)).StatusCode);
        plan = await ReadAsync<PlanDto>(await am.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/actions", new { title = "Workshop with procurement", assigneeId = colleague, dueDate = "2027-02-01" }, Json));
        var action = Assert.Single(plan.Actions);
        Assert.Equal(colleague, action.AssigneeId);
        Assert.Equal("plan", action.SourceKind);
        Assert.Equal(account.Id, action.AccountId);
    }

    [Fact]
    public async Task A_team_can_name_its_approver_and_only_admins_may_configure_it()
    {
        var admin = await As(People.Admin);
        var manager = await As(People.ManagerNorth);
        var routing = await ReadAsync<List<TeamApproverDto>>(await admin.GetAsync("/api/v1/approvals/routing"));
        var north = routing.Single(t => t.TeamName == "North");
        var southManager = await App.UserIdAsync(People.ManagerSouth);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync($"/api/v1/approvals/routing/{north.TeamId}", new { approverId = southManager }, Json)).StatusCode);
        var am2 = await App.UserIdAsync(People.Am2North);
        Assert.Contains("approverId", (await FieldErrorsAsync(await admin.PutAsJsonAsync($"/api/v1/approvals/routing/{north.TeamId}", new { approverId = am2 }, Json))).Keys);
        var adminId = await App.UserIdAsync(People.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/approvals/routing/{north.TeamId}", new { approverId = adminId }, Json)).StatusCode);

        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Proseware");
        var plan = await CreatePlanAsync(am, account.Id);
        await AddObjectiveAsync(am, plan.Id);
        plan = await ReadAsync<PlanDto>(await MoveAsync(am, plan.Id, "submit"));
        Assert.Equal(adminId, plan.ApproverId);
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync(manager, plan.Id, "approve")).StatusCode);
    }

    private Task<IReadOnlyList<NotificationDto>> NotificationsOfAsync(string email) =>
        App.AsAsync(email, services => services.GetRequiredService<NotificationService>().MineAsync());
}
