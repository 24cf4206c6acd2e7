using Microsoft.Playwright;

namespace Steward.E2E.Pages;

/// <summary>An account plan's page: its lifecycle buttons, the move dialog, and its tabs.</summary>
public sealed class PlanPage(IPage page) : StewardPage(page)
{
    public ILocator Status => TestId("plan-status").First;

    /// <summary>Clicks a lifecycle button (Submit, Approve, RequestChanges…), writes the comment and confirms.</summary>
    public async Task MoveAsync(string action, string? comment = null)
    {
        await TestId($"plan-{action}").ClickAsync();
        if (comment is not null) await Input("plan-move-comment").FillAsync(comment);
        await TestId("plan-move-confirm").ClickAsync();
        await TestId("plan-move-dialog").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
    }

    public async Task WaitForStatusAsync(string label) =>
        await Assertions.Expect(Status).ToHaveTextAsync(label);

    public async Task AddObjectiveAsync(string title, string kpi, string target)
    {
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Objectives", Exact = false }).ClickAsync();
        await TestId("add-objective").ClickAsync();
        await Input("objective-title").FillAsync(title);
        await Input("objective-kpi").FillAsync(kpi);
        await Input("objective-target").FillAsync(target);
        await TestId("save-objective").ClickAsync();
        await Page.Locator("[data-testid=objectives-table] td", new() { HasText = title }).WaitForAsync();
    }

    public async Task WriteSectionAsync(string section, string text)
    {
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Plan", Exact = true }).ClickAsync();
        await Input($"section-{section}").FillAsync(text);
        await TestId("save-plan").ClickAsync();
        await Page.GetByText("Plan saved.").WaitForAsync();
    }
}

/// <summary>The approvals inbox.</summary>
public sealed class ApprovalsPage(IPage page) : StewardPage(page)
{
    public async Task<ApprovalsPage> OpenAsync()
    {
        await Page.GotoAsync("/approvals");
        await WaitUntilInteractiveAsync();
        return this;
    }

    public ILocator Item(string title) => Page.Locator("[data-testid=approval-item]", new() { HasText = title });

    public async Task DecideAsync(string title, string button, string? comment = null)
    {
        var item = Item(title);
        if (comment is not null) await item.Locator("[data-testid=approval-comment] input, input[data-testid=approval-comment]").First.FillAsync(comment);
        await item.GetByTestId(button).ClickAsync();
        await item.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
    }
}
