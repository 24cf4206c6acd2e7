using System.Text.Json;
using Microsoft.Playwright;
using Steward.E2E.Infrastructure;
using Steward.E2E.Pages;

namespace Steward.E2E.Journeys;

public sealed class AccountJourneyTests : BrowserTest
{
    [Fact]
    public Task An_account_manager_creates_an_account_adds_a_contact_finds_it_and_another_team_cannot() => JourneyAsync("create-account", async () =>
    {
        var page = await NewPageAsync();
        var accounts = await new LoginPage(page).LogInAsync("am@steward.demo");
        await accounts.ScreenshotAsync("accounts-list");

        var form = await accounts.NewAccountAsync();
        await form.FillAsync("Aurora Borealis Logistics", "Logistics");
        var detail = await form.SaveAndOpenAsync();
        Assert.Equal("Aurora Borealis Logistics", await detail.Title.InnerTextAsync());
        var accountId = detail.Id;

        await detail.AddContactAsync("Ingrid", "Solberg", "ingrid.solberg@aurora.example", "Head of Procurement");
        Assert.Equal(1, await detail.ContactRows.CountAsync());
        await detail.ScreenshotAsync("account-contacts");

        accounts = await new AccountsPage(page).OpenAsync();
        await accounts.SearchAsync("borealis");
        Assert.Equal(1, await accounts.Rows.CountAsync());
        Assert.Contains("Aurora Borealis Logistics", await accounts.Rows.First.InnerTextAsync(), StringComparison.Ordinal);
        await accounts.ScreenshotAsync("accounts-search");

        // The browser cookie authenticates the API as the same person.
        var me = await page.APIRequest.GetAsync("/api/v1/me");
        Assert.Equal(200, me.Status);
        Assert.Equal("Avery Brooks", JsonDocument.Parse(await me.TextAsync()).RootElement.GetProperty("displayName").GetString());

        // Someone in the South team: not in the list, not in search, not by address.
        var south = await NewPageAsync();
        var southAccounts = await new LoginPage(south).LogInAsync("am3@steward.demo");
        await southAccounts.SearchAsync("borealis", expectMatches: false);
        Assert.Equal(0, await southAccounts.Rows.CountAsync());

        await south.GotoAsync($"/accounts/{accountId}");
        await south.GetByTestId("not-found").WaitForAsync();
        Assert.Equal(0, await south.GetByText("Aurora Borealis").CountAsync());
        var api = await south.APIRequest.GetAsync($"/api/v1/accounts/{accountId}");
        Assert.Equal(404, api.Status);
        await new AccountsPage(south).ScreenshotAsync("foreign-account");
    });

    [Fact]
    public Task Invalid_input_shows_messages_next_to_the_fields_and_saves_nothing() => JourneyAsync("validation", async () =>
    {
        var page = await NewPageAsync();
        var accounts = await new LoginPage(page).LogInAsync("am@steward.demo");
        var form = await accounts.NewAccountAsync();
        await form.WaitUntilInteractiveAsync();
        await page.Locator("input[data-testid=account-name], [data-testid=account-name] input").First.FillAsync("");
        await page.GetByLabel("Website").FillAsync("not a website");
        await page.GetByLabel("Currency").FillAsync("eu");
        await form.SaveAsync();

        await page.GetByText("Name is required.").WaitForAsync();
        await page.GetByText("Website must be a web address like example.com or https://example.com.").WaitForAsync();
        await page.GetByText("Currency must be a three-letter ISO code such as EUR or USD.").WaitForAsync();
        Assert.EndsWith("/accounts/new", page.Url, StringComparison.Ordinal);
        await form.ScreenshotAsync("account-validation");
    });
}
