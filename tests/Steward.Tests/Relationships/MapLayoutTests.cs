using Steward.Features.Accounts;
using Steward.Features.Relationships;
using Steward.Features.Relationships.Map;

namespace Steward.Tests.Relationships;

/// <summary>The map's layout is plain C#: checked here without a browser.</summary>
public sealed class MapLayoutTests
{
    private const double W = OrgChartLayout.CardWidth;
    private const double H = OrgChartLayout.CardHeight;

    private static void NoTwoCardsOverlap(IEnumerable<(double X, double Y)> cards, double width, double height)
    {
        var list = cards.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                var overlap = Math.Abs(list[i].X - list[j].X) < width && Math.Abs(list[i].Y - list[j].Y) < height;
                Assert.False(overlap, $"cards {i} at {list[i]} and {j} at {list[j]} overlap");
            }
        }
    }

    [Fact]
    public void A_manager_is_centred_over_two_reports_who_manage_people()
    {
        var chart = OrgChartLayout.Build([(1, null), (2, 1), (3, 1), (4, 2), (5, 3)]);
        var boss = chart.Card(1)!;
        var (left, right) = (chart.Card(2)!, chart.Card(3)!);
        Assert.Equal(0, boss.Y);
        Assert.Equal(left.Y, right.Y);
        Assert.Equal(H + OrgChartLayout.VerticalGap, left.Y);
        Assert.Equal((left.X + right.X) / 2, boss.X, 3);
        Assert.True(chart.Card(4)!.Y > left.Y);
        Assert.Equal(4, chart.Lines.Count);
    }

    [Fact]
    public void Three_or_more_reports_who_manage_nobody_hang_in_a_column()
    {
        var chart = OrgChartLayout.Build([(1, null), (2, 1), (3, 1), (4, 1)]);
        var reports = new[] { 2, 3, 4 }.Select(id => chart.Card(id)!).ToList();
        Assert.All(reports, r => Assert.Equal(reports[0].X, r.X));
        Assert.All(reports, r => Assert.True(r.SideExit));
        Assert.Equal(reports.Select(r => r.Y).Order(), reports.Select(r => r.Y));
        Assert.True(chart.Width < 2 * W, "a column, not a row");
    }

    [Fact]
    public void Fifty_stakeholders_make_a_screen_shaped_chart_without_overlaps()
    {
        // A CEO, six executives, each with three managers, each with one or two reports: 50 people.
        var nodes = new List<(int, int?)> { (1, null) };
        var next = 2;
        for (var e = 0; e < 6; e++)
        {
            var executive = next++;
            nodes.Add((executive, 1));
            for (var m = 0; m < 3 && next <= 50; m++)
            {
                var manager = next++;
                nodes.Add((manager, executive));
                for (var r = 0; r < 1 + (m % 2) && next <= 50; r++) nodes.Add((next++, manager));
            }
        }
        while (next <= 50) nodes.Add((next++, 1));
        Assert.Equal(50, nodes.Count);

        var chart = OrgChartLayout.Build(nodes);
        Assert.Equal(50, chart.Cards.Select(c => c.Id).Distinct().Count());
        NoTwoCardsOverlap(chart.Cards.Select(c => (c.X, c.Y)), W, H);
        Assert.True(chart.Width <= 2.5 * chart.Height, $"{chart.Width} × {chart.Height}");

        var plain = OrgChartLayout.Build(nodes, int.MaxValue);
        Assert.True(plain.Width > 2 * chart.Width, $"the compact form is used because the plain tree is too wide ({plain.Width})");
    }

    [Fact]
    public void Reporting_loops_and_strangers_still_get_exactly_one_card_each()
    {
        var chart = OrgChartLayout.Build([(1, 2), (2, 1), (3, 99), (4, null), (5, 5)]);
        Assert.Equal([1, 2, 3, 4, 5], chart.Cards.Select(c => c.Id).Order());
        NoTwoCardsOverlap(chart.Cards.Select(c => (c.X, c.Y)), W, H);
        Assert.Empty(OrgChartLayout.Build([]).Cards);
    }

    [Fact]
    public void Our_people_sit_below_the_chart_near_the_stakeholders_they_know_and_every_relationship_gets_a_line()
    {
        var now = new DateTime(2026, 11, 16, 0, 0, 0, DateTimeKind.Utc);
        RelationshipDto Knows(int id, int contactId, string userId, int daysAgo) =>
            new(id, 1, contactId, $"C{contactId}", userId, userId.ToUpperInvariant(), true, RelationshipStrength.Working, now.AddDays(-daysAgo), null, 1, now);
        StakeholderDto S(int id, int? boss, params RelationshipDto[] known) =>
            new(id, 1, $"Contact {id}", null, null, boss, true, null, null, null, null, null, null, null, null, null, PlanStatus.NoPlan, known, 0);
        var picture = new RelationshipPicture(1, "Acme", AccountTier.Key, AccountStatus.Active, "left", "Left", [
            new("left", "Left", null, true, null, true), new("right", "Right", null, false, null, true), new("idle", "Idle", null, false, null, true),
        ], [
            S(1, null), S(2, 1, Knows(1, 2, "left", 5)), S(3, 1, Knows(2, 3, "right", 5), Knows(3, 3, "left", 100)),
        ], now);

        var map = RelationshipMapLayout.Build(picture, [], now, staleAfterDays: 45);
        Assert.Equal(3, map.Links.Count);
        Assert.All(map.People, p => Assert.True(p.Y > map.Cards.Max(c => c.Y + H)));
        NoTwoCardsOverlap(map.People.Select(p => (p.X, p.Y)), RelationshipMapLayout.PersonWidth, RelationshipMapLayout.PersonHeight);
        var (left, right) = (map.People.Single(p => p.Person.UserId == "left"), map.People.Single(p => p.Person.UserId == "right"));
        Assert.True(left.X < right.X, "Left knows the left-hand stakeholder, so sits further left");
        Assert.True(map.Links.Single(l => l.Relationship.Id == 3).Stale);
        Assert.False(map.Links.Single(l => l.Relationship.Id == 2).Stale);
        foreach (var link in map.Links)
        {
            var card = map.Cards.Single(c => c.Stakeholder.ContactId == link.Relationship.ContactId);
            Assert.InRange(link.Start.X, card.X, card.X + W);
            Assert.Equal(card.Y + H, link.Start.Y);
            var person = map.People.Single(p => p.Person.UserId == link.Relationship.UserId);
            Assert.Equal(person.Y, link.End.Y);
        }
        Assert.True(map.Height > map.PeopleTop + RelationshipMapLayout.PersonHeight);
    }
}
