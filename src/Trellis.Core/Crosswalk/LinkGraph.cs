namespace Trellis.Core.Crosswalk;

/// <summary>
/// Compact adjacency (CSR) over every requirement of every framework, with an edge per curated link and
/// one per inverse. Inference walks it breadth-first with integer nodes so that 20 frameworks and
/// 30,000 links stay within a small factor of a plain BFS over arrays (see bench/).
/// </summary>
internal sealed class LinkGraph
{
    // Chain states: a definite relationship so far, or "review" (rule 5: intersects or mixed directions).
    private const byte StateEqual = 0;
    private const byte StateSubset = 1;
    private const byte StateSuperset = 2;
    private const byte StateReview = 3;
    private const int States = 4;

    private readonly RequirementRef[] _nodes;
    private readonly int[] _nodeFramework;
    private readonly Dictionary<string, int> _frameworkIndex;
    private readonly Dictionary<RequirementRef, int> _nodeIndex;
    private readonly int[] _edgeStart;
    private readonly int[] _edgeTarget;
    private readonly byte[] _edgeState;
    private readonly MappingLink[] _edgeLink;

    public LinkGraph(FrameworkCatalog catalog)
    {
        _frameworkIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        _nodeIndex = [];
        var nodes = new List<RequirementRef>();
        var nodeFramework = new List<int>();
        foreach (var fw in catalog.Frameworks)
        {
            var fi = _frameworkIndex.Count;
            _frameworkIndex[fw.Id] = fi;
            foreach (var r in fw.AllRequirements)
            {
                var rr = new RequirementRef(fw.Id, r.Id);
                _nodeIndex[rr] = nodes.Count;
                nodes.Add(rr);
                nodeFramework.Add(fi);
            }
        }

        _nodes = [.. nodes];
        _nodeFramework = [.. nodeFramework];

        var edges = new List<(int From, int To, byte State, MappingLink Link)>();
        foreach (var set in catalog.Mappings)
        {
            foreach (var link in set.Links)
            {
                if (link.To is null || link.Relationship == Relationship.NoRelationship
                    || !_nodeIndex.TryGetValue(link.From, out var a) || !_nodeIndex.TryGetValue(link.To.Value, out var b))
                {
                    continue;
                }

                edges.Add((a, b, StateOf(link.Relationship), link));
                edges.Add((b, a, StateOf(link.Relationship.Invert()), link));
            }
        }

        _edgeStart = new int[_nodes.Length + 1];
        foreach (var e in edges)
        {
            _edgeStart[e.From + 1]++;
        }

        for (var i = 0; i < _nodes.Length; i++)
        {
            _edgeStart[i + 1] += _edgeStart[i];
        }

        _edgeTarget = new int[edges.Count];
        _edgeState = new byte[edges.Count];
        _edgeLink = new MappingLink[edges.Count];
        var fill = (int[])_edgeStart.Clone();
        foreach (var e in edges)
        {
            var slot = fill[e.From]++;
            _edgeTarget[slot] = e.To;
            _edgeState[slot] = e.State;
            _edgeLink[slot] = e.Link;
        }
    }

    public IEnumerable<MappingLink> Infer(string from, string to, int maxDepth)
    {
        if (!_frameworkIndex.TryGetValue(from, out var fromFw) || !_frameworkIndex.TryGetValue(to, out var toFw) || fromFw == toFw)
        {
            yield break;
        }

        var seen = new int[_nodes.Length * States];
        var stamp = 0;
        var queue = new List<Step>();
        for (var start = 0; start < _nodes.Length; start++)
        {
            if (_nodeFramework[start] != fromFw)
            {
                continue;
            }

            stamp++;
            queue.Clear();
            var best = new Dictionary<int, Step>();
            queue.Add(new Step(start, StateEqual, 0, -1, -1, 10));
            for (var head = 0; head < queue.Count; head++)
            {
                var step = queue[head];
                for (var e = _edgeStart[step.Node]; e < _edgeStart[step.Node + 1]; e++)
                {
                    var next = _edgeTarget[e];
                    var fw = _nodeFramework[next];
                    if (fw == fromFw)
                    {
                        continue;
                    }

                    var state = step.Depth == 0 ? _edgeState[e] : Compose(step.State, _edgeState[e]);
                    var strength = Math.Min(step.MinStrength, _edgeLink[e].Strength);
                    var reached = new Step(next, state, step.Depth + 1, head, e, strength);
                    if (fw == toFw)
                    {
                        if (reached.Depth >= 2 && (!best.TryGetValue(next, out var current) || Better(reached, current)))
                        {
                            best[next] = reached;
                        }

                        continue;
                    }

                    var key = (next * States) + state;
                    if (reached.Depth < maxDepth && seen[key] != stamp)
                    {
                        seen[key] = stamp;
                        queue.Add(reached);
                    }
                }
            }

            foreach (var (_, end) in best.OrderBy(kv => kv.Key))
            {
                yield return Build(queue, end);
            }
        }
    }

    private static byte StateOf(Relationship r) => r switch
    {
        Relationship.Equal => StateEqual,
        Relationship.SubsetOf => StateSubset,
        Relationship.SupersetOf => StateSuperset,
        _ => StateReview,
    };

    private static Relationship RelationshipOf(byte state) => state switch
    {
        StateEqual => Relationship.Equal,
        StateSubset => Relationship.SubsetOf,
        StateSuperset => Relationship.SupersetOf,
        _ => Relationship.IntersectsWith,
    };

    private static byte Compose(byte a, byte b)
    {
        if (a == StateReview || b == StateReview)
        {
            return StateReview;
        }

        var composed = Relationships.Compose(RelationshipOf(a), RelationshipOf(b));
        return composed is null ? StateReview : StateOf(composed.Value);
    }

    // Definite beats review; satisfying (equal, superset) beats partial; then strength; then shorter.
    private static bool Better(Step a, Step b)
    {
        static int Rank(byte s) => s switch { StateEqual or StateSuperset => 0, StateSubset => 1, _ => 2 };
        if (Rank(a.State) != Rank(b.State))
        {
            return Rank(a.State) < Rank(b.State);
        }

        return a.MinStrength != b.MinStrength ? a.MinStrength > b.MinStrength : a.Depth < b.Depth;
    }

    private MappingLink Build(List<Step> queue, Step end)
    {
        var path = new List<RequirementRef>();
        var links = new List<MappingLink>();
        for (var step = end; ; step = queue[step.Parent])
        {
            path.Add(_nodes[step.Node]);
            if (step.Edge < 0)
            {
                break;
            }

            links.Add(_edgeLink[step.Edge]);
        }

        path.Reverse();
        links.Reverse();
        var review = end.State == StateReview;
        var strength = Math.Max(1, end.MinStrength - (end.Depth - 1));
        var rationales = links.Select(l => l.Rationale).Distinct().ToList();
        var pivots = path.Skip(1).Take(path.Count - 2).Select(p => p.Framework).Distinct();
        return new MappingLink
        {
            From = path[0],
            To = path[^1],
            Relationship = RelationshipOf(end.State),
            Rationale = rationales.Count == 1 ? rationales[0] : Rationale.Semantic,
            Strength = review ? Math.Min(strength, 3) : strength,
            Source = string.Join("; ", links.Select(l => l.Source).Distinct()),
            Justification = (review ? "Related through " : "Follows through ") + string.Join(", ", pivots)
                + (review ? "; chain mixes directions or overlaps: review before relying on it" : string.Empty),
            Origin = LinkOrigin.Inferred,
            Path = path,
            NeedsReview = review,
        };
    }

    private readonly record struct Step(int Node, byte State, int Depth, int Parent, int Edge, int MinStrength);
}
