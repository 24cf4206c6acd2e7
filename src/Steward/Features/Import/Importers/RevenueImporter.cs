using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Import.Parsing;
using Steward.Features.Revenue;

namespace Steward.Features.Import.Importers;

/// <summary>
/// Monthly revenue (or won deals) into revenue lines. Rows are parsed, matched and staged batch by
/// batch; at the end one set-based merge sums them per account, month and product (so "Managed
/// Travel" and "Managed  Travel" add up), inserts new lines, updates changed ones and leaves equal
/// ones alone — which is why importing the same file twice changes nothing.
/// </summary>
public sealed class RevenueImporter(bool wonDealsOnly) : IImporter
{
    private readonly AccountLookup _accounts = new();

    private static readonly string[] StagedProperties =
    [
        nameof(StagedRevenue.JobId), nameof(StagedRevenue.AccountId), nameof(StagedRevenue.Period), nameof(StagedRevenue.ProductKey),
        nameof(StagedRevenue.Product), nameof(StagedRevenue.Amount), nameof(StagedRevenue.Currency), nameof(StagedRevenue.Margin),
    ];

    public Task PrepareAsync(StewardDbContext db, ImportJob job, ImportMapping mapping, CancellationToken ct) => _accounts.LoadAsync(db, ct);

    public async Task ProcessAsync(StewardDbContext db, ImportBatch batch, CancellationToken ct)
    {
        var staged = new List<object?[]>(batch.Rows.Count);
        foreach (var row in batch.Rows)
        {
            if (row.Cells.All(c => c.Length == 0)) continue;
            if (wonDealsOnly && !IsWon(batch.Cell(row, "Stage")))
            {
                batch.Skipped++;
                continue;
            }
            var accountId = _accounts.Resolve(batch, row);
            var period = wonDealsOnly ? batch.Month(row, "CloseDate") : batch.Month(row, "Period");
            var amount = batch.Number(row, "Amount");
            var product = batch.Text(row, "Product", 150);
            var currency = batch.Currency(row, "Currency");
            var margin = wonDealsOnly ? null : batch.Number(row, "Margin");
            if (period is null && !batch.IsRejected(row)) batch.Reject(row, wonDealsOnly ? "CloseDate" : "Period", "The month is missing.");
            if (amount is null && !batch.IsRejected(row)) batch.Reject(row, "Amount", "The amount is missing.");
            if (margin is { } m && Math.Abs(ValueParser.MarginFraction(m)) > 1) batch.Reject(row, "Margin", $"A margin of {m}% is not possible.");
            if (batch.IsRejected(row)) continue;

            staged.Add([batch.Job.Id, accountId!.Value, period!.Value, RevenueLine.KeyOf(product), product, amount!.Value, currency,
                margin is { } f ? Math.Round(ValueParser.MarginFraction(f), 4) : null]);
        }
        await BulkWriter.InsertAsync(db, BulkTable.For<StagedRevenue>(db, StagedProperties), staged, ct);
    }

    private static bool IsWon(string? stage)
    {
        var key = stage is null ? "" : ImportFields.Normalize(stage);
        return key is "won" or "closedwon" or "gewonnen" or "win" or "closedwin" || key.EndsWith("won", StringComparison.Ordinal);
    }

    public async Task CompleteAsync(StewardDbContext db, ImportJob job, ImportMapping mapping, Func<IEnumerable<CsvRow>> rereadRows, CancellationToken ct)
    {
        var stage = db.Model.FindEntityType(typeof(StagedRevenue))!.GetTableName();
        var lines = db.Model.FindEntityType(typeof(RevenueLine))!.GetTableName();
        // Totals per key, rounded as stored; compared with a tolerance because SQLite sums in floating point.
        var grouped = $"""
            SELECT "AccountId", "Period", "ProductKey", MIN("Product") AS "Product", ROUND(SUM("Amount"), 2) AS "Amount", MIN("Currency") AS "Currency",
                   CASE WHEN SUM(CASE WHEN "Margin" IS NULL THEN 0 ELSE "Amount" END) = 0 THEN NULL
                        ELSE ROUND(SUM(COALESCE("Margin", 0) * "Amount") / SUM(CASE WHEN "Margin" IS NULL THEN 0 ELSE "Amount" END), 4) END AS "Margin"
            FROM "{stage}" WHERE "JobId" = @job GROUP BY "AccountId", "Period", "ProductKey"
            """.Replace("@job", "{0}", StringComparison.Ordinal);
        var differs = $"""
            (ABS(r."Amount" - g."Amount") > 0.005 OR r."Currency" <> g."Currency"
             OR (r."Margin" IS NULL) <> (g."Margin" IS NULL) OR ABS(COALESCE(r."Margin", 0) - COALESCE(g."Margin", 0)) > 0.00005)
            """;
        // Table names come from the EF model and the job id is a parameter: nothing here comes from the file.
        var countSql = $"""
            SELECT COUNT(*) AS "Lines",
                   COALESCE(SUM(CASE WHEN r."Id" IS NULL THEN 1 ELSE 0 END), 0) AS "New",
                   COALESCE(SUM(CASE WHEN r."Id" IS NOT NULL AND {differs} THEN 1 ELSE 0 END), 0) AS "Changed"
            FROM ({grouped}) g
            LEFT JOIN "{lines}" r ON r."AccountId" = g."AccountId" AND r."Period" = g."Period" AND r."ProductKey" = g."ProductKey"
            """;
        var counts = await db.Database.SqlQueryRaw<MergeCounts>(countSql, job.Id).SingleAsync(ct);

        var excludedDiffers = differs.Replace("r.\"", $"\"{lines}\".\"", StringComparison.Ordinal).Replace("g.\"", "excluded.\"", StringComparison.Ordinal);
        var mergeSql = $"""
            INSERT INTO "{lines}" ("AccountId", "Period", "ProductKey", "Product", "Amount", "Currency", "Margin")
            SELECT "AccountId", "Period", "ProductKey", "Product", "Amount", "Currency", "Margin" FROM ({grouped}) g WHERE 1 = 1
            ON CONFLICT ("AccountId", "Period", "ProductKey") DO UPDATE SET
                "Amount" = excluded."Amount", "Currency" = excluded."Currency", "Margin" = excluded."Margin", "Product" = excluded."Product"
            WHERE {excludedDiffers}
            """;
        await db.Database.ExecuteSqlRawAsync(mergeSql, [job.Id], ct);
        await db.Set<StagedRevenue>().Where(s => s.JobId == job.Id).ExecuteDeleteAsync(ct);

        job.Created += (int)counts.New;
        job.Updated += (int)counts.Changed;
        job.Unchanged += (int)(counts.Lines - counts.New - counts.Changed);
    }

    private sealed class MergeCounts
    {
        public long Lines { get; init; }
        public long New { get; init; }
        public long Changed { get; init; }
    }
}
