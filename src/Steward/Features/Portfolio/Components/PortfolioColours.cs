using Steward.Features.Accounts;

namespace Steward.Features.Portfolio.Components;

/// <summary>One palette for the matrix, the chips and the legends, so colours mean the same everywhere.</summary>
public static class PortfolioColours
{
    public static string Tier(AccountTier tier) => tier switch
    {
        AccountTier.Key => "#1F5C99",
        AccountTier.Growth => "#2E7D6B",
        AccountTier.Standard => "#8A96A3",
        _ => "#C9A227",
    };

    public static string Quadrant(Quadrant quadrant) => quadrant switch
    {
        Portfolio.Quadrant.Strategic => "#1F5C99",
        Portfolio.Quadrant.Develop => "#2E7D6B",
        Portfolio.Quadrant.Maintain => "#B26A00",
        _ => "#7B8794",
    };
}
