using Microsoft.Playwright;

namespace Steward.E2E.Pages;

/// <summary>The home page: tasks due, today's meetings, daily outreach.</summary>
public sealed class MyDayPage(IPage page) : StewardPage(page)
{
    public async Task<MyDayPage> OpenAsync()
    {
        await Page.GotoAsync("/");
        await WaitUntilInteractiveAsync();
        await TestId("my-day-title").WaitForAsync();
        return this;
    }

    public ILocator TaskTitles => Page.Locator("[data-testid=my-day-tasks] [data-testid=task-title]");
    public ILocator Meetings => Page.Locator("[data-testid=my-day-meeting]");
    public ILocator TouchesDue => Page.Locator("[data-testid=touch-due]");
}

/// <summary>The log-interaction dialog.</summary>
public sealed class InteractionDialogPage(IPage page) : StewardPage(page)
{
    private ILocator Dialog => TestId("interaction-dialog");

    public async Task ChooseAsync(string selectTestId, string option)
    {
        await Page.Locator($"[data-testid={selectTestId}]").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    public async Task FillAsync(string subject, string notes, string outcome)
    {
        await Input("interaction-subject").FillAsync(subject);
        await Input("interaction-notes").FillAsync(notes);
        await Input("interaction-outcome").FillAsync(outcome);
    }

    public async Task AddFollowUpAsync(string title, DateOnly due)
    {
        await TestId("add-follow-up").ClickAsync();
        var row = Dialog.Locator("[data-testid=follow-up-row]").Last;
        await row.Locator("input[data-testid=follow-up-title], [data-testid=follow-up-title] input").First.FillAsync(title);
        var date = row.Locator("input[data-testid=follow-up-due], [data-testid=follow-up-due] input").First;
        await date.FillAsync(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await date.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Escape");
    }

    public async Task SaveAsync()
    {
        await TestId("save-interaction").ClickAsync();
        await Dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
