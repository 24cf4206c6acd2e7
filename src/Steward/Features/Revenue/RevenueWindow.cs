namespace Steward.Features.Revenue;

/// <summary>Month windows over revenue lines, measured from the injected clock.</summary>
public readonly record struct RevenueWindow(DateOnly From, DateOnly To)
{
    /// <summary>The last twelve complete months: the current month is still open and would understate.</summary>
    public static RevenueWindow Trailing12Months(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var to = new DateOnly(now.Year, now.Month, 1);
        return new RevenueWindow(to.AddMonths(-12), to);
    }

    /// <summary>The <paramref name="months"/> months up to and including the current one.</summary>
    public static RevenueWindow LastMonths(TimeProvider clock, int months)
    {
        var now = clock.GetUtcNow();
        var to = new DateOnly(now.Year, now.Month, 1).AddMonths(1);
        return new RevenueWindow(to.AddMonths(-months), to);
    }
}
