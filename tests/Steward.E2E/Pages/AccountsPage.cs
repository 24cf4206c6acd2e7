using Microsoft.Playwright;

namespace Steward.E2E.Pages;

public sealed class AccountsPage(IPage page) : StewardPage(page)
{
    public ILocator Rows => Page.Locator("[data-testid=accounts-table] tbody tr.mud-table-row");

    public async Task<AccountsPage> OpenAsync()
    {
        await Page.GotoAsync("/accounts");
        await WaitUntilInteractiveAsync();
        return this;
    }

    public async Task<AccountFormPage> NewAccountAsync()
    {
        await TestId("new-account").ClickAsync();
        await Page.WaitForURLAsync("**/accounts/new");
        return new AccountFormPage(Page);
    }

    /// <summary>
    /// Searches and waits until the table shows the result: rows that all match, or (when none
    /// are expected) the empty message. An empty table alone proves nothing: it is also empty
    /// before the first page has loaded.
    /// </summary>
    public async Task SearchAsync(string text, bool expectMatches = true)
    {
        await Input("account-search").FillAsync(text);
        if (!expectMatches)
        {
            await Page.GetByText("No accounts match").WaitForAsync();
            return;
        }
        await Page.WaitForFunctionAsync(
            "([text]) => { const rows = [...document.querySelectorAll('[data-testid=accounts-table] tbody tr.mud-table-row')]; " +
            "return rows.length > 0 && rows.every(r => r.innerText.toLowerCase().includes(text.toLowerCase())); }",
            new object[] { text });
    }
}

public sealed class AccountFormPage(IPage page) : StewardPage(page)
{
    public async Task FillAsync(string name, string? sector = null)
    {
        await Input("account-name").FillAsync(name);
        if (sector is not null)
        {
            await Input("account-sector").FillAsync(sector);
            await Page.Keyboard.PressAsync("Escape");
        }
    }

    public Task SaveAsync() => TestId("save-account").ClickAsync();

    public async Task<AccountDetailPage> SaveAndOpenAsync()
    {
        await SaveAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/accounts/\d+$"));
        var detail = new AccountDetailPage(Page);
        await detail.Title.WaitForAsync();
        return detail;
    }

    /// <summary>The validation message MudBlazor shows under a field.</summary>
    public ILocator ErrorTexts => Page.Locator(".mud-input-helper-text.mud-input-error, .mud-input-error .mud-input-helper-text");
}

public sealed class AccountDetailPage(IPage page) : StewardPage(page)
{
    public ILocator Title => TestId("account-title");

    public int Id => int.Parse(new Uri(Page.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);

    public async Task AddContactAsync(string first, string last, string email, string title)
    {
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Contacts" }).ClickAsync();
        await TestId("add-contact").ClickAsync();
        await Input("contact-first-name").FillAsync(first);
        await Input("contact-last-name").FillAsync(last);
        await Input("contact-title").FillAsync(title);
        await Input("contact-email").FillAsync(email);
        await TestId("save-contact").ClickAsync();
        await Page.Locator("[data-testid=contacts-table] tbody tr", new() { HasText = $"{first} {last}" }).WaitForAsync();
    }

    public ILocator ContactRows => Page.Locator("[data-testid=contacts-table] tbody tr.mud-table-row");
}
