using Microsoft.Playwright;

namespace Steward.E2E.Pages;

/// <summary>The account page's Relationships tab: the map, the gaps, the coverage matrix.</summary>
public sealed class RelationshipsPage(IPage page) : StewardPage(page)
{
    public ILocator Map => TestId("relationship-map");

    public async Task<RelationshipsPage> OpenAsync(int accountId)
    {
        await Page.GotoAsync($"/accounts/{accountId}");
        await WaitUntilInteractiveAsync();
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Relationships" }).ClickAsync();
        await Map.WaitForAsync();
        return this;
    }

    public ILocator Card(int contactId) => TestId($"map-card-{contactId}");

    public ILocator Link(int contactId, string userId) => TestId($"map-link-{contactId}-{userId}");

    public ILocator Marker(int contactId, string userId) => TestId($"map-marker-{contactId}-{userId}");

    public ILocator Gap(string gapId) => TestId($"gap-{gapId}");

    public ILocator CoverageCell(int contactId, string userId) => TestId($"coverage-cell-{contactId}-{userId}");

    /// <summary>Clicks a relationship's marker on the map and saves it at the given strength.</summary>
    public async Task ChangeRelationshipOnMapAsync(int contactId, string userId, string strength)
    {
        await Marker(contactId, userId).ClickAsync();
        var dialog = TestId("relationship-dialog");
        await dialog.WaitForAsync();
        await dialog.Locator("[data-testid=relationship-strength] button", new() { HasText = strength }).ClickAsync();
        await TestId("save-relationship").ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Opens a stakeholder's card and records that a colleague knows them.</summary>
    public async Task AddRelationshipFromCardAsync(int contactId, string colleagueName)
    {
        await Card(contactId).ClickAsync();
        var stakeholder = TestId("stakeholder-dialog");
        await stakeholder.WaitForAsync();
        await TestId("add-relationship").ClickAsync();
        var relationship = TestId("relationship-dialog");
        await relationship.WaitForAsync();
        await relationship.Locator("[data-testid=relationship-user]").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = colleagueName }).First.ClickAsync();
        // The choice reaches the server when the list has closed; saving earlier would send no colleague.
        await Page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Assertions.Expect(relationship.Locator("[data-testid=relationship-user]")).ToContainTextAsync(colleagueName);
        await TestId("save-relationship").ClickAsync();
        await relationship.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await stakeholder.Locator("[data-testid=stakeholder-relationships]", new() { HasText = colleagueName }).WaitForAsync();
        await TestId("save-stakeholder").ClickAsync();
        await stakeholder.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Screenshot of the map alone, zoomed to fit.</summary>
    public Task MapScreenshotAsync(string name) =>
        TestId("map-viewport").ScreenshotAsync(new LocatorScreenshotOptions { Path = Infrastructure.Browser.ScreenshotPath(name) });
}
