namespace Steward.Features.Relationships.Map;

/// <summary>A point on the map, in SVG user units.</summary>
public readonly record struct Point(double X, double Y);

/// <summary>
/// Where one card sits (its top-left corner). <see cref="SideExit"/>: something hangs right below
/// it (a stacked colleague or its own reports), so lines to our people leave from its right side.
/// </summary>
public sealed record CardPlacement(int Id, double X, double Y, bool SideExit);

/// <summary>The org chart's cards and the reporting lines between them, as polylines.</summary>
public sealed record OrgChart(IReadOnlyList<CardPlacement> Cards, IReadOnlyList<IReadOnlyList<Point>> Lines, double Width, double Height)
{
    public CardPlacement? Card(int id) => Cards.FirstOrDefault(c => c.Id == id);
}

/// <summary>
/// A small tidy-tree layout for an org chart. Near the top, managers are centred over their
/// reports; reports who manage nobody hang in a column under their manager; and when the chart
/// gets too wide (a big customer), deeper levels turn into indented lists, so 50 people still fit
/// a screen-shaped picture. People with no reporting line sit in a grid to the right.
/// </summary>
public static class OrgChartLayout
{
    public const double CardWidth = 210;
    public const double CardHeight = 76;
    public const double HorizontalGap = 28;
    public const double VerticalGap = 72;
    public const double StackGap = 16;
    public const double Indent = 26;
    /// <summary>From this many leaf reports on, they are stacked instead of spread in a row.</summary>
    public const int StackFrom = 3;
    public const int RowsPerColumn = 6;
    public const int LooseColumns = 4;
    /// <summary>A chart wider than this (and than twice its height) is tried again in a more compact form.</summary>
    public const double ComfortableWidth = 1800;

    /// <param name="nodes">Each node with its manager (null, or not in the list, for the top of a chart), in display order.</param>
    public static OrgChart Build(IReadOnlyList<(int Id, int? ParentId)> nodes)
    {
        OrgChart? narrowest = null;
        foreach (var listFromDepth in new[] { int.MaxValue, 2, 1 })
        {
            var chart = Build(nodes, listFromDepth);
            if (chart.Width <= Math.Max(ComfortableWidth, chart.Height * 2)) return chart;
            if (narrowest is null || chart.Width < narrowest.Width) narrowest = chart;
        }
        return narrowest!;
    }

    /// <param name="listFromDepth">Managers at this depth or deeper show their reports as an indented list.</param>
    public static OrgChart Build(IReadOnlyList<(int Id, int? ParentId)> nodes, int listFromDepth)
    {
        var ids = nodes.Select(n => n.Id).ToHashSet();
        var children = nodes.Where(n => n.ParentId is { } p && ids.Contains(p) && p != n.Id)
            .GroupBy(n => n.ParentId!.Value).ToDictionary(g => g.Key, g => g.Select(n => n.Id).ToList());
        var visited = new HashSet<int>();
        // Tops of charts first; anything left unvisited sits in a reporting loop and becomes a top too.
        var tops = nodes.Where(n => n.ParentId is not { } p || !ids.Contains(p) || p == n.Id).Select(n => n.Id);
        var trees = new List<Subtree>();
        foreach (var top in tops.Concat(nodes.Select(n => n.Id)))
        {
            if (!visited.Contains(top)) trees.Add(Measure(top, 0, listFromDepth, children, visited));
        }

        var layout = new Layout();
        var x = 0.0;
        var height = 0.0;
        foreach (var tree in trees.Where(t => t.Children.Count > 0))
        {
            Place(tree, x, 0, layout);
            x += tree.Width + HorizontalGap * 2;
            height = Math.Max(height, tree.Height);
        }
        var loose = trees.Where(t => t.Children.Count == 0).ToList();
        if (loose.Count > 0)
        {
            var columns = Math.Min(LooseColumns, loose.Count);
            for (var i = 0; i < loose.Count; i++)
            {
                layout.Card(loose[i].Id, x + i % columns * (CardWidth + HorizontalGap), i / columns * (CardHeight + StackGap * 2), false);
            }
            x += columns * (CardWidth + HorizontalGap) + HorizontalGap;
            height = Math.Max(height, (loose.Count + columns - 1) / columns * (CardHeight + StackGap * 2) - StackGap * 2);
        }
        return new OrgChart(layout.Cards, layout.Lines, nodes.Count == 0 ? 0 : Math.Max(CardWidth, x - HorizontalGap * 2), height);
    }

    private enum Shape { Leaf, Row, Block, List }

    private sealed record Subtree(int Id, List<Subtree> Children, Shape Shape, double Width, double Height);

    private sealed class Layout
    {
        public List<CardPlacement> Cards { get; } = [];
        public List<IReadOnlyList<Point>> Lines { get; } = [];

        public CardPlacement Card(int id, double x, double y, bool sideExit)
        {
            var card = new CardPlacement(id, x, y, sideExit);
            Cards.Add(card);
            return card;
        }

        public void Line(params Point[] points) => Lines.Add(points);
    }

    private static Subtree Measure(int id, int depth, int listFromDepth, Dictionary<int, List<int>> children, HashSet<int> visited)
    {
        visited.Add(id);
        var kids = children.TryGetValue(id, out var list)
            ? list.Where(k => !visited.Contains(k)).Select(k => Measure(k, depth + 1, listFromDepth, children, visited)).ToList()
            : [];
        if (kids.Count == 0) return new Subtree(id, kids, Shape.Leaf, CardWidth, CardHeight);
        if (depth >= listFromDepth)
        {
            return new Subtree(id, kids, Shape.List, Math.Max(CardWidth, Indent + kids.Max(k => k.Width)), CardHeight + kids.Sum(k => StackGap + k.Height));
        }
        if (kids.Count >= StackFrom && kids.All(k => k.Shape == Shape.Leaf))
        {
            var (columns, rows) = Grid(kids.Count);
            return new Subtree(id, kids, Shape.Block, Math.Max(CardWidth, BlockWidth(columns)), CardHeight + VerticalGap / 2 + rows * (CardHeight + StackGap) - StackGap);
        }
        var span = kids.Sum(k => k.Width) + HorizontalGap * (kids.Count - 1);
        return new Subtree(id, kids, Shape.Row, Math.Max(CardWidth, span), CardHeight + VerticalGap + kids.Max(k => k.Height));
    }

    private static (int Columns, int Rows) Grid(int count)
    {
        var columns = (count + RowsPerColumn - 1) / RowsPerColumn;
        return (columns, (count + columns - 1) / columns);
    }

    private static double BlockWidth(int columns) => columns * (Indent + CardWidth) + (columns - 1) * HorizontalGap;

    /// <summary>Places a subtree in the box starting at (left, top); returns where its root card went.</summary>
    private static CardPlacement Place(Subtree tree, double left, double top, Layout layout) => tree.Shape switch
    {
        Shape.Leaf => layout.Card(tree.Id, left + (tree.Width - CardWidth) / 2, top, false),
        Shape.List => PlaceList(tree, left, top, layout, sideExit: true),
        Shape.Block => PlaceBlock(tree, left, top, layout),
        _ => PlaceRow(tree, left, top, layout),
    };

    /// <summary>The manager at the top left, each report's own list indented below, joined by a spine.</summary>
    private static CardPlacement PlaceList(Subtree tree, double left, double top, Layout layout, bool sideExit)
    {
        var root = layout.Card(tree.Id, left, top, sideExit || tree.Children.Count > 0);
        var spine = left + Indent / 2;
        var y = top + CardHeight;
        var lastMiddle = y;
        foreach (var child in tree.Children)
        {
            y += StackGap;
            PlaceList(child, left + Indent, y, layout, sideExit: true);
            lastMiddle = y + CardHeight / 2;
            layout.Line(new(spine, lastMiddle), new(left + Indent, lastMiddle));
            y += child.Height;
        }
        if (tree.Children.Count > 0) layout.Line(new(spine, top + CardHeight), new(spine, lastMiddle));
        return root;
    }

    /// <summary>The manager centred over columns of reports who manage nobody.</summary>
    private static CardPlacement PlaceBlock(Subtree tree, double left, double top, Layout layout)
    {
        var (columns, rows) = Grid(tree.Children.Count);
        var blockLeft = left + (tree.Width - BlockWidth(columns)) / 2;
        var x = left + (tree.Width - CardWidth) / 2;
        var root = layout.Card(tree.Id, x, top, false);
        var below = top + CardHeight;
        var bus = below + VerticalGap / 4;
        var spines = new List<double>();
        for (var c = 0; c < columns; c++)
        {
            var columnLeft = blockLeft + c * (Indent + CardWidth + HorizontalGap) + Indent;
            var spine = columnLeft - Indent / 2;
            spines.Add(spine);
            var inColumn = tree.Children.Skip(c * rows).Take(rows).ToList();
            var middle = 0.0;
            for (var r = 0; r < inColumn.Count; r++)
            {
                var y = below + VerticalGap / 2 + r * (CardHeight + StackGap);
                layout.Card(inColumn[r].Id, columnLeft, y, true);
                middle = y + CardHeight / 2;
                layout.Line(new(spine, middle), new(columnLeft, middle));
            }
            layout.Line(new(spine, bus), new(spine, middle));
        }
        var centre = x + CardWidth / 2;
        layout.Line(new(centre, below), new(centre, bus));
        layout.Line(new(Math.Min(centre, spines.Min()), bus), new(Math.Max(centre, spines.Max()), bus));
        return root;
    }

    /// <summary>The manager centred over their reports' subtrees side by side, joined by elbows.</summary>
    private static CardPlacement PlaceRow(Subtree tree, double left, double top, Layout layout)
    {
        var span = tree.Children.Sum(k => k.Width) + HorizontalGap * (tree.Children.Count - 1);
        var childLeft = left + (tree.Width - span) / 2;
        var below = top + CardHeight;
        var childTop = below + VerticalGap;
        var centres = new List<double>();
        foreach (var child in tree.Children)
        {
            centres.Add(Place(child, childLeft, childTop, layout).X + CardWidth / 2);
            childLeft += child.Width + HorizontalGap;
        }
        var parentCentre = Math.Clamp((centres[0] + centres[^1]) / 2, left + CardWidth / 2, left + tree.Width - CardWidth / 2);
        var busY = below + VerticalGap / 2;
        foreach (var centre in centres)
        {
            layout.Line(new(parentCentre, below), new(parentCentre, busY), new(centre, busY), new(centre, childTop));
        }
        return layout.Card(tree.Id, parentCentre - CardWidth / 2, top, false);
    }
}
