using Microsoft.EntityFrameworkCore;

namespace Steward.Data;

/// <summary>Settings for the few statements that work on many rows at once: imports and scoring passes.</summary>
public static class BulkWork
{
    /// <summary>Long enough for a million-row merge on a small server; a web request never waits on it.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Lets PostgreSQL group and sort a large merge in memory for the rest of the current
    /// transaction instead of spilling to disk with its 4 MB default. SQLite needs nothing.
    /// </summary>
    public static async Task AllowLargeSortsAsync(StewardDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("SET LOCAL work_mem = '256MB'", ct);
    }

    /// <summary>
    /// Runs a batch statement that joins a few thousand keys to a large table with index lookups
    /// only. PostgreSQL plans from statistics that lag behind a table an import is filling: just
    /// after a TRUNCATE it takes the table for empty and may scan it once per key (a batch then
    /// takes minutes instead of milliseconds). Ruling the other plans out inflates their costs, so
    /// JIT compilation goes too (it would take longer than the lookups). The settings hold for the
    /// statement only.
    /// SQLite needs nothing: it looks keys up in the index when the query names them.
    /// </summary>
    public static async Task<T> WithIndexLookupsAsync<T>(StewardDbContext db, Func<Task<T>> statement, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return await statement();
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; SET LOCAL jit = off", ct);
        var result = await statement();
        await db.Database.ExecuteSqlRawAsync("RESET enable_seqscan; RESET enable_hashjoin; RESET enable_mergejoin; RESET jit", ct);
        return result;
    }
}
