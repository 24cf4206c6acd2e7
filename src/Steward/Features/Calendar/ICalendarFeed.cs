using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Steward.Features.Interactions;
using Steward.Features.Tasks;

namespace Steward.Features.Calendar;

/// <summary>
/// Writes a person's calendar as RFC 5545 iCalendar with Ical.Net: interactions as VEVENTs in UTC,
/// tasks as VTODOs with a DUE date (Thunderbird, Outlook and Apple show them as tasks) or, for
/// apps that ignore VTODO (Google Calendar), as all-day VEVENTs. UIDs are stable, so a refresh
/// updates entries instead of duplicating them.
/// </summary>
public static class ICalendarFeed
{
    /// <summary>How far back and ahead the feed reaches.</summary>
    public static readonly TimeSpan Past = TimeSpan.FromDays(90);
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(365);

    public static string Write(string ownerName, IEnumerable<CalendarItem> items, DateTime now, string baseUrl, bool tasksAsEvents)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Steward//Key account management//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", $"Steward: {ownerName}");
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        calendar.AddProperty("REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
        var stamp = new CalDateTime(now, "UTC");
        baseUrl = baseUrl.TrimEnd('/');

        foreach (var item in items)
        {
            if (item.Source == "interaction")
            {
                var e = new CalendarEvent
                {
                    Uid = $"interaction-{item.Id}@steward",
                    DtStamp = stamp,
                    DtStart = new CalDateTime(item.Start, "UTC"),
                    DtEnd = new CalDateTime(item.End, "UTC"),
                    Summary = $"{item.Title} ({item.AccountName})",
                    Description = Describe(item, baseUrl),
                    Location = item.Location,
                    Url = new Uri($"{baseUrl}/interactions/{item.Id}"),
                };
                e.Categories.Add(item.MeetingType?.Label() ?? item.Kind?.Label() ?? "Interaction");
                calendar.Events.Add(e);
            }
            else if (tasksAsEvents)
            {
                var day = DateOnly.FromDateTime(item.Start);
                var e = new CalendarEvent
                {
                    Uid = $"task-{item.Id}@steward",
                    DtStamp = stamp,
                    DtStart = new CalDateTime(day),
                    DtEnd = new CalDateTime(day.AddDays(1)),
                    Summary = (item.TaskState == TaskState.Done ? "✓ " : "Task: ") + $"{item.Title} ({item.AccountName})",
                    Description = Describe(item, baseUrl),
                    Transparency = "TRANSPARENT",
                    Url = new Uri($"{baseUrl}/tasks?task={item.Id}"),
                };
                calendar.Events.Add(e);
            }
            else
            {
                var todo = new Todo
                {
                    Uid = $"task-{item.Id}@steward",
                    DtStamp = stamp,
                    Due = new CalDateTime(DateOnly.FromDateTime(item.Start)),
                    Summary = $"{item.Title} ({item.AccountName})",
                    Description = Describe(item, baseUrl),
                    Status = item.TaskState == TaskState.Done ? "COMPLETED" : "NEEDS-ACTION",
                    Priority = item.Priority switch { TaskPriority.High => 1, TaskPriority.Low => 9, _ => 5 },
                    Url = new Uri($"{baseUrl}/tasks?task={item.Id}"),
                };
                calendar.Todos.Add(todo);
            }
        }
        return new CalendarSerializer(calendar).SerializeToString() ?? "";
    }

    private static string Describe(CalendarItem item, string baseUrl)
    {
        var link = item.Source == "interaction" ? $"{baseUrl}/interactions/{item.Id}" : $"{baseUrl}/accounts/{item.AccountId}";
        return string.IsNullOrWhiteSpace(item.Description) ? $"Account: {item.AccountName}\n{link}" : $"{item.Description}\n\nAccount: {item.AccountName}\n{link}";
    }
}
