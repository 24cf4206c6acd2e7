using Microsoft.Playwright;
using Steward.E2E.Infrastructure;
using Steward.E2E.Pages;

namespace Steward.E2E.Journeys;

public sealed class PlanApprovalJourneyTests : BrowserTest
{
    [Fact]
    public Task An_account_manager_submits_a_plan_their_manager_sends_it_back_then_approves_it() => JourneyAsync("plan-approval", async () =>
    {
        const string title = "Journey key account plan 2027";

        // The account manager drafts a plan from an account's Plans tab and submits it.
        var amPage = await NewPageAsync();
        var accounts = await new LoginPage(amPage).LogInAsync("am@steward.demo");
        await accounts.Rows.First.WaitForAsync();
        await accounts.Rows.Filter(new() { HasText = "Avery Brooks" }).First.Locator("a").First.ClickAsync();
        await amPage.WaitForURLAsync("**/accounts/*");
        await accounts.WaitUntilInteractiveAsync();
        await amPage.GetByRole(AriaRole.Tab, new() { Name = "Plans" }).ClickAsync();
        await amPage.GetByTestId("account-runs").WaitForAsync();
        await accounts.ScreenshotAsync("account-plans-tab");
        await amPage.GetByTestId("account-new-plan").ClickAsync();
        await amPage.WaitForURLAsync("**/plans/new?accountId=*");
        var plan = new PlanPage(amPage);
        await plan.WaitUntilInteractiveAsync();
        await amPage.Locator("input[data-testid=plan-title-field], [data-testid=plan-title-field] input").First.FillAsync(title);
        await amPage.GetByTestId("create-plan").ClickAsync();
        await amPage.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/plans/\d+$"));
        await plan.WaitUntilInteractiveAsync();
        await plan.WaitForStatusAsync("Draft");
        await plan.WriteSectionAsync("CustomerGoals", "Cut travel cost per trip by 8%.");
        await plan.AddObjectiveAsync("Grow revenue", "Revenue, 12 months", "1200000");
        await plan.ScreenshotAsync("plan-draft");
        await plan.MoveAsync("Submit", "Ready for you.");
        await plan.WaitForStatusAsync("Submitted");
        await amPage.GetByTestId("plan-waiting").WaitForAsync();
        var planUrl = amPage.Url;

        // The manager finds it in the approvals inbox and asks for a change.
        var managerPage = await NewPageAsync();
        await new LoginPage(managerPage).LogInAsync("manager@steward.demo");
        var inbox = await new ApprovalsPage(managerPage).OpenAsync();
        await inbox.Item(title).WaitForAsync();
        await Assertions.Expect(managerPage.GetByTestId("notifications")).ToContainTextAsync($"Plan to approve: {title}");
        await inbox.ScreenshotAsync("approvals-inbox");
        await inbox.DecideAsync(title, "request-changes", "Add the whitespace in the Nordics.");

        // The owner sees the comment, edits and resubmits.
        await amPage.GotoAsync(planUrl);
        await plan.WaitUntilInteractiveAsync();
        await plan.WaitForStatusAsync("Changes requested");
        await Assertions.Expect(amPage.GetByTestId("plan-changes-requested")).ToContainTextAsync("Add the whitespace in the Nordics.");
        await plan.WriteSectionAsync("Whitespace", "Nordics subsidiaries buy travel locally.");
        await plan.MoveAsync("Submit");
        await plan.WaitForStatusAsync("Submitted");

        // The manager approves from the plan itself this time.
        await managerPage.GotoAsync(planUrl);
        var managersPlan = new PlanPage(managerPage);
        await managersPlan.WaitUntilInteractiveAsync();
        await managersPlan.MoveAsync("Approve", "Good plan.");
        await managersPlan.WaitForStatusAsync("Approved");
        await managerPage.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(managerPage.GetByTestId("plan-history")).ToContainTextAsync("Changes requested by Morgan Meyer");
        await managersPlan.ScreenshotAsync("plan-approved-history");

        // The owner sees the decision: on the plan and in their notifications' source, the inbox's "sent" list.
        await amPage.GotoAsync(planUrl);
        await plan.WaitUntilInteractiveAsync();
        await plan.WaitForStatusAsync("Approved");
        await Assertions.Expect(amPage.GetByTestId("plan-approved")).ToContainTextAsync("Approved by Morgan Meyer");
        var amInbox = await new ApprovalsPage(amPage).OpenAsync();
        await Assertions.Expect(amPage.GetByTestId("approvals-requested")).ToContainTextAsync(title);
        await Assertions.Expect(amPage.GetByTestId("notifications")).ToContainTextAsync($"Plan approved: {title}");
        await amInbox.ScreenshotAsync("approvals-requested");
    });

    [Fact]
    public Task A_manager_approves_a_playbook_gate_from_the_run() => JourneyAsync("playbook-gate", async () =>
    {
        var page = await NewPageAsync();
        await new LoginPage(page).LogInAsync("manager@steward.demo");
        await page.GotoAsync("/playbooks");
        var playbooks = new PlanPage(page);
        await playbooks.WaitUntilInteractiveAsync();
        await page.Locator("[data-testid=runs-table] tbody tr.mud-table-row").First.WaitForAsync();
        await playbooks.ScreenshotAsync("playbooks");
        await page.GetByRole(AriaRole.Link, new() { Name = "Account management", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/playbooks/runs/*");
        await playbooks.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("run-progress")).ToHaveTextAsync("4 of 20 steps done");
        await page.GetByTestId("approve-gate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-progress")).ToHaveTextAsync("5 of 20 steps done");
        await playbooks.ScreenshotAsync("playbook-run");

        // After the gate, the next step opens with its form fields.
        await page.ReloadAsync();
        await playbooks.WaitUntilInteractiveAsync();
        await page.GetByTestId("field-objectives").WaitForAsync();
        await page.GetByTestId("step-6").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("playbook-step-fields") });
    });

    [Fact]
    public Task A_review_comes_due_and_the_changes_to_the_approved_plan_are_visible() => JourneyAsync("plan-review", async () =>
    {
        var page = await NewPageAsync();
        await new LoginPage(page).LogInAsync("am@steward.demo");
        var inbox = await new ApprovalsPage(page).OpenAsync();
        await page.GetByTestId("reviews-due").Locator("a").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/plans/\d+$"));
        var plan = new PlanPage(page);
        await plan.WaitUntilInteractiveAsync();
        await page.GetByTestId("plan-review-due").WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Objectives", Exact = false }).ClickAsync();
        await page.GetByTestId("objectives-table").WaitForAsync();
        await plan.ScreenshotAsync("plan-live-objectives");

        await plan.MoveAsync("StartReview", "Quarterly check.");
        await plan.WaitForStatusAsync("In review");
        await plan.WriteSectionAsync("Risks", "The new CFO wants a tender in spring.");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Versions" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-diff")).ToContainTextAsync("The new CFO wants a tender in spring.");
        await plan.ScreenshotAsync("plan-review-diff");
    });

    [Fact]
    public Task An_admin_edits_a_template_and_running_processes_keep_their_version() => JourneyAsync("template-editor", async () =>
    {
        var page = await NewPageAsync();
        await new LoginPage(page).LogInAsync("admin@steward.demo");
        await page.GotoAsync("/admin/playbooks");
        var templates = new PlanPage(page);
        await templates.WaitUntilInteractiveAsync();
        await page.GetByTestId("templates-table").GetByText("Account management", new() { Exact = true }).WaitForAsync();
        await templates.ScreenshotAsync("playbook-templates");
        await page.GetByTestId("templates-table").GetByRole(AriaRole.Link, new() { Name = "Account management", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admin/playbooks/*");
        await templates.WaitUntilInteractiveAsync();
        var firstTitle = page.GetByTestId("template-step-1").Locator("input").First;
        await firstTitle.FillAsync("Identify the key account for management");
        await page.GetByTestId("save-template").ClickAsync();
        await page.GetByText("as version 2").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("playbook-template-editor") });

        // The demo run started on version 1 keeps the seed's title.
        await page.GotoAsync("/playbooks");
        await templates.WaitUntilInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Account management", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/playbooks/runs/*");
        await templates.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("step-1")).ToContainTextAsync("Identify the account for management");
        await Assertions.Expect(page.GetByText("the template is at version 2 now")).ToBeVisibleAsync();
    });
}
