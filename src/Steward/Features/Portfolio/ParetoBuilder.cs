namespace Steward.Features.Portfolio;

/// <summary>
/// Builds the 80/20 figures from revenues fed high to low, keeping only the running sum and the
/// curve's points: the portfolio's revenues stream through it without being held in memory.
/// </summary>
public sealed class ParetoBuilder
{
    /// <summary>Points drawn on the curve (plus its two ends).</summary>
    public const int CurvePoints = 50;

    private readonly int _accounts;
    private readonly decimal _total;
    private readonly int _step;
    private readonly List<ParetoPoint> _curve = [new(0, 0)];
    private decimal _cumulative;
    private int _seen;
    private int _top;
    private decimal _topShare;

    /// <param name="accounts">All accounts in view, including those without revenue.</param>
    /// <param name="total">The sum of the positive revenues that will be added.</param>
    public ParetoBuilder(int accounts, decimal total)
    {
        _accounts = accounts;
        _total = total;
        _step = Math.Max(1, accounts / CurvePoints);
    }

    /// <summary>The 80/20 figures from revenues sorted high to low; <paramref name="accounts"/> includes those without revenue.</summary>
    public static ParetoSummary FromSorted(IEnumerable<decimal> sortedRevenues, int accounts)
    {
        var positive = sortedRevenues.Where(r => r > 0).ToList();
        var builder = new ParetoBuilder(accounts, positive.Sum());
        foreach (var revenue in positive) builder.Add(revenue);
        return builder.Build();
    }

    public void Add(decimal revenue)
    {
        if (_total <= 0) return;
        _cumulative += revenue;
        _seen++;
        if (_top == 0 && _cumulative >= _total * 0.8m)
        {
            _top = _seen;
            _topShare = _cumulative / _total;
        }
        if (_seen % _step == 0) _curve.Add(new ParetoPoint((decimal)_seen / _accounts, _cumulative / _total));
    }

    public ParetoSummary Build()
    {
        if (_accounts == 0 || _total <= 0) return new ParetoSummary(_accounts, 0, 0, 0, 0, []);
        return new ParetoSummary(_accounts, _total, _top, (decimal)_top / _accounts, _topShare, [.. _curve, new ParetoPoint(1, 1)]);
    }
}
