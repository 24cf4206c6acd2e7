using Steward.Features.Accounts;
using Steward.Features.Portfolio;

namespace Steward.Tests.Portfolio;

public sealed class ScoringMathTests
{
    [Fact]
    public void Percent_ranks_run_from_0_to_100_and_ties_share_the_lower_rank()
    {
        var ranks = ScoringMath.PercentRanks([(1, 10m), (2, 30m), (3, 20m), (4, 30m), (5, 0m)]);
        Assert.Equal(0, ranks[5]);
        Assert.Equal(25, ranks[1]);
        Assert.Equal(50, ranks[3]);
        Assert.Equal(75, ranks[2]);
        Assert.Equal(75, ranks[4]);
        Assert.Equal(100, ScoringMath.PercentRanks([(9, 5m)])[9]);
    }

    [Theory]
    [InlineData(-0.6, 0)]
    [InlineData(-0.5, 0)]
    [InlineData(0, 50)]
    [InlineData(0.1, 60)]
    [InlineData(0.5, 100)]
    [InlineData(2, 100)]
    public void Growth_maps_minus_50_to_plus_50_percent_onto_0_to_100(double growth, int score) =>
        Assert.Equal(score, ScoringMath.GrowthScore((decimal)growth));

    [Fact]
    public void Unknown_values_are_neutral_and_hand_scores_are_linear()
    {
        Assert.Equal(50, ScoringMath.GrowthScore(null));
        Assert.Equal(50, ScoringMath.OneToFiveScore(null));
        Assert.Equal(0, ScoringMath.OneToFiveScore(1));
        Assert.Equal(75, ScoringMath.OneToFiveScore(4));
        Assert.Equal(100, ScoringMath.ReplaceabilityScore(1));
        Assert.Equal(0, ScoringMath.ReplaceabilityScore(5));
        Assert.Null(ScoringMath.Growth(100m, 0m));
        Assert.Equal(0.25m, ScoringMath.Growth(125m, 100m));
        Assert.Equal(300m, ScoringMath.Potential(700m, 1000m));
        Assert.Equal(0m, ScoringMath.Potential(1200m, 1000m));
        Assert.Equal(1m, ScoringMath.ShareOfWallet(1200m, 1000m));
    }

    [Fact]
    public void Weighted_average_ignores_zero_weights()
    {
        Assert.Equal(64, ScoringMath.WeightedAverage((100, 2), (40, 3), (0, 0))); // (200 + 120) / 5
        Assert.Equal(50, ScoringMath.WeightedAverage((100, 0)));
    }

    [Theory]
    [InlineData(80, 80, Quadrant.Strategic, AccountTier.Key)]
    [InlineData(80, 20, Quadrant.Develop, AccountTier.Growth)]
    [InlineData(20, 80, Quadrant.Maintain, AccountTier.Standard)]
    [InlineData(20, 20, Quadrant.Streamline, AccountTier.Standard)]
    [InlineData(50, 50, Quadrant.Strategic, AccountTier.Key)]
    public void Quadrants_follow_the_thresholds(int attractiveness, int position, Quadrant quadrant, AccountTier tier)
    {
        var q = ScoringMath.QuadrantOf(attractiveness, position, new PortfolioSettings());
        Assert.Equal(quadrant, q);
        Assert.Equal(tier, ScoringMath.RecommendedTier(q));
    }

    [Fact]
    public void Score_all_combines_the_criteria_with_the_weights()
    {
        var settings = new PortfolioSettings
        {
            RevenueWeight = 1,
            GrowthWeight = 1,
            PotentialWeight = 0,
            MarginWeight = 0,
            StrategicFitWeight = 0,
            ReplaceabilityWeight = 0,
            ShareOfWalletWeight = 1,
            RelationshipWeight = 0,
        };
        var scores = ScoringMath.ScoreAll(
        [
            new ScoringFacts(1, 1000m, 800m, 2000m, 0.3m, 5, 1, 4),
            new ScoringFacts(2, 100m, 200m, null, null, null, null, null),
        ], settings, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));

        var big = scores.Single(s => s.AccountId == 1);
        Assert.Equal(100, big.RevenueScore);
        Assert.Equal(75, big.GrowthScore);           // +25%
        Assert.Equal(88, big.Attractiveness);        // (100 + 75) / 2 = 87.5 → 88
        Assert.Equal(50, big.ShareOfWalletScore);    // 1000 of 2000
        Assert.Equal(50, big.Position);
        Assert.Equal(Quadrant.Strategic, big.Quadrant);

        var small = scores.Single(s => s.AccountId == 2);
        Assert.Equal(0, small.RevenueScore);
        Assert.Equal(0, small.GrowthScore);          // −50%
        Assert.Equal(0, small.Attractiveness);
        Assert.Equal(Quadrant.Maintain, small.Quadrant); // unknown share of wallet is neutral (50)
        Assert.Null(small.Potential);
    }

    [Fact]
    public void Pareto_finds_how_few_accounts_bring_80_percent()
    {
        // 10 accounts: two bring 80 of 100.
        decimal[] revenues = [50, 30, 5, 5, 4, 3, 2, 1];
        var pareto = ParetoBuilder.FromSorted(revenues, accounts: 10);
        Assert.Equal(2, pareto.TopCount);
        Assert.Equal(0.2m, pareto.TopShareOfAccounts);
        Assert.Equal(0.8m, pareto.TopShareOfRevenue);
        Assert.Equal("The top 2 accounts (20%) bring 80% of revenue.", pareto.Sentence);
        Assert.Equal(1m, pareto.Curve[^1].ShareOfRevenue);
        Assert.Equal("No revenue in the last 12 months yet.", ParetoBuilder.FromSorted([], 3).Sentence);
    }
}
