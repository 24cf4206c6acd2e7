using Steward.Features.Accounts;
using Steward.Features.Relationships;
using Steward.Features.Relationships.Gaps;

namespace Steward.Tests.Relationships;

/// <summary>The gap rules on hand-made pictures: no database, a fixed moment, default thresholds.</summary>
public sealed class GapRuleTests
{
    private static readonly DateTime Now = new(2026, 11, 16, 9, 30, 0, DateTimeKind.Utc);
    private static readonly RelationshipOptions Options = new();

    private const string Owner = "u-owner";
    private const string Sponsor = "u-sponsor";
    private const string Support = "u-support";
    private const string Departed = "u-departed";

    private sealed class Builder(AccountTier tier = AccountTier.Key)
    {
        private readonly List<StakeholderDto> _stakeholders = [];
        private readonly List<OurPersonDto> _people =
        [
            new(Owner, "Olive Owner", null, true, null, true),
            new(Support, "Sid Support", null, false, AccountTeamRole.Support, true),
            new(Departed, "Dan Departed", null, false, AccountTeamRole.TechnicalLead, false),
        ];
        private int _next = 1;
        private int _relationship = 1;

        public Builder WithSponsor()
        {
            _people.Add(new(Sponsor, "Sue Sponsor", null, false, AccountTeamRole.ExecutiveSponsor, true));
            return this;
        }

        public int Add(string name, BuyingRole? role = null, int? influence = null, Attitude? attitude = null, int? reportsTo = null,
            bool active = true, string? planOwner = null, int? touchEvery = null, DateTime? touchDue = null, params (string UserId, RelationshipStrength Strength, int? DaysAgo)[] known)
        {
            var id = _next++;
            var relationships = known.Select(k => new RelationshipDto(_relationship++, 1, id, name, k.UserId, _people.Single(p => p.UserId == k.UserId).Name,
                _people.Single(p => p.UserId == k.UserId).IsActive, k.Strength, k.DaysAgo is { } d ? Now.AddDays(-d) : null, null, 1, Now)).ToList();
            _stakeholders.Add(new StakeholderDto(id, 1, name, null, null, reportsTo, active, role, influence, attitude, null, planOwner, null, touchEvery, null, touchDue, PlanStatus.NoPlan, relationships, 1));
            return id;
        }

        public IReadOnlyList<RelationshipGap> Gaps(RelationshipOptions? options = null) =>
            RelationshipGapRules.Find(new RelationshipPicture(1, "Acme", tier, AccountStatus.Active, Owner, "Olive Owner", _people, _stakeholders, Now), options ?? Options, Now);
    }

    private static (string, RelationshipStrength, int?) Knows(string user, RelationshipStrength strength, int? daysAgo = 5) => (user, strength, daysAgo);

    [Fact]
    public void A_well_covered_account_has_no_gaps()
    {
        var b = new Builder().WithSponsor();
        var ceo = b.Add("Cleo Ceo", BuyingRole.DecisionMaker, 5, Attitude.Supporter, known: Knows(Sponsor, RelationshipStrength.Working));
        b.Add("Fred Cfo", BuyingRole.EconomicBuyer, 4, Attitude.Neutral, ceo, known: Knows(Owner, RelationshipStrength.TrustedAdvisor, 44));
        b.Add("Cam Champion", BuyingRole.Champion, 3, Attitude.Advocate, ceo, known: Knows(Support, RelationshipStrength.Working));
        Assert.Empty(b.Gaps());
    }

    [Fact]
    public void An_uncovered_decision_maker_is_a_gap_and_the_suggestion_uses_the_best_bridge()
    {
        var b = new Builder().WithSponsor();
        var ceo = b.Add("Cleo Ceo", BuyingRole.DecisionMaker, 5);
        b.Add("Pat Peer", BuyingRole.User, 2, reportsTo: null, known: Knows(Owner, RelationshipStrength.Working));
        b.Add("Rob Report", BuyingRole.Influencer, 3, reportsTo: ceo, known: Knows(Support, RelationshipStrength.TrustedAdvisor));

        var gap = Assert.Single(b.Gaps(), g => g.Kind == GapKind.DecisionMakerUncovered);
        Assert.Equal($"decision-maker:{ceo}", gap.Id);
        Assert.Equal(GapSeverity.High, gap.Severity);
        Assert.Equal("Ask Rob Report to introduce Sid Support to Cleo Ceo", gap.Action);
        Assert.Equal(Support, gap.AssigneeId);
        Assert.Equal(ceo, gap.ContactId);
    }

    [Fact]
    public void Only_working_relationships_of_colleagues_still_here_cover_a_decision_maker()
    {
        var b = new Builder().WithSponsor();
        b.Add("Ella Economic", BuyingRole.EconomicBuyer, 4, known: [Knows(Departed, RelationshipStrength.TrustedAdvisor), Knows(Owner, RelationshipStrength.Acquainted)]);
        b.Add("Other One", known: Knows(Owner, RelationshipStrength.Working));
        b.Add("Other Two", known: Knows(Support, RelationshipStrength.Working));

        var gap = Assert.Single(b.Gaps());
        Assert.Equal(GapKind.DecisionMakerUncovered, gap.Kind);
        Assert.EndsWith("Olive Owner is only acquainted.", gap.Reason, StringComparison.Ordinal);
        Assert.Equal("Olive Owner: meet Ella Economic to build a working relationship", gap.Action);
    }

    [Fact]
    public void Nobody_known_introduces_the_sponsor()
    {
        var b = new Builder().WithSponsor();
        b.Add("Dee Decider", BuyingRole.DecisionMaker, 5);
        var gap = b.Gaps().Single(g => g.Kind == GapKind.DecisionMakerUncovered);
        Assert.Equal("Plan an introduction meeting between Sue Sponsor and Dee Decider", gap.Action);
        Assert.Equal(Sponsor, gap.AssigneeId);
    }

    [Fact]
    public void One_or_no_working_relationship_is_single_threaded()
    {
        var b = new Builder().WithSponsor();
        b.Add("Only Friend", BuyingRole.User, 2, known: Knows(Owner, RelationshipStrength.TrustedAdvisor));
        b.Add("Big Wig", BuyingRole.Influencer, 4, known: Knows(Support, RelationshipStrength.Acquainted));
        var gap = Assert.Single(b.Gaps());
        Assert.Equal(GapKind.SingleThreaded, gap.Kind);
        Assert.StartsWith("Only Only Friend knows us", gap.Reason, StringComparison.Ordinal);
        Assert.Equal("Ask Only Friend to introduce Olive Owner to Big Wig", gap.Action);

        var nobody = new Builder().WithSponsor();
        nobody.Add("Stranger", BuyingRole.User, 2);
        Assert.Equal("Nobody at Acme knows us at working level.", Assert.Single(nobody.Gaps()).Reason);
    }

    [Fact]
    public void Key_accounts_need_an_executive_sponsor_by_default_and_other_tiers_do_not()
    {
        Assert.Contains(Covered(new Builder(AccountTier.Key)).Gaps(), g => g.Kind == GapKind.NoExecutiveSponsor);
        Assert.DoesNotContain(Covered(new Builder(AccountTier.Growth)).Gaps(), g => g.Kind == GapKind.NoExecutiveSponsor);
        Assert.DoesNotContain(Covered(new Builder(AccountTier.Key).WithSponsor()).Gaps(), g => g.Kind == GapKind.NoExecutiveSponsor);

        var strict = new RelationshipOptions { Growth = new TierRules { StaleAfterDays = 60, NeedsExecutiveSponsor = true } };
        Assert.Contains(Covered(new Builder(AccountTier.Growth)).Gaps(strict), g => g.Kind == GapKind.NoExecutiveSponsor);
    }

    private static Builder Covered(Builder b)
    {
        b.Add("A", known: Knows(Owner, RelationshipStrength.Working));
        b.Add("B", known: Knows(Support, RelationshipStrength.Working));
        return b;
    }

    [Theory]
    [InlineData(AccountTier.Key, 45, false)]
    [InlineData(AccountTier.Key, 46, true)]
    [InlineData(AccountTier.Growth, 60, false)]
    [InlineData(AccountTier.Growth, 61, true)]
    [InlineData(AccountTier.Standard, 90, false)]
    [InlineData(AccountTier.Standard, 91, true)]
    public void A_working_relationship_goes_stale_after_the_tiers_threshold(AccountTier tier, int daysAgo, bool stale)
    {
        var b = new Builder(tier).WithSponsor();
        b.Add("Old Friend", known: Knows(Owner, RelationshipStrength.Working, daysAgo));
        b.Add("New Friend", known: Knows(Support, RelationshipStrength.Working, 1));
        var gaps = b.Gaps();
        Assert.Equal(stale, gaps.Any(g => g.Id == $"stale:1:{Owner}"));
        if (stale) Assert.Equal(Owner, gaps.Single(g => g.Kind == GapKind.StaleRelationship).AssigneeId);
    }

    [Fact]
    public void Stale_threshold_comes_from_the_options_and_missing_dates_are_stale()
    {
        var b = new Builder(AccountTier.Key).WithSponsor();
        b.Add("Old Friend", known: Knows(Owner, RelationshipStrength.Working, 20));
        b.Add("Silent", known: Knows(Support, RelationshipStrength.TrustedAdvisor, null));
        b.Add("Barely", known: Knows(Support, RelationshipStrength.Acquainted, 400));

        var defaults = b.Gaps();
        var silent = Assert.Single(defaults);
        Assert.Equal($"stale:2:{Support}", silent.Id);
        Assert.Contains("no conversation is on record", silent.Reason, StringComparison.Ordinal);

        var tight = b.Gaps(new RelationshipOptions { Key = new TierRules { StaleAfterDays = 14, NeedsExecutiveSponsor = true } });
        Assert.Equal(2, tight.Count(g => g.Kind == GapKind.StaleRelationship));
    }

    [Fact]
    public void An_influential_critic_without_an_owner_needs_a_plan()
    {
        var b = Covered(new Builder().WithSponsor());
        var sceptic = b.Add("Sceptical Sam", BuyingRole.Influencer, 4, Attitude.Sceptic);
        b.Add("Mild Critic", BuyingRole.User, 3, Attitude.Opponent);
        var blocker = b.Add("Gate Keeper", BuyingRole.Blocker, 5, Attitude.Neutral);
        b.Add("Managed Opponent", BuyingRole.Influencer, 5, Attitude.Opponent, planOwner: Owner);

        var gaps = b.Gaps().Where(g => g.Kind == GapKind.UnmanagedBlocker).ToList();
        Assert.Equal([$"blocker:{sceptic}", $"blocker:{blocker}"], gaps.Select(g => g.Id));
        Assert.Contains("influential sceptic (influence 4/5)", gaps[0].Reason, StringComparison.Ordinal);

        var lenient = b.Gaps(new RelationshipOptions { InfluentialFrom = 3 }).Count(g => g.Kind == GapKind.UnmanagedBlocker);
        Assert.Equal(3, lenient);
    }

    [Fact]
    public void A_champion_who_left_is_a_gap_until_someone_else_champions_us()
    {
        var b = Covered(new Builder().WithSponsor());
        var gone = b.Add("Gone Champion", BuyingRole.Champion, 3, Attitude.Advocate, active: false);
        b.Add("Friendly Face", BuyingRole.User, 2, Attitude.Supporter);
        var gap = Assert.Single(b.Gaps());
        Assert.Equal($"champion-left:{gone}", gap.Id);
        Assert.Equal("Win Friendly Face over as our new champion", gap.Action);

        b.Add("New Champion", BuyingRole.Champion, 3, Attitude.Advocate);
        Assert.Empty(b.Gaps());
    }

    [Fact]
    public void An_overdue_planned_touch_goes_to_the_plans_owner()
    {
        var b = Covered(new Builder().WithSponsor());
        var id = b.Add("Due Person", planOwner: Support, touchEvery: 30, touchDue: Now.AddDays(-1));
        b.Add("Not Yet", planOwner: Support, touchEvery: 30, touchDue: Now.AddDays(1));
        var gap = Assert.Single(b.Gaps());
        Assert.Equal($"touch-overdue:{id}", gap.Id);
        Assert.Equal(GapSeverity.Low, gap.Severity);
        Assert.Equal(Support, gap.AssigneeId);
    }

    [Fact]
    public void People_who_left_the_customer_count_for_nothing_but_the_champion_rule()
    {
        var b = Covered(new Builder().WithSponsor());
        b.Add("Former Ceo", BuyingRole.DecisionMaker, 5, Attitude.Opponent, active: false, known: Knows(Owner, RelationshipStrength.Working, 400));
        Assert.Empty(b.Gaps());
    }

    [Fact]
    public void Gaps_come_most_serious_first()
    {
        var b = new Builder();
        b.Add("Stale One", known: Knows(Owner, RelationshipStrength.Working, 100));
        b.Add("Dee Decider", BuyingRole.DecisionMaker, 5);
        var kinds = b.Gaps().Select(g => g.Kind).ToList();
        Assert.Equal([GapKind.DecisionMakerUncovered, GapKind.SingleThreaded, GapKind.NoExecutiveSponsor, GapKind.StaleRelationship], kinds);
    }
}
