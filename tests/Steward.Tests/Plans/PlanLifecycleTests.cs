using Steward.Features.Plans;
using Steward.Infrastructure.Errors;

namespace Steward.Tests.Plans;

public sealed class PlanLifecycleTests
{
    /// <summary>The whole table, written out independently of the implementation.</summary>
    private static readonly HashSet<(PlanStatus, PlanAction)> Allowed =
    [
        (PlanStatus.Draft, PlanAction.Submit),
        (PlanStatus.ChangesRequested, PlanAction.Submit),
        (PlanStatus.InReview, PlanAction.Submit),
        (PlanStatus.Submitted, PlanAction.Approve),
        (PlanStatus.Submitted, PlanAction.RequestChanges),
        (PlanStatus.Approved, PlanAction.Activate),
        (PlanStatus.Active, PlanAction.StartReview),
        (PlanStatus.InReview, PlanAction.CompleteReview),
        (PlanStatus.Active, PlanAction.Close),
        (PlanStatus.InReview, PlanAction.Close),
    ];

    public static IEnumerable<object[]> EveryMove() =>
        from status in Enum.GetValues<PlanStatus>()
        from action in Enum.GetValues<PlanAction>()
        select new object[] { status, action };

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void Every_move_not_in_the_lifecycle_is_refused_and_every_one_in_it_is_allowed(PlanStatus from, PlanAction action)
    {
        if (Allowed.Contains((from, action)))
        {
            Assert.True(PlanLifecycle.CanMove(from, action));
            PlanLifecycle.Next(from, action);
        }
        else
        {
            Assert.False(PlanLifecycle.CanMove(from, action));
            var refused = Assert.Throws<InvalidInputException>(() => PlanLifecycle.Next(from, action));
            Assert.Contains("Status", refused.Errors.Keys);
        }
    }

    [Fact]
    public void A_closed_plan_can_do_nothing_more()
    {
        Assert.Empty(PlanLifecycle.Allowed(PlanStatus.Closed));
        var refused = Assert.Throws<InvalidInputException>(() => PlanLifecycle.Next(PlanStatus.Closed, PlanAction.Submit));
        Assert.Contains("Nothing more", refused.Errors["Status"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReviewCadence.Monthly, "2026-12-16")]
    [InlineData(ReviewCadence.Quarterly, "2027-02-16")]
    [InlineData(ReviewCadence.HalfYearly, "2027-05-16")]
    [InlineData(ReviewCadence.Yearly, "2027-11-16")]
    public void Reviews_come_due_on_the_plans_cadence(ReviewCadence cadence, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PlanLifecycle.NextReview(new DateOnly(2026, 11, 16), cadence));
}
