using System.Text.Json;
using Microsoft.Playwright;
using Steward.E2E.Infrastructure;
using Steward.E2E.Pages;

namespace Steward.E2E.Journeys;

public sealed class RelationshipJourneyTests : BrowserTest
{
    [Fact]
    public Task On_a_key_account_the_map_shows_who_decides_and_a_relationship_is_edited_on_it() => JourneyAsync("relationships", async () =>
    {
        var page = await NewPageAsync();
        await new LoginPage(page).LogInAsync("am@steward.demo");

        // The demo's large key account: the one of Avery's key accounts with the most stakeholders.
        var me = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/v1/me")).TextAsync()).RootElement.GetProperty("id").GetString()!;
        var keyAccounts = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/v1/accounts?tier=Key&ownerId={me}&pageSize=50")).TextAsync())
            .RootElement.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ToList();
        var sizes = new Dictionary<int, JsonElement>();
        foreach (var id in keyAccounts)
        {
            sizes[id] = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/v1/accounts/{id}/stakeholders")).TextAsync()).RootElement.Clone();
        }
        var (accountId, stakeholders) = sizes.OrderByDescending(s => s.Value.GetArrayLength()).First();
        Assert.True(stakeholders.GetArrayLength() >= 40, $"the large demo account has {stakeholders.GetArrayLength()} stakeholders");

        var relationships = await new RelationshipsPage(page).OpenAsync(accountId);
        Assert.Equal(stakeholders.GetArrayLength(), await page.Locator("[data-testid^=map-card-]").CountAsync());
        Assert.True(await page.Locator("[data-testid^=gap-]").CountAsync() > 0, "the demo account has relationship gaps");
        await relationships.ScreenshotAsync("relationships-tab");

        // An uncovered decision maker: Avery gets to know them from their card, and the gap closes.
        var decider = stakeholders.EnumerateArray().First(s =>
            s.GetProperty("isActive").GetBoolean()
            && s.GetProperty("role").ValueKind == JsonValueKind.String && s.GetProperty("role").GetString() is "DecisionMaker" or "EconomicBuyer"
            && s.GetProperty("relationships").EnumerateArray().All(r => r.GetProperty("userId").GetString() != me && r.GetProperty("strength").GetString() is "None" or "Acquainted"));
        var deciderId = decider.GetProperty("contactId").GetInt32();
        await relationships.Gap($"decision-maker:{deciderId}").WaitForAsync();
        await relationships.AddRelationshipFromCardAsync(deciderId, "Avery Brooks");
        await relationships.Link(deciderId, me).WaitForAsync();
        await relationships.Gap($"decision-maker:{deciderId}").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // Edit that relationship on the map itself: it becomes a trusted advisor relationship.
        await relationships.ChangeRelationshipOnMapAsync(deciderId, me, "Trusted advisor");
        await Assertions.Expect(relationships.CoverageCell(deciderId, me)).ToContainTextAsync("Trusted");
        await Assertions.Expect(relationships.Marker(deciderId, me)).ToContainTextAsync("T");

        // Another gap becomes a task in one click, and is not offered twice.
        var taskButton = page.Locator("[data-testid^=gap-task-]").First;
        var gapId = (await taskButton.GetAttributeAsync("data-testid"))!["gap-task-".Length..];
        await taskButton.ClickAsync();
        await relationships.Gap(gapId).GetByText("Task open for").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId($"gap-task-{gapId}").CountAsync());

        // Export the picture for a slide.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-svg").ClickAsync());
        Assert.EndsWith(".svg", download.SuggestedFilename, StringComparison.Ordinal);
        var svg = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("<?xml", svg, StringComparison.Ordinal);
        Assert.Contains(decider.GetProperty("name").GetString()!, svg, StringComparison.Ordinal);
        var png = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-png").ClickAsync());
        Assert.EndsWith(".png", png.SuggestedFilename, StringComparison.Ordinal);
        Assert.True(new FileInfo((await png.PathAsync())!).Length > 10_000);

        // Focus on Avery's lines, zoom in on the bigger map, and look at it.
        await page.GetByTestId($"map-person-{me}").ClickAsync();
        await page.GetByTestId("map-focus").WaitForAsync();
        await page.GetByTestId("map-wide").ClickAsync();
        await page.WaitForTimeoutAsync(300);
        await relationships.MapScreenshotAsync("relationship-map-focused");
        await page.GetByTestId("map-focus").Locator("button, .mud-chip-close-button").First.ClickAsync();
        await relationships.MapScreenshotAsync("relationship-map");
        await relationships.ScreenshotAsync("relationships-after-edit");

        // The portfolio view lists the accounts with the most serious gaps.
        await page.GotoAsync("/relationships");
        await page.Locator("[data-testid=gaps-table] tbody tr.mud-table-row").First.WaitForAsync();
        await new AccountsPage(page).ScreenshotAsync("relationship-gaps");
    });
}
