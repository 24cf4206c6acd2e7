using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Access;

namespace Steward.Features.Notifications;

public sealed record NotificationDto(long Id, string Title, string? Body, string? Link, DateTime CreatedAt, bool Read);

/// <summary>Sends in-app notifications and shows the viewer their own. Nobody reads anyone else's.</summary>
public sealed class NotificationService(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, TimeProvider clock)
{
    /// <summary>Queues a notification in <paramref name="db"/>; it is saved with the change that caused it.</summary>
    public void Notify(StewardDbContext db, string userId, string title, string? body = null, string? link = null) =>
        db.Add(new Notification { UserId = userId, Title = title, Body = body, Link = link, CreatedAt = clock.GetUtcNow().UtcDateTime });

    public async Task<IReadOnlyList<NotificationDto>> MineAsync(bool unreadOnly = false, int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == viewer.UserId);
        if (unreadOnly) mine = mine.Where(n => n.ReadAt == null);
        return await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take)
            .Select(n => new NotificationDto(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null)).ToListAsync(ct);
    }

    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Notification>().CountAsync(n => n.UserId == viewer.UserId && n.ReadAt == null, ct);
    }

    /// <summary>Marks the viewer's notifications read (all, or the one given).</summary>
    public async Task MarkReadAsync(long? id = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<Notification>()
            .Where(n => n.UserId == viewer.UserId && n.ReadAt == null && (id == null || n.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
