using Microsoft.Playwright;

namespace Steward.E2E.Pages;

/// <summary>What every page object needs: the page, and waiting until Blazor's circuit is live.</summary>
public abstract class StewardPage(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>Prerendered buttons do nothing until the circuit connects; the layout marks that moment.</summary>
    public async Task WaitUntilInteractiveAsync()
    {
        try
        {
            await Page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        }
        catch (TimeoutException)
        {
            await ScreenshotAsync("not-interactive");
            await File.WriteAllTextAsync(Infrastructure.Browser.ScreenshotPath("not-interactive") + ".html", await Page.ContentAsync());
            throw;
        }
    }

    protected ILocator TestId(string id) => Page.GetByTestId(id);

    /// <summary>MudBlazor puts data-testid on the input itself or on its wrapper, depending on the component.</summary>
    protected ILocator Input(string testId) => Page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input").First;

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Infrastructure.Browser.ScreenshotPath(name), FullPage = true });
}

public sealed class LoginPage(IPage page) : StewardPage(page)
{
    public async Task<AccountsPage> LogInAsync(string email, string password = "Steward-demo-1")
    {
        // Signing in lands on My day unless told otherwise; these journeys start from the accounts list.
        await Page.GotoAsync("/Account/Login?ReturnUrl=%2Faccounts");
        await Page.Locator("#Input\\.Email").FillAsync(email);
        await Page.Locator("#Input\\.Password").FillAsync(password);
        await TestId("login-submit").ClickAsync();
        await Page.WaitForURLAsync("**/accounts");
        var accounts = new AccountsPage(Page);
        await accounts.WaitUntilInteractiveAsync();
        return accounts;
    }
}
