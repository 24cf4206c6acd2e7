using Microsoft.Extensions.Caching.Memory;
using Steward.Infrastructure.Access;

namespace Steward.Features.Portfolio;

/// <summary>
/// Keeps each viewer's portfolio summary until something it is computed from changes. The
/// summary aggregates the whole visible portfolio (100,000 accounts: a few hundred milliseconds),
/// while what it reads changes far less often than people open the page.
/// </summary>
/// <remarks>
/// Entries are keyed by who is looking (their own user id: a manager's view differs from their
/// colleague's), the filter, and <see cref="PortfolioChanges.Version"/>, which every save of
/// accounts, scores, account teams, users, teams or settings moves. Writes that bypass this process
/// (another instance on the same PostgreSQL, SQL by hand) are picked up when the entry expires.
/// </remarks>
public sealed class PortfolioSummaryCache(PortfolioChanges changes, TimeProvider clock)
{
    /// <summary>How stale a summary can be after a write this process did not see.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private const int MaxEntries = 500;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries, Clock = new SystemClockAdapter(clock) });

    private sealed record Key(string Viewer, PortfolioFilter Filter, long Version);

    public async Task<PortfolioSummary> GetOrComputeAsync(Viewer viewer, PortfolioFilter filter, Func<Task<PortfolioSummary>> compute)
    {
        // Captured before computing: if a change lands meanwhile, this result is filed under the
        // old version and the next read computes afresh.
        var key = new Key(viewer.SeesAll ? "*" : viewer.UserId ?? "", filter, changes.Version);
        if (_entries.TryGetValue(key, out PortfolioSummary? cached) && cached is not null) return cached;
        var summary = await compute();
        _entries.Set(key, summary, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return summary;
    }

    /// <summary>MemoryCache reads time through ISystemClock; this feeds it the injected TimeProvider.</summary>
    private sealed class SystemClockAdapter(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
}
