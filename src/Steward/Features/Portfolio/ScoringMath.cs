using Steward.Features.Accounts;

namespace Steward.Features.Portfolio;

/// <summary>What scoring knows about one account (group figures for parents).</summary>
public sealed record ScoringFacts(
    int AccountId,
    decimal Revenue12,
    decimal RevenuePrevious12,
    decimal? EstimatedWallet,
    decimal? Margin,
    int? StrategicFit,
    int? Replaceability,
    int? RelationshipStrength);

/// <summary>
/// The scoring rules, as plain functions so they can be tested and explained. Each criterion maps
/// to 0–100; attractiveness and position are weighted averages of their criteria; the quadrant
/// follows from the two thresholds. Unknown hand-set values count as neutral (50), not as zero.
/// </summary>
public static class ScoringMath
{
    public const int Neutral = 50;

    /// <summary>Percentile rank of each value among all values (0 = lowest, 100 = highest; ties share a rank).</summary>
    public static Dictionary<int, int> PercentRanks(IReadOnlyCollection<(int Id, decimal Value)> values)
    {
        var ranks = new Dictionary<int, int>(values.Count);
        if (values.Count == 0) return ranks;
        if (values.Count == 1)
        {
            foreach (var v in values) ranks[v.Id] = 100;
            return ranks;
        }
        var sorted = values.OrderBy(v => v.Value).ToArray();
        var i = 0;
        while (i < sorted.Length)
        {
            var j = i;
            while (j + 1 < sorted.Length && sorted[j + 1].Value == sorted[i].Value) j++;
            // Ties take the rank of their first position, like SQL's PERCENT_RANK.
            var rank = (int)Math.Round(100.0 * i / (sorted.Length - 1), MidpointRounding.AwayFromZero);
            for (var k = i; k <= j; k++) ranks[sorted[k].Id] = rank;
            i = j + 1;
        }
        return ranks;
    }

    /// <summary>Year-on-year growth; null without revenue a year before.</summary>
    public static decimal? Growth(decimal current, decimal previous) => previous <= 0 ? null : (current - previous) / previous;

    /// <summary>-50% or worse scores 0, flat scores 50, +50% or better scores 100.</summary>
    public static int GrowthScore(decimal? growth) => growth is { } g ? Scale(g, -0.5m, 0.5m) : Neutral;

    /// <summary>Headroom in the wallet: what they spend elsewhere. Null without a wallet estimate.</summary>
    public static decimal? Potential(decimal revenue12, decimal? wallet) => wallet is { } w ? Math.Max(w - revenue12, 0) : null;

    /// <summary>0% margin scores 0, 50% or more scores 100.</summary>
    public static int MarginScore(decimal? margin) => margin is { } m ? Scale(m, 0m, 0.5m) : Neutral;

    /// <summary>1 → 0, 5 → 100.</summary>
    public static int OneToFiveScore(int? value) => value is { } v ? Scale(v, 1m, 5m) : Neutral;

    /// <summary>Hard to replace (1) scores 100: losing it would hurt; easy (5) scores 0.</summary>
    public static int ReplaceabilityScore(int? replaceability) => replaceability is { } r ? 100 - Scale(r, 1m, 5m) : Neutral;

    public static decimal? ShareOfWallet(decimal revenue12, decimal? wallet) => wallet is > 0 ? Math.Min(revenue12 / wallet.Value, 1m) : null;

    public static int ShareOfWalletScore(decimal? share) => share is { } s ? Scale(s, 0m, 1m) : Neutral;

    public static int WeightedAverage(params (int Score, int Weight)[] parts)
    {
        var weights = parts.Sum(p => p.Weight);
        return weights == 0 ? Neutral : (int)Math.Round((double)parts.Sum(p => p.Score * p.Weight) / weights, MidpointRounding.AwayFromZero);
    }

    public static Quadrant QuadrantOf(int attractiveness, int position, PortfolioSettings settings) =>
        (attractiveness >= settings.AttractivenessThreshold, position >= settings.PositionThreshold) switch
        {
            (true, true) => Quadrant.Strategic,
            (true, false) => Quadrant.Develop,
            (false, true) => Quadrant.Maintain,
            _ => Quadrant.Streamline,
        };

    /// <summary>Strategic accounts are key; those to develop get growth attention; the rest standard service.</summary>
    public static AccountTier RecommendedTier(Quadrant quadrant) => quadrant switch
    {
        Quadrant.Strategic => AccountTier.Key,
        Quadrant.Develop => AccountTier.Growth,
        _ => AccountTier.Standard,
    };

    /// <summary>Scores every account of the portfolio in one pass.</summary>
    public static IReadOnlyList<AccountScore> ScoreAll(IReadOnlyCollection<ScoringFacts> facts, PortfolioSettings settings, DateTime now)
    {
        var revenueRanks = PercentRanks([.. facts.Select(f => (f.AccountId, f.Revenue12))]);
        var potentials = facts.ToDictionary(f => f.AccountId, f => Potential(f.Revenue12, f.EstimatedWallet));
        var potentialRanks = PercentRanks([.. potentials.Where(p => p.Value is not null).Select(p => (p.Key, p.Value!.Value))]);

        return [.. facts.Select(f =>
        {
            var growth = Growth(f.Revenue12, f.RevenuePrevious12);
            var share = ShareOfWallet(f.Revenue12, f.EstimatedWallet);
            var score = new AccountScore
            {
                AccountId = f.AccountId,
                Revenue12 = f.Revenue12,
                RevenuePrevious12 = f.RevenuePrevious12,
                Growth = growth is { } g ? Math.Round(g, 4) : null,
                Potential = potentials[f.AccountId],
                Margin = f.Margin is { } m ? Math.Round(m, 4) : null,
                ShareOfWallet = share is { } s ? Math.Round(s, 4) : null,
                RevenueScore = revenueRanks[f.AccountId],
                GrowthScore = GrowthScore(growth),
                PotentialScore = potentialRanks.TryGetValue(f.AccountId, out var p) ? p : Neutral,
                MarginScore = MarginScore(f.Margin),
                StrategicFitScore = OneToFiveScore(f.StrategicFit),
                ReplaceabilityScore = ReplaceabilityScore(f.Replaceability),
                ShareOfWalletScore = ShareOfWalletScore(share),
                RelationshipScore = OneToFiveScore(f.RelationshipStrength),
                ComputedAt = now,
            };
            score.Attractiveness = WeightedAverage(
                (score.RevenueScore, settings.RevenueWeight), (score.GrowthScore, settings.GrowthWeight),
                (score.PotentialScore, settings.PotentialWeight), (score.MarginScore, settings.MarginWeight),
                (score.StrategicFitScore, settings.StrategicFitWeight), (score.ReplaceabilityScore, settings.ReplaceabilityWeight));
            score.Position = WeightedAverage((score.ShareOfWalletScore, settings.ShareOfWalletWeight), (score.RelationshipScore, settings.RelationshipWeight));
            score.Quadrant = QuadrantOf(score.Attractiveness, score.Position, settings);
            score.RecommendedTier = RecommendedTier(score.Quadrant);
            return score;
        })];
    }

    private static int Scale(decimal value, decimal low, decimal high) =>
        (int)Math.Round(Math.Clamp((value - low) / (high - low), 0m, 1m) * 100m, MidpointRounding.AwayFromZero);
}
