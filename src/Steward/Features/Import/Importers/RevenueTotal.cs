namespace Steward.Features.Import.Importers;

/// <summary>Which revenue line a row belongs to: one per account, month and product.</summary>
public readonly record struct RevenueKey(int AccountId, DateOnly Period, string ProductKey);

/// <summary>A revenue line as stored, with whether the running import has already written it.</summary>
public sealed record StoredRevenueLine(long Id, decimal Amount, string Currency, decimal? Margin, string? Product, bool WrittenByThisImport);

/// <summary>
/// The rows of one account, month and product summed: the amount, and the margin weighted by the
/// amounts that came with one. The product name and currency kept are the first in ordinal order,
/// so the result does not depend on the order of the rows.
/// </summary>
public sealed class RevenueTotal
{
    public string? Product { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "";
    /// <summary>Σ margin × amount over the rows that had a margin.</summary>
    private decimal _marginAmount;
    /// <summary>Σ amount over the rows that had a margin.</summary>
    private decimal _marginBase;

    public decimal RoundedAmount => Math.Round(Amount, 2, MidpointRounding.AwayFromZero);

    public decimal? Margin => _marginBase == 0 ? null : Math.Round(_marginAmount / _marginBase, 4, MidpointRounding.AwayFromZero);

    public void Add(string? product, decimal amount, string currency, decimal? margin)
    {
        Product = First(Product, product);
        Currency = Currency.Length == 0 ? currency : First(Currency, currency)!;
        Amount += amount;
        if (margin is { } m)
        {
            _marginAmount += m * amount;
            _marginBase += amount;
        }
    }

    /// <summary>
    /// Adds what an earlier batch of the same import already wrote to the line. Its margin counts as
    /// weighted by its whole amount (the stored line keeps no finer split).
    /// </summary>
    public void Add(StoredRevenueLine line) => Add(line.Product, line.Amount, line.Currency, line.Margin);

    /// <summary>Whether storing this total would change the line; amounts within half a cent are equal (SQLite keeps them as floating point).</summary>
    public bool Differs(decimal amount, string currency, decimal? margin) =>
        Math.Abs(amount - RoundedAmount) > 0.005m
        || !string.Equals(currency, Currency, StringComparison.Ordinal)
        || margin.HasValue != Margin.HasValue
        || Math.Abs((margin ?? 0) - (Margin ?? 0)) > 0.00005m;

    private static string? First(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) <= 0 ? a : b;
}
