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
    public string? Product { get; set; }
    /// <summary>Gross margin as a fraction of the amount (0.25 = 25%), when known.</summary>
    public decimal? Margin { get; set; }
}
