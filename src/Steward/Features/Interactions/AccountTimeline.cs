using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Tasks;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Interactions;

/// <summary>What a timeline entry comes from; the timeline filters on these.</summary>
public enum TimelineSource
{
    Interaction,
    Note,
    Task,
    Change,
}

/// <summary>
/// One thing that happened on an account. <see cref="Kind"/> is the finer kind (Meeting, Call,
/// Open, Done, StatusChanged, ScoreChanged…); <see cref="Id"/> is the source row's id.
/// </summary>
public sealed record TimelineEntry(TimelineSource Source, string Kind, long Id, DateTime At, string Title, string? Detail, string? ByName);

/// <summary>
/// The account timeline: interactions, notes, tasks and recorded changes (status, tier, owner,
/// archive, score) in one stream, newest first. Each source is queried for its newest
/// page×size rows only, then merged: exact paging without reading whole tables.
/// </summary>
public sealed class AccountTimeline(IDbContextFactory<StewardDbContext> dbFactory)
{
    public async Task<Page<TimelineEntry>> PageAsync(int accountId, IReadOnlyCollection<TimelineSource>? sources = null, int? page = null, int? pageSize = null, CancellationToken ct = default)
    {
        var (p, size) = Paging.Clamp(page, pageSize);
        var wanted = sources is { Count: > 0 } ? sources : Enum.GetValues<TimelineSource>();
        var take = p * size;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, ct)) throw new NotFoundException("Account", accountId);

        var total = 0;
        var merged = new List<TimelineEntry>();
        var wantInteractions = wanted.Contains(TimelineSource.Interaction);
        var wantNotes = wanted.Contains(TimelineSource.Note);
        if (wantInteractions || wantNotes)
        {
            var interactions = db.Set<Interaction>().AsNoTracking().Where(i => i.AccountId == accountId);
            if (!wantNotes) interactions = interactions.Where(i => i.Kind != InteractionKind.Note);
            if (!wantInteractions) interactions = interactions.Where(i => i.Kind == InteractionKind.Note);
            total += await interactions.CountAsync(ct);
            var rows = await interactions.OrderByDescending(i => i.StartsAt).ThenByDescending(i => i.Id).Take(take)
                .Select(i => new { i.Id, i.Kind, i.MeetingType, i.Channel, i.StartsAt, i.Subject, i.Outcome, Owner = i.Owner!.DisplayName })
                .ToListAsync(ct);
            merged.AddRange(rows.Select(i => new TimelineEntry(
                i.Kind == InteractionKind.Note ? TimelineSource.Note : TimelineSource.Interaction, i.Kind.ToString(), i.Id, i.StartsAt,
                i.Subject,
                string.Join(" · ", new[] { i.MeetingType?.Label(), i.Channel?.Label(), i.Outcome }.Where(s => !string.IsNullOrEmpty(s))),
                i.Owner)));
        }
        if (wanted.Contains(TimelineSource.Task))
        {
            var tasks = db.Set<TaskItem>().AsNoTracking().Where(t => t.AccountId == accountId);
            total += await tasks.CountAsync(ct);
            var rows = await tasks.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(take)
                .Select(t => new { t.Id, t.State, t.CreatedAt, t.Title, t.DueDate, Assignee = t.Assignee!.DisplayName })
                .ToListAsync(ct);
            merged.AddRange(rows.Select(t => new TimelineEntry(TimelineSource.Task, t.State.ToString(), t.Id, t.CreatedAt, t.Title,
                $"{t.State} · for {t.Assignee}" + (t.DueDate is { } due ? $" · due {due:d MMM yyyy}" : ""), null)));
        }
        if (wanted.Contains(TimelineSource.Change))
        {
            var changes = db.Set<AccountChange>().AsNoTracking().Where(c => c.AccountId == accountId);
            total += await changes.CountAsync(ct);
            var rows = await changes.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(take)
                .Select(c => new
                {
                    c.Id,
                    c.Kind,
                    c.At,
                    c.From,
                    c.To,
                    c.Reason,
                    By = c.ByUserId == null ? null : db.Users.Where(u => u.Id == c.ByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                })
                .ToListAsync(ct);
            merged.AddRange(rows.Select(c => new TimelineEntry(TimelineSource.Change, c.Kind.ToString(), c.Id, c.At, ChangeTitle(c.Kind, c.From, c.To), c.Reason, c.By)));
        }

        var items = merged.OrderByDescending(e => e.At).ThenBy(e => e.Source).ThenByDescending(e => e.Id).Skip((p - 1) * size).Take(size).ToList();
        return new Page<TimelineEntry>(items, p, size, total);
    }

    private static string ChangeTitle(AccountChangeKind kind, string? from, string? to) => kind switch
    {
        AccountChangeKind.Created => "Account created",
        AccountChangeKind.StatusChanged => $"Status changed from {from} to {to}",
        AccountChangeKind.TierChanged => $"Tier changed from {from} to {to}",
        AccountChangeKind.OwnerChanged => "Owner changed",
        AccountChangeKind.ParentChanged => "Parent account changed",
        AccountChangeKind.Archived => "Archived",
        AccountChangeKind.Restored => "Restored",
        AccountChangeKind.ScoreChanged => $"Score changed from {from ?? "none"} to {to}",
        _ => kind.ToString(),
    };
}
