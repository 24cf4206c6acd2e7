using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Revenue;

namespace Steward.Features.Import.Importers;

/// <summary>
/// Merges a batch's revenue totals into the revenue lines, in the batch's transaction:
/// new lines are bulk-inserted (COPY on PostgreSQL, the same path as a raw load), lines this
/// import meets for the first time are replaced by the file's figures, and lines it already wrote
/// in an earlier batch get the new rows added — so one month and product split across batches
/// still adds up, and a resumed import carries on where it stopped.
/// </summary>
public static class RevenueMerge
{
    private static readonly string[] NewLineProperties =
    [
        nameof(RevenueLine.AccountId), nameof(RevenueLine.Period), nameof(RevenueLine.ProductKey), nameof(RevenueLine.Product),
        nameof(RevenueLine.Amount), nameof(RevenueLine.Currency), nameof(RevenueLine.Margin), nameof(RevenueLine.CreatedByImportId),
    ];

    private static readonly string[] ValueProperties =
    [
        nameof(RevenueLine.Id), nameof(RevenueLine.Amount), nameof(RevenueLine.Currency), nameof(RevenueLine.Margin), nameof(RevenueLine.Product),
    ];

    private static readonly string[] BeforeProperties =
    [
        nameof(RevenueLineBefore.JobId), nameof(RevenueLineBefore.LineId), nameof(RevenueLineBefore.Amount),
        nameof(RevenueLineBefore.Currency), nameof(RevenueLineBefore.Margin),
    ];

    /// <summary>
    /// Writes the totals and counts what it did on the batch. Created is final; updated and
    /// unchanged are settled by <see cref="FinishAsync"/>, when the last batch has been added.
    /// </summary>
    public static async Task ApplyAsync(StewardDbContext db, ImportBatch batch, IReadOnlyDictionary<RevenueKey, RevenueTotal> totals, CancellationToken ct)
    {
        var jobId = batch.Job.Id;
        var newLines = BulkTable.For<RevenueLine>(db, NewLineProperties);
        var toMatch = totals.ToList();
        if (!db.Database.IsNpgsql())
        {
            // SQLite: insert first, skipping taken keys; only those are looked up.
            var rows = toMatch.Select(t => NewLine(t.Key, t.Value, jobId)).ToList();
            var inserted = await BulkWriter.InsertUnlessTakenAsync(db, newLines, rows, ct);
            batch.Created += inserted.Count(i => i);
            toMatch = [.. toMatch.Where((_, i) => !inserted[i])];
        }
        var stored = await StoredRevenueLines.FindAsync(db, jobId, [.. toMatch.Select(t => t.Key)], ct);
        var created = new List<object?[]>();
        var firstSeen = new List<object?[]>();
        var changed = new List<object?[]>();
        foreach (var (key, total) in toMatch)
        {
            if (!stored.TryGetValue(key, out var line))
            {
                created.Add(NewLine(key, total, jobId));
                batch.Created++;
                continue;
            }
            if (line.WrittenByThisImport) total.Add(line);
            var differs = total.Differs(line.Amount, line.Currency, line.Margin);
            if (!line.WrittenByThisImport)
            {
                firstSeen.Add([jobId, line.Id, line.Amount, line.Currency, line.Margin]);
                if (differs) batch.Updated++;
                else batch.Unchanged++;
            }
            if (differs) changed.Add([line.Id, total.RoundedAmount, total.Currency, total.Margin, total.Product]);
        }
        await BulkWriter.InsertAsync(db, newLines, created, ct);
        await BulkWriter.InsertAsync(db, BulkTable.For<RevenueLineBefore>(db, BeforeProperties), firstSeen, ct);
        await BulkWriter.UpdateAsync(db, BulkTable.For<RevenueLine>(db, ValueProperties), changed, ct);
    }

    private static object?[] NewLine(RevenueKey key, RevenueTotal total, int jobId) =>
        [key.AccountId, key.Period, key.ProductKey, total.Product, total.RoundedAmount, total.Currency, total.Margin, jobId];

    /// <summary>
    /// Once every batch is in: how many of the lines that existed before the import it changed,
    /// and how many it left as they were (a month split across batches is only known when all of
    /// it has been added). Then forgets what the lines were.
    /// </summary>
    public static async Task<(int Changed, int Unchanged)> FinishAsync(StewardDbContext db, int jobId, CancellationToken ct)
    {
        var lines = db.Model.FindEntityType(typeof(RevenueLine))!.GetTableName();
        var before = db.Model.FindEntityType(typeof(RevenueLineBefore))!.GetTableName();
        // Table names come from the EF model and the job id is a parameter: nothing here comes from the file.
        var countSql = $$"""
            SELECT COUNT(*) AS "Lines",
                   COALESCE(SUM(CASE WHEN ABS(r."Amount" - b."Amount") > 0.005 OR r."Currency" <> b."Currency"
                        OR (r."Margin" IS NULL) <> (b."Margin" IS NULL) OR ABS(COALESCE(r."Margin", 0) - COALESCE(b."Margin", 0)) > 0.00005
                        THEN 1 ELSE 0 END), 0) AS "Changed"
            FROM "{{before}}" b JOIN "{{lines}}" r ON r."Id" = b."LineId"
            WHERE b."JobId" = {0}
            """;
        var counts = await db.Database.SqlQueryRaw<BeforeCounts>(countSql, jobId).SingleAsync(ct);
        await ForgetAsync(db, jobId, ct);
        return ((int)counts.Changed, (int)(counts.Lines - counts.Changed));
    }

    /// <summary>Drops what an import kept about the lines before it (when it completes, or is removed).</summary>
    public static Task<int> ForgetAsync(StewardDbContext db, int jobId, CancellationToken ct) =>
        db.Set<RevenueLineBefore>().Where(b => b.JobId == jobId).ExecuteDeleteAsync(ct);

    private sealed class BeforeCounts
    {
        public long Lines { get; init; }
        public long Changed { get; init; }
    }
}
