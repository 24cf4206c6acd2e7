using System.Globalization;

namespace Steward.Components.Shared;

/// <summary>Money as people read it in tables and cards.</summary>
public static class Money
{
    public static string Format(decimal amount, string? currency = null) =>
        (currency is null ? "" : currency + " ") + amount.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>1.2M, 350k: for chart axes and cards where space is short.</summary>
    public static string Compact(decimal amount, string? currency = null)
    {
        var abs = Math.Abs(amount);
        var text = abs switch
        {
            >= 1_000_000_000 => (amount / 1_000_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "B",
            >= 1_000_000 => (amount / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "M",
            >= 1_000 => (amount / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k",
            _ => amount.ToString("0", CultureInfo.InvariantCulture),
        };
        return (currency is null ? "" : currency + " ") + text;
    }

    public static string Percent(decimal? fraction) =>
        fraction is { } f ? (f >= 0 ? "+" : "") + (f * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "–";
}
