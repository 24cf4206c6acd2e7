using System.Text.Json;
using Microsoft.Playwright;
using Steward.E2E.Infrastructure;
using Steward.E2E.Pages;

namespace Steward.E2E.Journeys;

public sealed class EngagementJourneyTests : BrowserTest
{
    [Fact]
    public Task An_account_manager_logs_a_meeting_with_a_follow_up_and_finds_both_on_my_day() => JourneyAsync("engagement", async () =>
    {
        var page = await NewPageAsync();
        await new LoginPage(page).LogInAsync("am@steward.demo");
        var myDay = await new MyDayPage(page).OpenAsync();
        // The demo gives the morning something to do.
        await myDay.TaskTitles.First.WaitForAsync();
        await myDay.Meetings.Nth(1).WaitForAsync();
        await myDay.TouchesDue.First.WaitForAsync();
        await myDay.ScreenshotAsync("my-day");

        var me = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/v1/me")).TextAsync()).RootElement.GetProperty("id").GetString();
        var accounts = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/v1/accounts?ownerId={me}&tier=Key&pageSize=1")).TextAsync()).RootElement;
        var account = accounts.GetProperty("items")[0];
        var accountId = account.GetProperty("id").GetInt32();

        await page.GotoAsync($"/accounts/{accountId}");
        await myDay.WaitUntilInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Timeline" }).ClickAsync();
        await page.GetByTestId("timeline").WaitForAsync();
        await page.GetByTestId("log-interaction").ClickAsync();
        var dialog = new InteractionDialogPage(page);
        await dialog.ChooseAsync("interaction-kind", "Meeting");
        await dialog.ChooseAsync("interaction-meeting-type", "Expansion");
        await dialog.FillAsync("Steering meeting on the APAC pilot", "<script>window.__xss = 1</script>\n\n**Agreed** to run a pilot in Singapore.", "Pilot agreed");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await dialog.AddFollowUpAsync("Send the APAC pilot proposal", today);
        await dialog.ScreenshotAsync("log-meeting");
        await dialog.SaveAsync();
        await page.GetByTestId("timeline").GetByText("Steering meeting on the APAC pilot").WaitForAsync();
        await dialog.ScreenshotAsync("account-timeline");

        // The follow-up is a task due today and the meeting is on today's list.
        myDay = await new MyDayPage(page).OpenAsync();
        await myDay.TaskTitles.GetByText("Send the APAC pilot proposal").WaitForAsync();
        await myDay.Meetings.GetByText("Steering meeting on the APAC pilot").WaitForAsync();
        await myDay.ScreenshotAsync("my-day-after");

        // The note renders as Markdown and its script never ran.
        await myDay.Meetings.GetByText("Steering meeting on the APAC pilot").ClickAsync();
        var notes = page.GetByTestId("interaction-notes-view");
        await notes.Locator("strong", new() { HasText = "Agreed" }).WaitForAsync();
        Assert.Equal(0, await notes.Locator("script").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.Contains("Send the APAC pilot proposal", await page.GetByTestId("follow-up").First.InnerTextAsync(), StringComparison.Ordinal);
        await dialog.ScreenshotAsync("interaction");

        await page.GotoAsync("/cadence");
        await page.GetByTestId("cadence-due").Locator("tbody tr").First.WaitForAsync();
        await dialog.ScreenshotAsync("cadence");

        // Done from My day: it leaves the list.
        myDay = await new MyDayPage(page).OpenAsync();
        var row = page.Locator("[data-testid=my-day-tasks] tr", new() { HasText = "Send the APAC pilot proposal" });
        await row.GetByTestId("complete-task").ClickAsync();
        await myDay.TaskTitles.GetByText("Send the APAC pilot proposal").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    });

    [Fact]
    public Task The_calendar_shows_the_week_and_month_and_hands_out_a_feed_link() => JourneyAsync("calendar", async () =>
    {
        var page = await NewPageAsync();
        await new LoginPage(page).LogInAsync("am@steward.demo");
        await page.GotoAsync("/calendar");
        var calendar = new MyDayPage(page);
        await calendar.WaitUntilInteractiveAsync();
        await page.GetByTestId("calendar-week").WaitForAsync();
        await page.GetByTestId("calendar-item").Nth(1).WaitForAsync();
        await calendar.ScreenshotAsync("calendar-week");

        await page.GetByText("Month", new() { Exact = true }).ClickAsync();
        await page.GetByTestId("calendar-month").WaitForAsync();
        await calendar.ScreenshotAsync("calendar-month");

        await page.GetByTestId("create-feed").ClickAsync();
        var url = await page.Locator("[data-testid=calendar-feed-url] input, input[data-testid=calendar-feed-url]").First.InputValueAsync();
        Assert.Contains("/api/v1/calendar/feed/cal_", url, StringComparison.Ordinal);

        // A calendar app has no cookie: a fresh browser context reads the feed by its secret URL alone.
        var app = await NewPageAsync();
        var feed = await app.APIRequest.GetAsync(url);
        Assert.Equal(200, feed.Status);
        var ics = await feed.TextAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTODO", ics, StringComparison.Ordinal);

        await page.GetByTestId("revoke-feed").ClickAsync();
        await page.GetByTestId("create-feed").GetByText("Create a link").WaitForAsync();
        Assert.Equal(404, (await app.APIRequest.GetAsync(url)).Status);
    });
}
