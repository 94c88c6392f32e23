using TrustFundManager.Workflows.Definitions;

namespace TrustFundManager.Web.Workflow;

/// <summary>A state's box on the diagram: its top-left corner and size, and the lines of its title.</summary>
public sealed record DiagramNode(string State, double X, double Y, double Width, double Height, IReadOnlyList<string> Lines,
    bool Initial, bool Terminal)
{
    public double CenterX => X + Width / 2;
    public double Bottom => Y + Height;
}

/// <summary>
/// One arrow between two states: every action that leads from <see cref="From"/> to <see cref="To"/> (an internal
/// action's arrow loops back to its state), the SVG path of the arrow and where its label sits.
/// </summary>
public sealed record DiagramEdge(string From, string To, IReadOnlyList<ActionDefinition> Actions, string Path,
    string Label, double LabelX, double LabelY, double LabelWidth)
{
    /// <summary>Fired only by the application (a timer, a decision recorded elsewhere), never by a person.</summary>
    public bool BySystemOnly => Actions.All(a => a.Roles.SequenceEqual([WorkflowRoles.System]));
}

public sealed record DiagramLayout(double MinX, double Width, double Height, IReadOnlyList<DiagramNode> Nodes, IReadOnlyList<DiagramEdge> Edges,
    double StartX, double StartY);

/// <summary>
/// Lays a workflow definition out as a layered diagram, top to bottom, as the app draws it in SVG (nothing is
/// fetched): states in layers by the longest path from the initial state (arrows that go back, such as a
/// resubmission, are drawn upward), arrows over several layers routed between the boxes, the states of a layer
/// ordered to cross fewer arrows, and each label put where it covers no box and no other label.
/// </summary>
public static class WorkflowDiagramLayout
{
    public const double NodeWidth = 176;
    public const double LineHeight = 16;
    private const double NodePadding = 12;
    private const double DummyWidth = 28;
    private const double HorizontalGap = 40;
    private const double LayerGap = 84;
    private const double Margin = 24;
    private const double StartSpace = 40;
    private const double LabelHeight = 16;
    private const double CharacterWidth = 6.4;
    private const int WrapAt = 22;

    /// <param name="definition">The workflow version to draw.</param>
    /// <param name="stateTitle">A state's title in the user's language.</param>
    /// <param name="actionTitle">An action's title in the user's language.</param>
    public static DiagramLayout Lay(WorkflowDefinition definition, Func<StateDefinition, string> stateTitle,
        Func<ActionDefinition, string> actionTitle)
    {
        var states = definition.States.Select(s => s.Name).ToList();
        var index = states.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);

        // One arrow per pair of states, with every action between them, in the definition's order.
        var pairs = new List<(string From, string To, List<ActionDefinition> Actions)>();
        foreach (var action in definition.Actions)
            foreach (var from in action.From)
            {
                var to = action.To ?? from;
                var pair = pairs.FindIndex(p => p.From == from && p.To == to);
                if (pair < 0) pairs.Add((from, to, [action]));
                else pairs[pair].Actions.Add(action);
            }

        var back = BackEdges(definition, states, pairs);
        var layer = Layers(definition, states, pairs, back);
        var layerCount = layer.Values.DefaultIfEmpty(0).Max() + 1;

        // Arrows over more than one layer pass through a point per layer between (a "dummy" of the layering).
        var rows = Enumerable.Range(0, layerCount).Select(_ => new List<Slot>()).ToList();
        var slots = new Dictionary<string, Slot>();
        foreach (var state in definition.States)
        {
            var slot = new Slot(state.Name, NodeWidth, Wrap(stateTitle(state)));
            slots[state.Name] = slot;
            rows[layer[state.Name]].Add(slot);
        }
        var chains = new List<List<Slot>>();
        for (var p = 0; p < pairs.Count; p++)
        {
            var (from, to, _) = pairs[p];
            if (from == to) { chains.Add([slots[from]]); continue; }
            // Layered downward: a back arrow is laid from its target to its source, then drawn reversed.
            var (top, bottom) = back.Contains(p) ? (to, from) : (from, to);
            var chain = new List<Slot> { slots[top] };
            for (var l = layer[top] + 1; l < layer[bottom]; l++)
            {
                var dummy = new Slot(null, DummyWidth, []);
                rows[l].Add(dummy);
                chain.Add(dummy);
            }
            chain.Add(slots[bottom]);
            if (back.Contains(p)) chain.Reverse();
            chains.Add(chain);
        }

        Order(rows, chains);

        // Positions: each layer centred on the widest, each as tall as its tallest box.
        var rowWidths = rows.Select(r => r.Sum(s => s.Width) + HorizontalGap * Math.Max(0, r.Count - 1)).ToList();
        var width = rowWidths.DefaultIfEmpty(NodeWidth).Max() + 2 * Margin;
        var y = Margin + StartSpace;
        foreach (var (row, rowWidth) in rows.Zip(rowWidths))
        {
            var height = row.Where(s => s.State is not null).Select(NodeHeight).DefaultIfEmpty(LineHeight * 2).Max();
            var x = (width - rowWidth) / 2;
            foreach (var slot in row)
            {
                slot.X = x;
                slot.Y = y;
                slot.Height = slot.State is null ? 0 : height;
                slot.RowHeight = height;
                x += slot.Width + HorizontalGap;
            }
            y += height + LayerGap;
        }
        var totalHeight = y - LayerGap + Margin;

        var nodes = definition.States.Select(s =>
        {
            var slot = slots[s.Name];
            return new DiagramNode(s.Name, slot.X, slot.Y, slot.Width, slot.Height, slot.Lines, s.Name == definition.InitialState,
                s.Terminal);
        }).ToList();

        var ends = Attachments(chains);
        var placed = nodes.Select(n => new Box(n.X - 4, n.Y - 4, n.Width + 8, n.Height + 8)).ToList();
        var edges = new List<DiagramEdge>();
        var extraWidth = 0.0;
        for (var p = 0; p < pairs.Count; p++)
        {
            var (from, to, actions) = pairs[p];
            var label = string.Join(" / ", actions.Select(actionTitle));
            var labelWidth = label.Length * CharacterWidth + 10;
            string path;
            List<(double X, double Y)> points;
            if (from == to)
            {
                var node = slots[from];
                var right = node.X + node.Width;
                var middle = node.Y + node.Height / 2;
                path = $"M {N(right)} {N(middle - 10)} C {N(right + 40)} {N(middle - 30)}, {N(right + 40)} {N(middle + 30)}, {N(right)} {N(middle + 10)}";
                points = [(right + 30, middle)];
                extraWidth = Math.Max(extraWidth, right + 30 + labelWidth + Margin - width);
            }
            else
            {
                points = Points(chains[p], ends, p);
                path = Curve(points);
            }
            var (labelX, labelY) = PlaceLabel(points, labelWidth, placed);
            placed.Add(new Box(labelX - labelWidth / 2, labelY - LabelHeight / 2, labelWidth, LabelHeight));
            edges.Add(new DiagramEdge(from, to, actions, path, label, labelX, labelY, labelWidth));
        }

        // A label pushed beyond the boxes widens the drawing (its view box starts left of 0) rather than being cut off.
        var left = Math.Min(0, placed.Min(b => b.X) - 4);
        var rightmost = Math.Max(width + extraWidth, placed.Max(b => b.X + b.Width) + 4);
        var initial = slots[definition.InitialState];
        return new DiagramLayout(left, rightmost - left, totalHeight, nodes, edges, initial.X + initial.Width / 2,
            Margin + StartSpace / 4);
    }

    /// <summary>Arrows that go back toward the initial state: those that close a cycle in a depth-first walk.</summary>
    private static HashSet<int> BackEdges(WorkflowDefinition definition, List<string> states,
        List<(string From, string To, List<ActionDefinition> Actions)> pairs)
    {
        var back = new HashSet<int>();
        var visited = new HashSet<string>();
        var onPath = new HashSet<string>();

        void Visit(string state)
        {
            visited.Add(state);
            onPath.Add(state);
            for (var p = 0; p < pairs.Count; p++)
            {
                if (pairs[p].From != state || pairs[p].To == state) continue;
                var to = pairs[p].To;
                if (onPath.Contains(to)) back.Add(p);
                else if (!visited.Contains(to)) Visit(to);
            }
            onPath.Remove(state);
        }

        Visit(definition.InitialState);
        foreach (var state in states.Where(s => !visited.Contains(s))) Visit(state);
        return back;
    }

    /// <summary>Each state's layer: the longest path to it from the initial state, back arrows left out.</summary>
    private static Dictionary<string, int> Layers(WorkflowDefinition definition, List<string> states,
        List<(string From, string To, List<ActionDefinition> Actions)> pairs, HashSet<int> back)
    {
        var forward = pairs.Select((p, i) => (p.From, p.To, i)).Where(p => p.From != p.To && !back.Contains(p.i)).ToList();
        var layer = states.ToDictionary(s => s, _ => 0);
        // Longest path in a graph with no cycle left: relax as often as there are states.
        for (var round = 0; round < states.Count; round++)
        {
            var changed = false;
            foreach (var (from, to, _) in forward)
                if (layer[to] < layer[from] + 1 && to != definition.InitialState)
                {
                    layer[to] = layer[from] + 1;
                    changed = true;
                }
            if (!changed) break;
        }
        return layer;
    }

    /// <summary>Orders each layer by the mean position of its neighbours, down then up, a few times.</summary>
    private static void Order(List<List<Slot>> rows, List<List<Slot>> chains)
    {
        var above = new Dictionary<Slot, List<Slot>>();
        var below = new Dictionary<Slot, List<Slot>>();
        foreach (var chain in chains)
            for (var i = 0; i + 1 < chain.Count; i++)
            {
                var (a, b) = (chain[i], chain[i + 1]);
                var (upper, lower) = rows.FindIndex(r => r.Contains(a)) < rows.FindIndex(r => r.Contains(b)) ? (a, b) : (b, a);
                (below.TryGetValue(upper, out var down) ? down : below[upper] = []).Add(lower);
                (above.TryGetValue(lower, out var up) ? up : above[lower] = []).Add(upper);
            }

        for (var sweep = 0; sweep < 4; sweep++)
        {
            for (var r = 1; r < rows.Count; r++) Sort(rows[r], rows[r - 1], above);
            for (var r = rows.Count - 2; r >= 0; r--) Sort(rows[r], rows[r + 1], below);
        }

        static void Sort(List<Slot> row, List<Slot> neighbourRow, Dictionary<Slot, List<Slot>> neighbours)
        {
            var position = neighbourRow.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => (double)p.i);
            var keyed = row.Select((slot, i) =>
            {
                var around = neighbours.TryGetValue(slot, out var list) ? list.Where(position.ContainsKey).ToList() : [];
                return (slot, key: around.Count == 0 ? i : around.Average(n => position[n]), i);
            }).OrderBy(k => k.key).ThenBy(k => k.i).Select(k => k.slot).ToList();
            row.Clear();
            row.AddRange(keyed);
        }
    }

    /// <summary>
    /// Where each arrow leaves and enters its boxes: the arrows on one side of a box are spread along it, ordered by
    /// where their other end lies, so two arrows between the same boxes (there and back) do not overlap.
    /// </summary>
    private static Dictionary<(int Chain, bool Start), double> Attachments(List<List<Slot>> chains)
    {
        var sides = new Dictionary<(Slot, bool Bottom), List<(int Chain, bool Start, double Toward)>>();
        for (var c = 0; c < chains.Count; c++)
        {
            var chain = chains[c];
            if (chain.Count < 2) continue;
            var (first, second) = (chain[0], chain[1]);
            var (last, beforeLast) = (chain[^1], chain[^2]);
            Add(first, second.Y > first.Y, c, true, second.X + second.Width / 2);
            Add(last, beforeLast.Y > last.Y, c, false, beforeLast.X + beforeLast.Width / 2);
        }

        var result = new Dictionary<(int, bool), double>();
        foreach (var ((slot, _), list) in sides)
        {
            var ordered = list.OrderBy(e => e.Toward).ToList();
            for (var i = 0; i < ordered.Count; i++)
                result[(ordered[i].Chain, ordered[i].Start)] = slot.X + slot.Width * (i + 1) / (ordered.Count + 1);
        }
        return result;

        void Add(Slot slot, bool bottom, int chain, bool start, double toward) =>
            (sides.TryGetValue((slot, bottom), out var list) ? list : sides[(slot, bottom)] = []).Add((chain, start, toward));
    }

    private static List<(double X, double Y)> Points(List<Slot> chain, Dictionary<(int, bool), double> ends, int p)
    {
        var points = new List<(double X, double Y)>();
        for (var i = 0; i < chain.Count; i++)
        {
            var slot = chain[i];
            if (slot.State is null)
            {
                // An arrow passing a layer goes straight through the whole height of that layer.
                var x = slot.X + slot.Width / 2;
                var downward = chain[0].Y < chain[^1].Y;
                points.Add((x, downward ? slot.Y : slot.Y + slot.RowHeight));
                points.Add((x, downward ? slot.Y + slot.RowHeight : slot.Y));
                continue;
            }
            var neighbour = i == 0 ? chain[1] : chain[i - 1];
            var bottom = neighbour.Y > slot.Y;
            var attach = ends[(p, i == 0)];
            points.Add((attach, bottom ? slot.Y + slot.Height : slot.Y));
        }
        return points;
    }

    /// <summary>A smooth path through the points, leaving and entering each box vertically.</summary>
    private static string Curve(List<(double X, double Y)> points)
    {
        var path = $"M {N(points[0].X)} {N(points[0].Y)}";
        for (var i = 1; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            if (Math.Abs(a.X - b.X) < 0.5)
            {
                path += $" L {N(b.X)} {N(b.Y)}";
                continue;
            }
            var middle = (a.Y + b.Y) / 2;
            path += $" C {N(a.X)} {N(middle)}, {N(b.X)} {N(middle)}, {N(b.X)} {N(b.Y)}";
        }
        return path;
    }

    /// <summary>The first point along the arrow where the label overlaps nothing already drawn; else its middle.</summary>
    private static (double X, double Y) PlaceLabel(List<(double X, double Y)> points, double width, List<Box> placed)
    {
        if (points.Count == 1) return (points[0].X + width / 2 + 4, points[0].Y);
        double[] fractions = [0.5, 0.35, 0.65, 0.2, 0.8, 0.42, 0.58, 0.27, 0.73, 0.12, 0.88];
        var segments = Enumerable.Range(1, points.Count - 1)
            .OrderByDescending(i => Math.Abs(points[i].Y - points[i - 1].Y)).ToList();
        foreach (var fraction in fractions)
            foreach (var i in segments)
            {
                var (a, b) = (points[i - 1], points[i]);
                var y = a.Y + (b.Y - a.Y) * fraction;
                var x = a.X + (b.X - a.X) * Ease(fraction);
                foreach (var shift in new[] { 0.0, width / 2 + 6, -width / 2 - 6 })
                {
                    var box = new Box(x + shift - width / 2, y - LabelHeight / 2, width, LabelHeight);
                    if (!placed.Any(box.Overlaps)) return (x + shift, y);
                }
            }
        var (first, second) = (points[segments[0] - 1], points[segments[0]]);
        return ((first.X + second.X) / 2, (first.Y + second.Y) / 2);
    }

    // The x of the curve at a height: the cubic with vertical tangents is an ease-in-out between the two ends.
    private static double Ease(double t) => t * t * (3 - 2 * t);

    private static IReadOnlyList<string> Wrap(string title)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > WrapAt)
            {
                lines.Add(line);
                line = word;
            }
            else line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0) lines.Add(line);
        return lines;
    }

    private static double NodeHeight(Slot slot) => slot.Lines.Count * LineHeight + 2 * NodePadding;

    /// <summary>A coordinate as SVG writes it: invariant culture, one decimal at most.</summary>
    public static string N(double value) => Math.Round(value, 1).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A place in a layer: a state's box, or the point where an arrow over several layers crosses one.</summary>
    private sealed class Slot(string? state, double width, IReadOnlyList<string> lines)
    {
        public string? State { get; } = state;
        public double Width { get; } = width;
        public IReadOnlyList<string> Lines { get; } = lines;
        public double X { get; set; }
        public double Y { get; set; }
        public double Height { get; set; }
        public double RowHeight { get; set; }
    }

    private sealed record Box(double X, double Y, double Width, double Height)
    {
        public bool Overlaps(Box other) =>
            X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;
    }
}
