namespace Steward.Features.Relationships.Map;

/// <summary>A point on the map, in SVG user units.</summary>
public readonly record struct Point(double X, double Y);

/// <summary>Where one card sits: its top-left corner, and whether its leaves hang in a column beside it.</summary>
public sealed record CardPlacement(int Id, double X, double Y, bool Stacked);

/// <summary>The org chart's cards and the reporting lines between them, as polylines.</summary>
public sealed record OrgChart(IReadOnlyList<CardPlacement> Cards, IReadOnlyList<IReadOnlyList<Point>> Lines, double Width, double Height)
{
    public CardPlacement? Card(int id) => Cards.FirstOrDefault(c => c.Id == id);
}

/// <summary>
/// A small tidy-tree layout for an org chart: each manager centred over their reports, reports
/// who manage nobody stacked in columns under their manager (so 20 direct reports do not make the
/// chart 20 cards wide), and people with no reporting line in a grid to the right.
/// </summary>
public static class OrgChartLayout
{
    public const double CardWidth = 210;
    public const double CardHeight = 76;
    public const double HorizontalGap = 28;
    public const double VerticalGap = 72;
    public const double StackGap = 18;
    public const double StackIndent = 26;
    /// <summary>From this many leaf reports on, they are stacked instead of spread in a row.</summary>
    public const int StackFrom = 3;
    public const int RowsPerColumn = 6;
    public const int LooseColumns = 4;

    /// <param name="nodes">Each node with its manager (null, or not in the list, for the top of a chart), in display order.</param>
    public static OrgChart Build(IReadOnlyList<(int Id, int? ParentId)> nodes)
    {
        var ids = nodes.Select(n => n.Id).ToHashSet();
        var children = nodes.Where(n => n.ParentId is { } p && ids.Contains(p) && p != n.Id)
            .GroupBy(n => n.ParentId!.Value).ToDictionary(g => g.Key, g => g.Select(n => n.Id).ToList());
        var placed = new List<CardPlacement>();
        var lines = new List<IReadOnlyList<Point>>();
        var visited = new HashSet<int>();

        // Tops of charts first; anything left unvisited sits in a reporting loop and becomes a top too.
        var tops = nodes.Where(n => n.ParentId is not { } p || !ids.Contains(p) || p == n.Id).Select(n => n.Id).ToList();
        var trees = new List<Subtree>();
        foreach (var top in tops.Concat(nodes.Select(n => n.Id)))
        {
            if (visited.Contains(top)) continue;
            trees.Add(Measure(top, children, visited));
        }
        var loose = trees.Where(t => t.Children.Count == 0).ToList();
        var x = 0.0;
        var height = 0.0;
        foreach (var tree in trees.Where(t => t.Children.Count > 0))
        {
            Place(tree, x, 0, placed, lines);
            x += tree.Width + HorizontalGap * 2;
            height = Math.Max(height, tree.Height);
        }
        if (loose.Count > 0)
        {
            var columns = Math.Min(LooseColumns, loose.Count);
            for (var i = 0; i < loose.Count; i++)
            {
                placed.Add(new CardPlacement(loose[i].Id, x + i % columns * (CardWidth + HorizontalGap), i / columns * (CardHeight + StackGap * 2), false));
            }
            var rows = (loose.Count + columns - 1) / columns;
            x += columns * (CardWidth + HorizontalGap);
            height = Math.Max(height, rows * (CardHeight + StackGap * 2) - StackGap * 2);
        }
        var width = Math.Max(CardWidth, x - (loose.Count > 0 ? HorizontalGap : HorizontalGap * 2));
        return new OrgChart(placed, lines, nodes.Count == 0 ? 0 : width, height);
    }

    private sealed record Subtree(int Id, List<Subtree> Children, bool Stacked, double Width, double Height);

    private static Subtree Measure(int id, Dictionary<int, List<int>> children, HashSet<int> visited)
    {
        visited.Add(id);
        var kids = children.TryGetValue(id, out var list)
            ? list.Where(k => !visited.Contains(k)).Select(k => Measure(k, children, visited)).ToList()
            : [];
        if (kids.Count == 0) return new Subtree(id, kids, false, CardWidth, CardHeight);
        if (kids.Count >= StackFrom && kids.All(k => k.Children.Count == 0))
        {
            var (columns, rows) = Grid(kids.Count);
            var block = columns * (StackIndent + CardWidth) + (columns - 1) * HorizontalGap;
            return new Subtree(id, kids, true, Math.Max(CardWidth, block), CardHeight + VerticalGap / 2 + rows * (CardHeight + StackGap) - StackGap);
        }
        var span = kids.Sum(k => k.Width) + HorizontalGap * (kids.Count - 1);
        return new Subtree(id, kids, false, Math.Max(CardWidth, span), CardHeight + VerticalGap + kids.Max(k => k.Height));
    }

    private static (int Columns, int Rows) Grid(int count)
    {
        var columns = (count + RowsPerColumn - 1) / RowsPerColumn;
        return (columns, (count + columns - 1) / columns);
    }

    /// <summary>Places a subtree in the box starting at (left, top); returns where its root card went.</summary>
    private static CardPlacement Place(Subtree tree, double left, double top, List<CardPlacement> placed, List<IReadOnlyList<Point>> lines)
    {
        if (tree.Children.Count == 0)
        {
            return Add(placed, new CardPlacement(tree.Id, left + (tree.Width - CardWidth) / 2, top, false));
        }
        var below = top + CardHeight;
        if (tree.Stacked)
        {
            var (columns, rows) = Grid(tree.Children.Count);
            var block = columns * (StackIndent + CardWidth) + (columns - 1) * HorizontalGap;
            var blockLeft = left + (tree.Width - block) / 2;
            var x = left + (tree.Width - CardWidth) / 2;
            var root = Add(placed, new CardPlacement(tree.Id, x, top, false));
            var bus = below + VerticalGap / 4;
            var spines = new List<double>();
            for (var c = 0; c < columns; c++)
            {
                var columnLeft = blockLeft + c * (StackIndent + CardWidth + HorizontalGap) + StackIndent;
                var spine = columnLeft - StackIndent / 2;
                spines.Add(spine);
                var inColumn = tree.Children.Skip(c * rows).Take(rows).ToList();
                for (var r = 0; r < inColumn.Count; r++)
                {
                    var y = below + VerticalGap / 2 + r * (CardHeight + StackGap);
                    placed.Add(new CardPlacement(inColumn[r].Id, columnLeft, y, true));
                    lines.Add([new(spine, y + CardHeight / 2), new(columnLeft, y + CardHeight / 2)]);
                }
                var last = below + VerticalGap / 2 + (inColumn.Count - 1) * (CardHeight + StackGap) + CardHeight / 2;
                lines.Add([new(spine, bus), new(spine, last)]);
            }
            var centre = x + CardWidth / 2;
            lines.Add([new(centre, below), new(centre, bus)]);
            lines.Add([new(Math.Min(centre, spines.Min()), bus), new(Math.Max(centre, spines.Max()), bus)]);
            return root;
        }

        var span = tree.Children.Sum(k => k.Width) + HorizontalGap * (tree.Children.Count - 1);
        var childLeft = left + (tree.Width - span) / 2;
        var childTop = below + VerticalGap;
        var centres = new List<double>();
        foreach (var child in tree.Children)
        {
            centres.Add(Place(child, childLeft, childTop, placed, lines).X + CardWidth / 2);
            childLeft += child.Width + HorizontalGap;
        }
        var parentCentre = (centres[0] + centres[^1]) / 2;
        var busY = below + VerticalGap / 2;
        foreach (var centre in centres)
        {
            lines.Add([new(parentCentre, below), new(parentCentre, busY), new(centre, busY), new(centre, childTop)]);
        }
        return Add(placed, new CardPlacement(tree.Id, parentCentre - CardWidth / 2, top, false));
    }

    private static CardPlacement Add(List<CardPlacement> placed, CardPlacement card)
    {
        placed.Add(card);
        return card;
    }
}
