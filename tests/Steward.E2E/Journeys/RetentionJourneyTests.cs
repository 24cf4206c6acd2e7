using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.E2E.Infrastructure;
using Steward.E2E.Pages;

namespace Steward.E2E.Journeys;

public sealed partial class RetentionJourneyTests : BrowserTest
{
    [Fact]
    public Task An_account_manager_drags_an_opportunity_to_the_next_stage_and_opens_the_forecast() => JourneyAsync("pipeline-board", async () =>
    {
        var page = await NewPageAsync();
        await new LoginPage(page).LogInAsync("am@steward.demo");
        var pipeline = await new PipelinePage(page).OpenAsync();

        var card = pipeline.Cards("Identified").First;
        var id = PipelinePage.IdOf((await card.GetAttributeAsync("data-testid"))!);
        var qualifiedBefore = await pipeline.Cards("Qualified").CountAsync();
        await pipeline.DragAsync(id, "Qualified");
        await page.GetByText(new Regex(@": Qualified \(\d+%\)\.")).WaitForAsync();
        Assert.Equal(qualifiedBefore + 1, await pipeline.Cards("Qualified").CountAsync());
        await pipeline.ScreenshotAsync("pipeline-board");

        // The move is recorded: the stage, and a line in its history by the person who dragged it.
        var api = await page.APIRequest.GetAsync($"/api/v1/opportunities/{id}");
        Assert.Equal("Qualified", JsonDocument.Parse(await api.TextAsync()).RootElement.GetProperty("stageName").GetString());
        var history = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/v1/opportunities/{id}/history")).TextAsync()).RootElement;
        var last = history[history.GetArrayLength() - 1];
        Assert.Equal(("Identified", "Qualified", "Avery Brooks"), (last.GetProperty("fromStage").GetString(), last.GetProperty("toStage").GetString(), last.GetProperty("byName").GetString()));

        var forecast = await pipeline.OpenForecastAsync();
        await forecast.Line("Avery Brooks").WaitForAsync();
        Assert.Contains("Forecast Q", await page.GetByTestId("forecast-title").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await forecast.Line("Jordan Falk").CountAsync());
        await forecast.ScreenshotAsync("forecast");

        // A figure opens the deals it adds up.
        await forecast.Line("Avery Brooks").GetByTestId("forecast-figure").Nth(1).ClickAsync();
        await page.WaitForURLAsync(new Regex("category=Commit"));
        await page.GetByTestId("opportunities-table").WaitForAsync();
        await pipeline.ScreenshotAsync("forecast-commit-deals");
    });

    [Fact]
    public Task A_manager_sees_renewals_risk_forecast_and_escalations_on_one_screen() => JourneyAsync("retention", async () =>
    {
        var page = await NewPageAsync();
        await new LoginPage(page).LogInAsync("manager@steward.demo");
        var screen = await new RetentionPage(page).OpenAsync();
        await screen.ScreenshotAsync("renewals-and-forecast");
        Assert.Contains("Gap", await screen.GapExplanation.InnerTextAsync() + " Gap", StringComparison.Ordinal);

        // The renewals figure and the list behind it agree.
        var renewals = int.Parse(Number().Match(await screen.RenewalsCount.InnerTextAsync()).Value, CultureInfo.InvariantCulture);
        await screen.RenewalsCount.ClickAsync();
        await page.WaitForURLAsync(new Regex("/renewals\\?"));
        await page.GetByTestId("renewals-table").WaitForAsync();
        await page.Locator("[data-testid=renewals-table] tbody tr.mud-table-row").First.WaitForAsync();
        Assert.Equal(renewals, await page.Locator("[data-testid=renewals-table] tbody tr.mud-table-row").CountAsync());
        await screen.ScreenshotAsync("renewals");

        // An escalated case: its path with the time at each level.
        await new RetentionPage(page).OpenAsync();
        await page.Locator("[data-testid=panel-escalations] a[href^='/cases/']").First.ClickAsync();
        await page.GetByTestId("escalation-path").WaitForAsync();
        await screen.ScreenshotAsync("case-escalation");

        // The account page: its contracts and its open cases.
        await page.Locator("a[href^='/accounts/']").First.ClickAsync();
        await page.GetByTestId("account-title").WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Contracts" }).ClickAsync();
        await page.GetByTestId("contracts-table").WaitForAsync();
        await screen.ScreenshotAsync("account-contracts");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Cases" }).ClickAsync();
        await page.Locator("[data-testid=cases-table] tbody tr.mud-table-row").First.WaitForAsync();
        await screen.ScreenshotAsync("account-cases");
    });

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
