using Steward.Features.Relationships.Gaps;

namespace Steward.Features.Relationships.Map;

public sealed record MapCard(StakeholderDto Stakeholder, double X, double Y, bool SideExit, IReadOnlyList<RelationshipGap> Gaps)
{
    public double CentreX => X + OrgChartLayout.CardWidth / 2;
}

public sealed record MapPerson(OurPersonDto Person, double X, double Y, int Links)
{
    public double CentreX => X + RelationshipMapLayout.PersonWidth / 2;
}

/// <summary>A line from a stakeholder's card to one of our people, drawn as a cubic Bézier curve.</summary>
public sealed record MapLink(RelationshipDto Relationship, Point Start, Point Control1, Point Control2, Point End, Point Marker, bool Stale)
{
    public string Path => FormattableString.Invariant($"M{Start.X:0.#} {Start.Y:0.#} C{Control1.X:0.#} {Control1.Y:0.#} {Control2.X:0.#} {Control2.Y:0.#} {End.X:0.#} {End.Y:0.#}");
}

/// <summary>Everything the map draws, positioned; the component only paints it.</summary>
public sealed record RelationshipMapModel(
    IReadOnlyList<MapCard> Cards,
    IReadOnlyList<IReadOnlyList<Point>> OrgLines,
    IReadOnlyList<MapPerson> People,
    IReadOnlyList<MapLink> Links,
    double Width,
    double Height,
    double PeopleTop);

/// <summary>
/// Lays out the relationship map: the customer's org chart on top (from reports-to), our people in
/// a row underneath, each placed near the stakeholders they know so lines stay short, and a
/// curve for every relationship.
/// </summary>
public static class RelationshipMapLayout
{
    public const double Margin = 24;
    public const double HeaderHeight = 56;
    public const double PeopleGap = 150;
    public const double PersonWidth = 176;
    public const double PersonHeight = 48;
    public const double PersonGap = 20;
    public const double LegendHeight = 64;

    public static RelationshipMapModel Build(RelationshipPicture picture, IReadOnlyList<RelationshipGap> gaps, DateTime now, int staleAfterDays)
    {
        var chart = OrgChartLayout.Build(picture.Stakeholders.Select(s => (s.ContactId, s.ReportsToId)).ToList());
        var cards = chart.Cards.Select(c => new MapCard(picture.Find(c.Id)!, c.X + Margin, c.Y + HeaderHeight, c.SideExit,
            gaps.Where(g => g.ContactId == c.Id && g.Kind != GapKind.SingleThreaded && g.Kind != GapKind.NoExecutiveSponsor).ToList())).ToList();
        var cardById = cards.ToDictionary(c => c.Stakeholder.ContactId);
        var peopleTop = HeaderHeight + chart.Height + PeopleGap;

        // Each person goes under the average position of the cards they are linked to, then the
        // row is swept left to right so no two overlap.
        var wanted = picture.People.Select((p, index) =>
        {
            var linked = picture.Stakeholders.SelectMany(s => s.Relationships).Where(r => r.UserId == p.UserId).Select(r => cardById[r.ContactId].CentreX).ToList();
            return (Person: p, Index: index, Links: linked.Count, X: linked.Count > 0 ? linked.Average() - PersonWidth / 2 : double.MaxValue);
        }).OrderBy(w => w.X).ThenBy(w => w.Index).ToList();
        var people = new List<MapPerson>();
        var next = Margin;
        foreach (var w in wanted)
        {
            var x = w.X == double.MaxValue ? next : Math.Max(next, w.X);
            people.Add(new MapPerson(w.Person, x, peopleTop, w.Links));
            next = x + PersonWidth + PersonGap;
        }
        var width = Math.Max(chart.Width + Margin * 2, next - PersonGap + Margin);
        width = Math.Max(width, 720);

        var personById = people.ToDictionary(p => p.Person.UserId);
        var links = new List<MapLink>();
        var cutoff = now.AddDays(-staleAfterDays);
        foreach (var card in cards)
        {
            var known = card.Stakeholder.Relationships.OrderBy(r => personById[r.UserId].CentreX).ToList();
            for (var i = 0; i < known.Count; i++)
            {
                var r = known[i];
                var person = personById[r.UserId];
                var atPerson = picture.Stakeholders.SelectMany(s => s.Relationships).Where(x => x.UserId == r.UserId)
                    .OrderBy(x => cardById[x.ContactId].CentreX).ThenBy(x => x.ContactId).ToList();
                var slot = atPerson.FindIndex(x => x.Id == r.Id);
                var end = new Point(person.X + PersonWidth * (slot + 1) / (atPerson.Count + 1), person.Y);
                Point start, control1;
                if (card.SideExit)
                {
                    // Another card hangs right below this one: leave from the right-hand side.
                    start = new Point(card.X + OrgChartLayout.CardWidth, card.Y + OrgChartLayout.CardHeight * (i + 1) / (known.Count + 1));
                    control1 = new Point(start.X + 70, start.Y + 10);
                }
                else
                {
                    start = new Point(card.X + OrgChartLayout.CardWidth * (i + 1) / (known.Count + 1), card.Y + OrgChartLayout.CardHeight);
                    control1 = new Point(start.X, start.Y + 90);
                }
                var control2 = new Point(end.X, end.Y - 110);
                var stale = r.Counts && (r.LastSpokeAt is null || r.LastSpokeAt < cutoff);
                links.Add(new MapLink(r, start, control1, control2, end, MarkerOn(start, control1, control2, end), stale));
            }
        }
        return new RelationshipMapModel(cards, chart.Lines.Select(l => (IReadOnlyList<Point>)l.Select(p => new Point(p.X + Margin, p.Y + HeaderHeight)).ToList()).ToList(),
            people, links, width, peopleTop + PersonHeight + LegendHeight, peopleTop);
    }

    /// <summary>The point about 30 units along the curve from its start: where the strength marker sits, close to the card.</summary>
    private static Point MarkerOn(Point a, Point b, Point c, Point d)
    {
        var previous = a;
        var travelled = 0.0;
        for (var t = 0.01; t <= 1; t += 0.01)
        {
            var u = 1 - t;
            var p = new Point(
                u * u * u * a.X + 3 * u * u * t * b.X + 3 * u * t * t * c.X + t * t * t * d.X,
                u * u * u * a.Y + 3 * u * u * t * b.Y + 3 * u * t * t * c.Y + t * t * t * d.Y);
            travelled += Math.Sqrt((p.X - previous.X) * (p.X - previous.X) + (p.Y - previous.Y) * (p.Y - previous.Y));
            if (travelled >= 30) return p;
            previous = p;
        }
        return d;
    }
}
