using Steward.Features.Cadence;
using Steward.Features.Calendar;
using Steward.Features.Tasks;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;

namespace Steward.Features.MyDay;

/// <summary>The signed-in person's day: what is due, what is on the calendar, whom to touch.</summary>
public sealed record MyDaySummary(
    DateOnly Today,
    IReadOnlyList<TaskDto> TasksDue,
    int TasksDueTotal,
    int TasksOverdue,
    IReadOnlyList<CalendarItem> Meetings,
    IReadOnlyList<CadenceDue> TouchesDue,
    int TouchesDueTotal);

public sealed class MyDayQueries(TaskService tasks, CalendarQueries calendar, CadenceService cadence, Viewer viewer, TimeProvider clock)
{
    public const int ListSize = 25;

    public async Task<MyDaySummary> ForViewerAsync(CancellationToken ct = default)
    {
        var me = viewer.UserId ?? throw new ForbiddenException("Sign in to see your day.");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var start = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var due = await tasks.ListAsync(new TaskListQuery { AssigneeId = me, DueBy = today, PageSize = ListSize }, ct);
        var overdue = await tasks.ListAsync(new TaskListQuery { AssigneeId = me, Overdue = true, PageSize = 1 }, ct);
        var meetings = (await calendar.ForUserAsync(me, start, start.AddDays(1), ct: ct)).Where(i => !i.AllDay).ToList();
        var touches = await cadence.DueAsync(new CadenceDueQuery { OwnerId = me, DueBy = today, PageSize = ListSize }, ct);
        return new MyDaySummary(today, due.Items, due.Total, overdue.Total, meetings, touches.Items, touches.Total);
    }
}
