using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Calendar;

public sealed record CalendarFeedStatus(bool Active, string? Prefix, DateTime? CreatedAt, DateTime? LastUsedAt);

/// <summary>The secret URL is in this response once and never again (only its hash is kept).</summary>
public sealed record CalendarFeedLink(string Path, string Secret, CalendarFeedStatus Status);

/// <summary>Issues, shows and revokes the viewer's personal calendar feed link; resolves a link to its person.</summary>
public sealed class CalendarFeedService(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, TimeProvider clock)
{
    private const string SecretPrefix = "cal_";
    public const string RoutePrefix = "/api/v1/calendar/feed/";

    public static string PathFor(string secret) => $"{RoutePrefix}{secret}.ics";

    public async Task<CalendarFeedStatus> StatusAsync(CancellationToken ct = default)
    {
        var userId = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.Set<CalendarFeedToken>().AsNoTracking().Where(t => t.UserId == userId && t.RevokedAt == null)
            .OrderByDescending(t => t.CreatedAt).FirstOrDefaultAsync(ct);
        return token is null ? new CalendarFeedStatus(false, null, null, null) : new CalendarFeedStatus(true, token.Prefix, token.CreatedAt, token.LastUsedAt);
    }

    /// <summary>A new secret link; any earlier link of the viewer stops working.</summary>
    public async Task<CalendarFeedLink> CreateAsync(CancellationToken ct = default)
    {
        var userId = Me();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RevokeAllAsync(db, userId, now, ct);
        var secret = SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var token = new CalendarFeedToken { UserId = userId, Hash = Hash(secret), Prefix = secret[..10], CreatedAt = now };
        db.Add(token);
        await db.SaveChangesAsync(ct);
        return new CalendarFeedLink(PathFor(secret), secret, new CalendarFeedStatus(true, token.Prefix, now, null));
    }

    public async Task RevokeAsync(CancellationToken ct = default)
    {
        var userId = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RevokeAllAsync(db, userId, clock.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>The user id the secret belongs to, or null when unknown or revoked (or the user is deactivated).</summary>
    public async Task<string?> ResolveAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100) return null;
        var hash = Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.Set<CalendarFeedToken>().Include(t => t.User).SingleOrDefaultAsync(t => t.Hash == hash, ct);
        if (token is null || token.RevokedAt is not null || token.User is not { IsActive: true }) return null;
        // Calendar apps poll every few minutes; record use at most hourly.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromHours(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return token.UserId;
    }

    private static Task RevokeAllAsync(StewardDbContext db, string userId, DateTime now, CancellationToken ct) =>
        db.Set<CalendarFeedToken>().Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);

    private string Me() => viewer.UserId ?? throw new ForbiddenException("Sign in to manage your calendar feed.");

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
