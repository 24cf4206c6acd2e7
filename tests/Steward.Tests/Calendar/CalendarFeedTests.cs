using System.Net;
using System.Net.Http.Json;
using Steward.Features.Calendar;
using Steward.Features.Interactions;
using Steward.Features.Tasks;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Calendar;

public sealed class CalendarFeedTests : ApiTest
{
    [Fact]
    public async Task The_feed_is_valid_RFC_5545_with_meetings_as_events_and_tasks_as_todos()
    {
        var am = await As(People.AmNorth);
        var manager = await As(People.ManagerNorth);
        var south = await As(People.AmSouth);
        var account = await CreateAccountAsync(am, "Nu Networks");
        var meeting = await ReadAsync<InteractionDto>(await am.PostAsJsonAsync("/api/v1/interactions", new
        {
            accountId = account.Id,
            kind = "Meeting",
            meetingType = "Qbr",
            channel = "InPerson",
            startsAt = new DateTime(2026, 11, 17, 14, 0, 0, DateTimeKind.Utc),
            durationMinutes = 90,
            subject = "Überprüfung; prices, discounts — Q4 🌍",
            location = "Nu HQ, Room 4; 2nd floor",
            agenda = string.Concat(Enumerable.Repeat("Review the rollout, the savings and the renewal terms. ", 6)),
        }, Json), HttpStatusCode.Created);
        var task = await ReadAsync<TaskDto>(await am.PostAsJsonAsync("/api/v1/tasks", new { accountId = account.Id, title = "Send the deck", dueDate = "2026-11-20", priority = "High" }, Json), HttpStatusCode.Created);
        var invited = await ReadAsync<InteractionDto>(await manager.PostAsJsonAsync("/api/v1/interactions", new
        {
            accountId = account.Id,
            kind = "Call",
            channel = "Video",
            startsAt = new DateTime(2026, 11, 18, 9, 0, 0, DateTimeKind.Utc),
            subject = "Sponsor call",
            userIds = new[] { await App.UserIdAsync(People.AmNorth) },
        }, Json), HttpStatusCode.Created);
        var southAccount = await CreateAccountAsync(south, "Xi Foreign");
        await ReadAsync<InteractionDto>(await south.PostAsJsonAsync("/api/v1/interactions", new { accountId = southAccount.Id, kind = "Call", channel = "Phone", startsAt = new DateTime(2026, 11, 17, 8, 0, 0, DateTimeKind.Utc), subject = "South only" }, Json), HttpStatusCode.Created);

        var link = await ReadAsync<CalendarFeedLink>(await am.PostAsync("/api/v1/calendar/feed", null));
        Assert.StartsWith("http://localhost/api/v1/calendar/feed/cal_", link.Path);
        var anonymous = App.CreateClient();
        var response = await anonymous.GetAsync(link.Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();

        var calendar = Rfc5545.Parse(text);
        var events = calendar.Children.Where(c => c.Name == "VEVENT").ToList();
        Assert.Equal([$"interaction-{meeting.Id}@steward", $"interaction-{invited.Id}@steward"], events.Select(e => e["UID"]));
        var qbr = events[0];
        Assert.Equal("20261117T140000Z", qbr["DTSTART"]);
        Assert.Equal("20261117T153000Z", qbr["DTEND"]);
        Assert.Equal(@"Überprüfung\; prices\, discounts — Q4 🌍 (Nu Networks)", qbr["SUMMARY"]);
        Assert.Equal(@"Nu HQ\, Room 4\; 2nd floor", qbr["LOCATION"]);
        Assert.Contains("20261116T093000Z", qbr["DTSTAMP"]);
        var todo = Assert.Single(calendar.Children, c => c.Name == "VTODO");
        Assert.Equal($"task-{task.Id}@steward", todo["UID"]);
        Assert.Equal("20261120", todo["DUE"]);
        Assert.Equal("DATE", todo.Get("DUE")!.Parameters["VALUE"]);
        Assert.Equal("NEEDS-ACTION", todo["STATUS"]);
        Assert.DoesNotContain("South only", text);

        // ical.js (Thunderbird's parser) reads it as a calendar app would.
        var parsed = await IcalJs.ParseAsync(text);
        Assert.Equal("Steward: Avery Brooks", parsed.GetProperty("name").GetString());
        var jsEvents = parsed.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(2, jsEvents.Count);
        Assert.Equal("Überprüfung; prices, discounts — Q4 🌍 (Nu Networks)", jsEvents[0].GetProperty("summary").GetString());
        Assert.Equal("Nu HQ, Room 4; 2nd floor", jsEvents[0].GetProperty("location").GetString());
        Assert.Equal("2026-11-17T14:00:00.000Z", jsEvents[0].GetProperty("start").GetString());
        Assert.Equal("2026-11-17T15:30:00.000Z", jsEvents[0].GetProperty("end").GetString());
        Assert.StartsWith(string.Concat(Enumerable.Repeat("Review the rollout, the savings and the renewal terms. ", 6)).Trim(), jsEvents[0].GetProperty("description").GetString());
        var jsTodo = Assert.Single(parsed.GetProperty("todos").EnumerateArray());
        Assert.Equal(("Send the deck (Nu Networks)", "2026-11-20", "NEEDS-ACTION"), (jsTodo.GetProperty("summary").GetString(), jsTodo.GetProperty("due").GetString(), jsTodo.GetProperty("status").GetString()));

        // The writer's own library reads it back to the same meaning, too.
        var reread = Ical.Net.Calendar.Load(text)!;
        Assert.Equal(2, reread.Events.Count);
        Assert.Equal(new DateTime(2026, 11, 17, 14, 0, 0, DateTimeKind.Utc), reread.Events.First().DtStart!.AsUtc);

        // For apps that ignore VTODO (Google Calendar): tasks as all-day events.
        var allDayText = await anonymous.GetStringAsync(link.Path + "?tasksAsEvents=true");
        var allDay = Rfc5545.Parse(allDayText);
        var jsAllDay = (await IcalJs.ParseAsync(allDayText)).GetProperty("events").EnumerateArray().Single(e => e.GetProperty("uid").GetString() == $"task-{task.Id}@steward");
        Assert.True(jsAllDay.GetProperty("allDay").GetBoolean());
        var taskEvent = Assert.Single(allDay.Children, c => c["UID"] == $"task-{task.Id}@steward");
        Assert.Equal("VEVENT", taskEvent.Name);
        Assert.Equal(("20261120", "20261121"), (taskEvent["DTSTART"], taskEvent["DTEND"]));
    }

    [Fact]
    public async Task The_secret_link_is_stored_hashed_can_be_replaced_and_revoked()
    {
        var am = await As(People.AmNorth);
        var anonymous = App.CreateClient();
        Assert.False((await ReadAsync<CalendarFeedStatus>(await am.GetAsync("/api/v1/calendar/feed"))).Active);

        var first = await ReadAsync<CalendarFeedLink>(await am.PostAsync("/api/v1/calendar/feed", null));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(first.Path)).StatusCode);
        var status = await ReadAsync<CalendarFeedStatus>(await am.GetAsync("/api/v1/calendar/feed"));
        Assert.True(status.Active);
        Assert.Equal(first.Secret[..10], status.Prefix);
        Assert.DoesNotContain(first.Secret, await (await am.GetAsync("/api/v1/calendar/feed")).Content.ReadAsStringAsync());

        var second = await ReadAsync<CalendarFeedLink>(await am.PostAsync("/api/v1/calendar/feed", null));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first.Path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second.Path)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await am.DeleteAsync("/api/v1/calendar/feed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second.Path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/calendar/feed/cal_0000000000000000000000000000000000000000000000.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/calendar/feed")).StatusCode);
    }
}
