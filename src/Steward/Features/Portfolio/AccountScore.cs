using Steward.Data;
using Steward.Features.Accounts;

namespace Steward.Features.Portfolio;

/// <summary>Where an account sits in the portfolio matrix.</summary>
public enum Quadrant
{
    /// <summary>Attractive and we are strong: invest.</summary>
    Strategic,
    /// <summary>Attractive but we are weak: build the position.</summary>
    Develop,
    /// <summary>Less attractive but we are strong: maintain efficiently.</summary>
    Maintain,
    /// <summary>Less attractive and we are weak: streamline the cost to serve.</summary>
    Streamline,
}

/// <summary>
/// An account's figures and scores from the last scoring pass. Raw figures and each criterion's
/// 0–100 score are kept so the account page can explain the result; parents' figures include their
/// subsidiaries (the own figures are kept beside them).
/// </summary>
public class AccountScore : IAccountOwned
{
    public int AccountId { get; set; }

    public decimal Revenue12 { get; set; }
    public decimal RevenuePrevious12 { get; set; }
    public decimal OwnRevenue12 { get; set; }
    public decimal? Growth { get; set; }
    public decimal? Potential { get; set; }
    public decimal? Margin { get; set; }
    public decimal? ShareOfWallet { get; set; }

    public int RevenueScore { get; set; }
    public int GrowthScore { get; set; }
    public int PotentialScore { get; set; }
    public int MarginScore { get; set; }
    public int StrategicFitScore { get; set; }
    public int ReplaceabilityScore { get; set; }
    public int ShareOfWalletScore { get; set; }
    public int RelationshipScore { get; set; }

    public int Attractiveness { get; set; }
    public int Position { get; set; }
    public Quadrant Quadrant { get; set; }
    public AccountTier RecommendedTier { get; set; }
    public DateTime ComputedAt { get; set; }
}
