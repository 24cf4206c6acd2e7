using Microsoft.EntityFrameworkCore;

namespace Steward.Data;

/// <summary>Settings for the few statements that work on a whole table at once: import merges and scoring passes.</summary>
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
}
