using Steward.E2E.Infrastructure;
using Steward.E2E.Pages;

namespace Steward.E2E.Journeys;

public sealed class ImportJourneyTests : BrowserTest
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    [Fact]
    public Task A_new_user_imports_a_CRM_export_and_its_revenue_then_opens_the_portfolio() => JourneyAsync("import", async () =>
    {
        var page = await NewPageAsync();
        await new LoginPage(page).LogInAsync("admin@steward.demo");

        var wizard = await new ImportWizardPage(page).OpenAsync();
        await wizard.UploadAsync(Sample("salesforce-accounts.csv"));
        // Suggested from the file's own column names.
        Assert.Contains("Account Name", await page.GetByTestId("map-Name").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Parent Account ID", await page.GetByTestId("map-ParentExternalId").InnerTextAsync(), StringComparison.Ordinal);
        await wizard.ScreenshotAsync("import-mapping");
        await wizard.PreviewAsync();
        await wizard.ScreenshotAsync("import-preview");
        var accounts = await wizard.ImportAndWaitAsync();
        Assert.Contains("Rejected rows\n0", accounts, StringComparison.Ordinal);
        await wizard.ScreenshotAsync("import-accounts-done");

        wizard = await new ImportWizardPage(page).OpenAsync();
        await wizard.ChooseKindAsync("Revenue per month");
        await wizard.UploadAsync(Sample("revenue-monthly-excel-eu.csv"));
        Assert.Contains("Umsatz", await page.GetByTestId("map-Amount").InnerTextAsync(), StringComparison.Ordinal);
        await wizard.PreviewAsync();
        var revenue = await wizard.ImportAndWaitAsync();
        Assert.Contains("Rows read\n7,200", revenue, StringComparison.Ordinal);
        await wizard.ScreenshotAsync("import-revenue-done");

        await page.GotoAsync("/portfolio");
        var portfolio = new AccountsPage(page);
        await portfolio.WaitUntilInteractiveAsync();
        await page.GetByTestId("pareto-sentence").WaitForAsync();
        await page.Locator("[data-testid=portfolio-table] tbody tr.mud-table-row").First.WaitForAsync();
        await portfolio.ScreenshotAsync("portfolio-after-import");

        var list = await new AccountsPage(page).OpenAsync();
        await list.SearchAsync("Redwood Energy plc");
        Assert.Equal(1, await list.Rows.CountAsync());
    });
}
