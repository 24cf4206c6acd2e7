using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Steward.Features.Retention;

/// <summary>A calendar quarter: the period forecasts and targets are kept in. Written "2026-Q4".</summary>
public readonly record struct Quarter(int Year, int Number)
{
    /// <summary>The first day.</summary>
    public DateOnly Start => new(Year, (Number - 1) * 3 + 1, 1);

    /// <summary>The last day (inclusive).</summary>
    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    public Quarter Next => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);

    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    public string Label => $"Q{Number} {Year}";

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public static Quarter Of(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);

    public static Quarter Current(TimeProvider clock) => Of(Today(clock));

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out Quarter? quarter)
    {
        quarter = null;
        var parts = text?.Trim().ToUpperInvariant().Split("-Q");
        if (parts is not [var year, var number]
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || y is < 2000 or > 2200 || n is < 1 or > 4)
        {
            return false;
        }
        quarter = new Quarter(y, n);
        return true;
    }
}

/// <summary>An amount in one currency. Totals are kept per currency: Steward never converts.</summary>
public sealed record MoneyTotal(string Currency, decimal Amount);

public static class MoneyTotals
{
    public static IReadOnlyList<MoneyTotal> Of<T>(IEnumerable<T> rows, Func<T, string> currency, Func<T, decimal> amount) =>
        rows.GroupBy(currency).Select(g => new MoneyTotal(g.Key, g.Sum(amount))).OrderByDescending(t => t.Amount).ThenBy(t => t.Currency).ToList();
}
