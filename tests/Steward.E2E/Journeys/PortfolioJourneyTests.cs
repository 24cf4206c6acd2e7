using Microsoft.Playwright;
using Steward.E2E.Infrastructure;
using Steward.E2E.Pages;

namespace Steward.E2E.Journeys;

public sealed class PortfolioJourneyTests : BrowserTest
{
    [Fact]
    public Task A_manager_reads_the_portfolio_and_assigns_a_recommended_tier() => JourneyAsync("portfolio", async () =>
    {
        var page = await NewPageAsync();
        await new LoginPage(page).LogInAsync("manager@steward.demo");
        await page.GotoAsync("/portfolio");
        var portfolio = new AccountsPage(page);
        await portfolio.WaitUntilInteractiveAsync();
        await page.GetByTestId("portfolio-matrix").Locator("circle").First.WaitForAsync();
        var sentence = await page.GetByTestId("pareto-sentence").InnerTextAsync();
        Assert.Matches(@"^The top \d+ accounts \(\d+%\) bring \d+% of revenue\.$", sentence);
        Assert.True(await page.GetByTestId("manager-load").Locator("b").CountAsync() >= 2, "the North team's account managers are listed");
        await page.Locator("[data-testid=portfolio-table] tbody tr.mud-table-row").First.WaitForAsync();
        await portfolio.ScreenshotAsync("portfolio");

        // One click from a recommendation to an assigned tier.
        var assign = page.GetByTestId("assign-recommended").First;
        var row = page.Locator("[data-testid=portfolio-table] tbody tr.mud-table-row").Filter(new() { Has = assign });
        var name = await row.Locator("a").First.InnerTextAsync();
        await assign.ClickAsync();
        await page.GetByTestId("confirm-tier").ClickAsync();
        await page.GetByText($"{name} is now a").WaitForAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First.ClickAsync();
        await page.GetByTestId("score-card").WaitForAsync();
        await page.GetByTestId("attractiveness").WaitForAsync();
        await portfolio.ScreenshotAsync("account-score");
    });
}
