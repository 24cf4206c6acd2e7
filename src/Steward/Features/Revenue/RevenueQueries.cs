using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Revenue;

public sealed record MonthlyRevenue(DateOnly Month, decimal Own, decimal Subsidiaries);

public sealed record RevenueSeries(int AccountId, string Currency, IReadOnlyList<MonthlyRevenue> Months, decimal Trailing12Months, decimal Previous12Months)
{
    /// <summary>Year-on-year growth of the trailing twelve months; null without a previous year.</summary>
    public decimal? Growth => Previous12Months == 0 ? null : (Trailing12Months - Previous12Months) / Previous12Months;
}

/// <summary>Monthly revenue per account, summed in the database, with the subsidiaries' share beside it.</summary>
public sealed class RevenueQueries(IDbContextFactory<StewardDbContext> dbFactory, TimeProvider clock)
{
    public async Task<RevenueSeries> MonthlyAsync(int accountId, int months, CancellationToken ct = default)
    {
        if (months is < 1 or > 120) throw new InvalidInputException("months", "months must be between 1 and 120.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.Accounts.Where(a => a.Id == accountId).Select(a => new { a.Id, a.Currency }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Account", accountId);

        // Chart window, plus two full years for the trailing and previous twelve months.
        var window = RevenueWindow.LastMonths(clock, months);
        var trailing = RevenueWindow.Trailing12Months(clock);
        var from = new[] { window.From, trailing.From.AddMonths(-12) }.Min();
        var to = new[] { window.To, trailing.To }.Max();

        var totals = await db.RevenueLines
            .Where(r => (r.AccountId == accountId || r.Account!.ParentId == accountId) && r.Period >= from && r.Period < to)
            .GroupBy(r => new { r.Period, Own = r.AccountId == accountId })
            .Select(g => new { g.Key.Period, g.Key.Own, Amount = g.Sum(r => r.Amount) })
            .ToListAsync(ct);

        var series = new List<MonthlyRevenue>(months);
        for (var month = window.From; month < window.To; month = month.AddMonths(1))
        {
            series.Add(new MonthlyRevenue(month,
                totals.Where(t => t.Period == month && t.Own).Sum(t => t.Amount),
                totals.Where(t => t.Period == month && !t.Own).Sum(t => t.Amount)));
        }
        decimal Between(DateOnly start, DateOnly end) => totals.Where(t => t.Period >= start && t.Period < end).Sum(t => t.Amount);
        return new RevenueSeries(account.Id, account.Currency, series,
            Between(trailing.From, trailing.To), Between(trailing.From.AddMonths(-12), trailing.From));
    }
}
