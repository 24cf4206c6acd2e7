using Microsoft.Playwright;

namespace Steward.E2E.Pages;

/// <summary>The pipeline: a board of stages (drag a card to move it) and a table.</summary>
public sealed class PipelinePage(IPage page) : StewardPage(page)
{
    public async Task<PipelinePage> OpenAsync(string query = "")
    {
        await Page.GotoAsync("/opportunities" + query);
        await WaitUntilInteractiveAsync();
        await Column("Identified").WaitForAsync();
        return this;
    }

    public ILocator Column(string stage) => TestId($"column-{stage}");

    public ILocator Cards(string stage) => Column(stage).Locator("[data-testid^=card-]");

    public ILocator Card(int id) => TestId($"card-{id}");

    public static int IdOf(string testId) => int.Parse(testId["card-".Length..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Drags a card onto another stage's column with the mouse, in small steps: the board uses HTML5
    /// drag and drop, which Chromium only starts after the pointer has moved a little while pressed.
    /// </summary>
    public async Task DragAsync(int id, string toStage)
    {
        var grip = Card(id).Locator(".board-card-line").Last;
        await grip.ScrollIntoViewIfNeededAsync();
        var from = (await grip.BoundingBoxAsync())!;
        var to = (await Column(toStage).BoundingBoxAsync())!;
        var (x, y) = (from.X + from.Width / 2, from.Y + from.Height / 2);
        await Page.Mouse.MoveAsync(x, y);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(x + 10, y + 10, new() { Steps = 5 });
        await Page.Mouse.MoveAsync(to.X + to.Width / 2, y + 40, new() { Steps = 10 });
        await Page.Mouse.MoveAsync(to.X + to.Width / 2 + 5, y + 45, new() { Steps = 3 });
        await Page.Mouse.UpAsync();
        await Column(toStage).Locator($"[data-testid=card-{id}]").WaitForAsync();
    }

    public async Task<ForecastPage> OpenForecastAsync()
    {
        await TestId("open-forecast").ClickAsync();
        await Page.WaitForURLAsync("**/forecast");
        var forecast = new ForecastPage(Page);
        await forecast.Table.WaitForAsync();
        return forecast;
    }
}

public sealed class ForecastPage(IPage page) : StewardPage(page)
{
    public ILocator Table => TestId("forecast-table");

    public ILocator Line(string label) => TestId($"forecast-line-{label}");
}

/// <summary>The manager's one screen.</summary>
public sealed class RetentionPage(IPage page) : StewardPage(page)
{
    public async Task<RetentionPage> OpenAsync()
    {
        await Page.GotoAsync("/retention");
        await WaitUntilInteractiveAsync();
        await TestId("panel-forecast").WaitForAsync();
        return this;
    }

    public ILocator RenewalsCount => TestId("renewals-count");

    public ILocator EscalationsCount => TestId("escalations-count");

    public ILocator GapExplanation => TestId("gap-explanation");
}
