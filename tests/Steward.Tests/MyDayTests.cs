using System.Net;
using System.Net.Http.Json;
using Steward.Features.Interactions;
using Steward.Features.MyDay;
using Steward.Features.Tasks;
using Steward.Tests.Infrastructure;

namespace Steward.Tests;

public sealed class MyDayTests : ApiTest
{
    [Fact]
    public async Task My_day_shows_my_due_tasks_todays_meetings_and_touches_due_only()
    {
        var am = await As(People.AmNorth);
        var am2 = await As(People.Am2North);
        var account = await CreateAccountAsync(am, "Lambda Labs", b => b["tier"] = "Growth");
        var other = await CreateAccountAsync(am2, "Mu Mills", b => b["tier"] = "Growth");
        await am.PostAsJsonAsync("/api/v1/tasks", new { accountId = account.Id, title = "Overdue thing", dueDate = "2026-11-12" }, Json);
        await am.PostAsJsonAsync("/api/v1/tasks", new { accountId = account.Id, title = "Today thing", dueDate = "2026-11-16" }, Json);
        await am.PostAsJsonAsync("/api/v1/tasks", new { accountId = account.Id, title = "Next week thing", dueDate = "2026-11-23" }, Json);
        await am2.PostAsJsonAsync("/api/v1/tasks", new { accountId = other.Id, title = "Not mine", dueDate = "2026-11-10" }, Json);
        await ReadAsync<InteractionDto>(await am.PostAsJsonAsync("/api/v1/interactions", new { accountId = account.Id, kind = "Meeting", meetingType = "Relationship", channel = "Video", startsAt = StewardApp.Now.UtcDateTime.AddHours(3), subject = "Lunch with the CFO" }, Json), HttpStatusCode.Created);
        await ReadAsync<InteractionDto>(await am.PostAsJsonAsync("/api/v1/interactions", new { accountId = account.Id, kind = "Call", channel = "Phone", startsAt = StewardApp.Now.UtcDateTime.AddDays(1), subject = "Tomorrow's call" }, Json), HttpStatusCode.Created);
        App.Clock.Advance(TimeSpan.FromHours(1));

        var day = await ReadAsync<MyDaySummary>(await am.GetAsync("/api/v1/me/day"));
        Assert.Equal(["Overdue thing", "Today thing"], day.TasksDue.Select(t => t.Title));
        Assert.Equal(1, day.TasksOverdue);
        Assert.Equal(["Lunch with the CFO"], day.Meetings.Select(m => m.Title));
        Assert.Empty(day.TouchesDue);

        App.Clock.Advance(TimeSpan.FromDays(31));
        day = await ReadAsync<MyDaySummary>(await am.GetAsync("/api/v1/me/day"));
        Assert.Equal(["Lambda Labs"], day.TouchesDue.Select(t => t.AccountName));
        Assert.Equal(3, day.TasksOverdue);
    }
}
