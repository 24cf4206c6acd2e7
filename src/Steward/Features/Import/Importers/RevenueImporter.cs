using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Import.Parsing;
using Steward.Features.Revenue;

namespace Steward.Features.Import.Importers;

/// <summary>
/// Monthly revenue (or won deals) into revenue lines. Each batch's rows are parsed, matched and
/// summed per account, month and product (so "Managed Travel" and "Managed  Travel" add up), then
/// merged into the revenue lines in the batch's transaction (<see cref="RevenueMerge"/>): new lines
/// inserted, changed ones updated, equal ones left alone — which is why importing the same file
/// twice changes nothing.
/// </summary>
public sealed class RevenueImporter(bool wonDealsOnly) : IImporter, IChecksRowsAhead
{
    private readonly AccountLookup _accounts = new();

    public Task PrepareAsync(StewardDbContext db, ImportJob job, ImportMapping mapping, CancellationToken ct) => _accounts.LoadAsync(db, ct);

    public async Task ProcessAsync(StewardDbContext db, ImportBatch batch, CancellationToken ct)
    {
        if (batch.CheckedRows is null) Check(batch);
        await RevenueMerge.ApplyAsync(db, batch, (Dictionary<RevenueKey, RevenueTotal>)batch.CheckedRows!, ct);
    }

    /// <summary>Parses and checks the rows, rejecting what cannot be understood, and sums the rest per line.</summary>
    public void Check(ImportBatch batch)
    {
        var totals = new Dictionary<RevenueKey, RevenueTotal>();
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

            var key = new RevenueKey(accountId!.Value, period!.Value, RevenueLine.KeyOf(product));
            if (!totals.TryGetValue(key, out var total)) totals[key] = total = new RevenueTotal();
            total.Add(product, amount!.Value, currency, margin is { } f ? Math.Round(ValueParser.MarginFraction(f), 4) : null);
        }
        batch.CheckedRows = totals;
    }

    private static bool IsWon(string? stage)
    {
        var key = stage is null ? "" : ImportFields.Normalize(stage);
        return key is "won" or "closedwon" or "gewonnen" or "win" or "closedwin" || key.EndsWith("won", StringComparison.Ordinal);
    }

    public async Task CompleteAsync(StewardDbContext db, ImportJob job, ImportMapping mapping, Func<IEnumerable<CsvRow>> rereadRows, CancellationToken ct)
    {
        // The batches counted as they went; a line met in several batches is only settled now.
        var (changed, unchanged) = await RevenueMerge.FinishAsync(db, job.Id, ct);
        job.Updated = changed;
        job.Unchanged = unchanged;
    }
}
