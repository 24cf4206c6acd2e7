using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Interactions;
using Steward.Features.Tasks;

namespace Steward.Features.Calendar;

/// <summary>One entry of a person's calendar: a planned or past interaction, or a task on its due day.</summary>
public sealed record CalendarItem(
    string Source, int Id, int AccountId, string AccountName, string Title, DateTime Start, DateTime End, bool AllDay,
    InteractionKind? Kind, MeetingType? MeetingType, string? Location, string? Description, TaskState? TaskState, TaskPriority? Priority);

/// <summary>A person's meetings (owned or attended) and tasks (assigned) in a window, within what they may see.</summary>
public sealed class CalendarQueries(IDbContextFactory<StewardDbContext> dbFactory)
{
    public const int MaxItems = 2000;

    public async Task<IReadOnlyList<CalendarItem>> ForUserAsync(string userId, DateTime from, DateTime to, bool includeClosedTasks = true, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var interactions = await db.Set<Interaction>().AsNoTracking()
            .Where(i => i.Kind != InteractionKind.Note && i.StartsAt >= from && i.StartsAt < to
                && (i.OwnerId == userId || i.Participants.Any(p => p.UserId == userId)))
            .OrderBy(i => i.StartsAt).Take(MaxItems)
            .Select(i => new { i.Id, i.AccountId, AccountName = i.Account!.Name, i.Subject, i.StartsAt, i.DurationMinutes, i.Kind, i.MeetingType, i.Location, i.Agenda, i.Outcome })
            .ToListAsync(ct);

        var fromDay = DateOnly.FromDateTime(from);
        var toDay = DateOnly.FromDateTime(to);
        var taskQuery = db.Set<TaskItem>().AsNoTracking().Where(t => t.AssigneeId == userId && t.DueDate != null && t.DueDate >= fromDay && t.DueDate <= toDay);
        taskQuery = includeClosedTasks ? taskQuery.Where(t => t.State != TaskState.Cancelled) : taskQuery.Where(t => t.State == TaskState.Open);
        var tasks = await taskQuery.OrderBy(t => t.DueDate).Take(MaxItems)
            .Select(t => new { t.Id, t.AccountId, AccountName = t.Account!.Name, t.Title, t.Description, t.DueDate, t.State, t.Priority })
            .ToListAsync(ct);

        var items = interactions.Select(i => new CalendarItem("interaction", i.Id, i.AccountId, i.AccountName, i.Subject, i.StartsAt,
                i.StartsAt.AddMinutes(i.DurationMinutes ?? 30), false, i.Kind, i.MeetingType, i.Location, i.Outcome ?? i.Agenda, null, null))
            .Concat(tasks.Select(t =>
            {
                var day = t.DueDate!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                return new CalendarItem("task", t.Id, t.AccountId, t.AccountName, t.Title, day, day.AddDays(1), true, null, null, null, t.Description, t.State, t.Priority);
            }));
        return items.OrderBy(i => i.Start).ThenBy(i => i.AllDay ? 0 : 1).ToList();
    }
}
