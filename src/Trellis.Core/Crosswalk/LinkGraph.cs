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
    private readonly int[] _edgeStrength;
    private readonly int[] _frameworkStart;

    public LinkGraph(FrameworkCatalog catalog)
    {
        _frameworkIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        _nodeIndex = [];
        var nodes = new List<RequirementRef>();
        var nodeFramework = new List<int>();
        var frameworkStart = new List<int>();
        foreach (var fw in catalog.Frameworks)
        {
            var fi = _frameworkIndex.Count;
            frameworkStart.Add(nodes.Count);
            _frameworkIndex[fw.Id] = fi;
            foreach (var r in fw.AllRequirements)
            {
                var rr = new RequirementRef(fw.Id, r.Id);
                _nodeIndex[rr] = nodes.Count;
                nodes.Add(rr);
                nodeFramework.Add(fi);
            }
        }

        frameworkStart.Add(nodes.Count);
        _frameworkStart = [.. frameworkStart];
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
        _edgeStrength = new int[edges.Count];
        var fill = (int[])_edgeStart.Clone();
        foreach (var e in edges)
        {
            var slot = fill[e.From]++;
            _edgeTarget[slot] = e.To;
            _edgeState[slot] = e.State;
            _edgeLink[slot] = e.Link;
            _edgeStrength[slot] = e.Link.Strength;
        }
    }

    /// <summary>
    /// Inferred links from <paramref name="from"/> to <paramref name="to"/>, ordered by source then target requirement
    /// (the frameworks' requirement order, which is node order), leaving out the pairs in <paramref name="direct"/>.
    /// One scratch set of flat arrays per call; nothing is allocated per step of the walk.
    /// </summary>
    public List<MappingLink> Infer(string from, string to, int maxDepth, HashSet<(string, string)> direct)
    {
        var result = new List<MappingLink>();
        if (!_frameworkIndex.TryGetValue(from, out var fromFw) || !_frameworkIndex.TryGetValue(to, out var toFw) || fromFw == toFw)
        {
            return result;
        }

        var scratch = Scratch.For(_nodes.Length * States, _frameworkStart[toFw + 1] - _frameworkStart[toFw]);
        var (seen, bestStamp, best, reachedTargets) = (scratch.Seen, scratch.BestStamp, scratch.Best, scratch.ReachedTargets);
        var queue = scratch.Queue;
        var toStart = _frameworkStart[toFw];
        for (var start = _frameworkStart[fromFw]; start < _frameworkStart[fromFw + 1]; start++)
        {
            var stamp = scratch.Next();
            reachedTargets.Clear();
            var count = 1;
            queue[0] = new Step(start, StateEqual, 0, -1, -1, 10);
            for (var head = 0; head < count; head++)
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

                    var state = step.Depth == 0 ? _edgeState[e] : ComposeTable[(step.State * States) + _edgeState[e]];
                    var strength = Math.Min(step.MinStrength, _edgeStrength[e]);
                    var reached = new Step(next, state, step.Depth + 1, head, e, strength);
                    if (fw == toFw)
                    {
                        if (reached.Depth < 2)
                        {
                            continue;
                        }

                        var slot = next - toStart;
                        if (bestStamp[slot] != stamp)
                        {
                            bestStamp[slot] = stamp;
                            best[slot] = reached;
                            reachedTargets.Add(next);
                        }
                        else if (Better(reached, best[slot]))
                        {
                            best[slot] = reached;
                        }

                        continue;
                    }

                    var key = (next * States) + state;
                    if (reached.Depth < maxDepth && seen[key] != stamp)
                    {
                        seen[key] = stamp;
                        if (count == queue.Length)
                        {
                            Array.Resize(ref queue, queue.Length * 2);
                            scratch.Queue = queue;
                        }

                        queue[count++] = reached;
                    }
                }
            }

            reachedTargets.Sort();
            foreach (var target in reachedTargets)
            {
                if (!direct.Contains((_nodes[start].Requirement, _nodes[target].Requirement)))
                {
                    result.Add(Build(queue, best[target - toStart]));
                }
            }
        }

        return result;
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

    // Rule 5 over chain states, computed once: ComposeTable[a * States + b].
    private static readonly byte[] ComposeTable = BuildComposeTable();

    private static byte[] BuildComposeTable()
    {
        var table = new byte[States * States];
        for (byte a = 0; a < States; a++)
        {
            for (byte b = 0; b < States; b++)
            {
                table[(a * States) + b] = Compose(a, b);
            }
        }

        return table;
    }

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

    // The link for the best chain to one target: the path, and what its curated links say, without LINQ.
    private MappingLink Build(Step[] queue, Step end)
    {
        var path = new RequirementRef[end.Depth + 1];
        var links = new MappingLink[end.Depth];
        var i = end.Depth;
        for (var step = end; ; step = queue[step.Parent])
        {
            path[i] = _nodes[step.Node];
            if (step.Edge < 0)
            {
                break;
            }

            links[--i] = _edgeLink[step.Edge];
        }

        var review = end.State == StateReview;
        var strength = Math.Max(1, end.MinStrength - (end.Depth - 1));
        var rationale = links[0].Rationale;
        var sources = new List<string>(links.Length);
        foreach (var l in links)
        {
            rationale = l.Rationale == rationale ? rationale : Rationale.Semantic;
            if (!sources.Contains(l.Source))
            {
                sources.Add(l.Source);
            }
        }

        var pivots = new List<string>(path.Length - 2);
        for (var p = 1; p < path.Length - 1; p++)
        {
            if (!pivots.Contains(path[p].Framework))
            {
                pivots.Add(path[p].Framework);
            }
        }

        return new MappingLink
        {
            From = path[0],
            To = path[^1],
            Relationship = RelationshipOf(end.State),
            Rationale = rationale,
            Strength = review ? Math.Min(strength, 3) : strength,
            Source = sources.Count == 1 ? sources[0] : string.Join("; ", sources),
            Justification = (review ? "Related through " : "Follows through ") + string.Join(", ", pivots)
                + (review ? "; chain mixes directions or overlaps: review before relying on it" : string.Empty),
            Origin = LinkOrigin.Inferred,
            Path = path,
            NeedsReview = review,
        };
    }

    // The walk's working arrays, kept per thread so that an inference allocates only its result. Marks are stamps that
    // only grow, so nothing is cleared between walks (nor between graphs sharing a thread).
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? _current;

        private int _stamp;

        public int[] Seen { get; private set; } = [];

        public int[] BestStamp { get; private set; } = [];

        public Step[] Best { get; private set; } = [];

        public Step[] Queue { get; set; } = new Step[64];

        public List<int> ReachedTargets { get; } = [];

        public static Scratch For(int seen, int targets)
        {
            var s = _current ??= new Scratch();
            if (s.Seen.Length < seen || s._stamp > int.MaxValue - (1 << 24))
            {
                s.Seen = new int[Math.Max(seen, s.Seen.Length)];
                s.BestStamp = new int[Math.Max(targets, s.BestStamp.Length)];
                s._stamp = 0;
            }

            if (s.BestStamp.Length < targets)
            {
                // A fresh array holds no stamp above zero; the current stamps stay valid for Seen.
                s.BestStamp = new int[targets];
            }

            if (s.Best.Length < targets)
            {
                s.Best = new Step[targets];
            }

            return s;
        }

        public int Next() => ++_stamp;
    }

    private readonly record struct Step(int Node, byte State, int Depth, int Parent, int Edge, int MinStrength);
}
