using Steward.Data;
using Steward.Features.Accounts;

namespace Steward.Features.Revenue;

/// <summary>What an account bought from us in one month, optionally per product.</summary>
public class RevenueLine : IAccountOwned
{
    public long Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Period { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "EUR";
    public string? Product
    {
        get => _product;
        set
        {
            _product = value;
            ProductKey = KeyOf(value);
        }
    }

    /// <summary>
    /// The product as a matching key: case, spacing and punctuation ignored, so "Managed  Travel"
    /// and "managed travel" are one product. Empty when there is no product. Unique per account and month.
    /// </summary>
    public string ProductKey { get; private set; } = "";

    private string? _product;

    public static string KeyOf(string? product) =>
        product is null ? "" : string.Join(' ', product.ToLowerInvariant().Split(KeySeparators, StringSplitOptions.RemoveEmptyEntries));

    private static readonly char[] KeySeparators = [' ', '\t', '-', '_', '.', '/'];
    /// <summary>Gross margin as a fraction of the amount (0.25 = 25%), when known.</summary>
    public decimal? Margin { get; set; }
    /// <summary>
    /// The import that created the line, if one did. A file's rows for one month and product may
    /// arrive in different batches: this is how a later batch of the same import knows to add.
    /// </summary>
    public int? CreatedByImportId { get; set; }
}
