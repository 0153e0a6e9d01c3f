namespace Trellis.Core.Crosswalk;

/// <summary>
/// The crosswalk over every framework in a catalog: curated links, their inverses, and links inferred
/// through pivot frameworks by breadth-first search (docs/crosswalk-rules.md, rules 4 and 5).
/// Built once per catalog; thread-safe for reads.
/// </summary>
public sealed class CrosswalkEngine
{
    /// <summary>Default maximum number of links in an inferred chain.</summary>
    public const int DefaultMaxDepth = 3;

    private readonly LinkGraph _graph;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, int), IReadOnlyList<MappingLink>> _all = new();

    /// <summary>Indexes the catalog's curated links.</summary>
    public CrosswalkEngine(FrameworkCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
        _graph = new LinkGraph(catalog);
    }

    /// <summary>The catalog this engine indexes.</summary>
    public FrameworkCatalog Catalog { get; }

    /// <summary>
    /// Links from requirements of <paramref name="from"/> to requirements of <paramref name="to"/>:
    /// curated links in that direction (including explicit no-relationship entries) and curated links
    /// in the other direction, inverted. Ordered by the source framework's requirement order.
    /// </summary>
    public IReadOnlyList<MappingLink> Direct(string from, string to)
    {
        var result = new List<MappingLink>();
        foreach (var set in Catalog.Mappings)
        {
            if (set.From == from && set.To == to)
            {
                result.AddRange(set.Links);
            }
            else if (set.From == to && set.To == from)
            {
                result.AddRange(set.Links.Where(l => l.To is not null).Select(Invert));
            }
        }

        return Order(result, from, to);
    }

    /// <summary>
    /// Links inferred from <paramref name="from"/> to <paramref name="to"/> through other frameworks,
    /// for pairs that have no direct link. Each keeps its path. Chains of one direction stay definite;
    /// the rest are marked <see cref="MappingLink.NeedsReview"/>.
    /// </summary>
    /// <param name="from">Source framework.</param>
    /// <param name="to">Target framework.</param>
    /// <param name="maxDepth">Maximum links in a chain; the default is 3.</param>
    public IReadOnlyList<MappingLink> Inferred(string from, string to, int maxDepth = DefaultMaxDepth)
    {
        // The pairs Direct(from, to) links (curated either way, no-relationship entries included), without building
        // and ordering those links: the walk already yields in the frameworks' requirement order.
        var direct = new HashSet<(string, string)>();
        foreach (var set in Catalog.Mappings)
        {
            var forward = set.From == from && set.To == to;
            if (!forward && !(set.From == to && set.To == from))
            {
                continue;
            }

            foreach (var l in set.Links)
            {
                if (l.To is { } target)
                {
                    direct.Add(forward ? (l.From.Requirement, target.Requirement) : (target.Requirement, l.From.Requirement));
                }
            }
        }

        return _graph.Infer(from, to, maxDepth, direct);
    }

    /// <summary>Direct links followed by inferred ones; computed once per pair and depth, then cached.</summary>
    public IReadOnlyList<MappingLink> All(string from, string to, int maxDepth = DefaultMaxDepth) =>
        _all.GetOrAdd((from, to, maxDepth), k => [.. Direct(k.Item1, k.Item2), .. Inferred(k.Item1, k.Item2, k.Item3)]);

    private static MappingLink Invert(MappingLink link) => link with
    {
        From = link.To!.Value,
        To = link.From,
        Relationship = link.Relationship.Invert(),
        Origin = LinkOrigin.Inverted,
        Path = [link.From, link.To!.Value],
    };

    private List<MappingLink> Order(List<MappingLink> links, string from, string to)
    {
        var fromOrder = RankOf(from);
        var toOrder = RankOf(to);
        return links
            .OrderBy(l => fromOrder.GetValueOrDefault(l.From.Requirement, int.MaxValue))
            .ThenBy(l => l.To is null ? -1 : toOrder.GetValueOrDefault(l.To.Value.Requirement, int.MaxValue))
            .ToList();
    }

    private Dictionary<string, int> RankOf(string framework)
    {
        var fw = Catalog.Framework(framework);
        return fw.IsSuccess
            ? fw.Value.AllRequirements.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal)
            : [];
    }
}
