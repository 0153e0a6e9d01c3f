using Trellis.Content;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;

namespace Trellis.Content.Tests;

/// <summary>
/// Issue 18 rewrote inference over flat arrays. These tests hold it to a plain reference written from
/// docs/crosswalk-rules.md (rules 4 and 5) with dictionaries and no indexing tricks — the algorithm as it stood
/// before — on every ordered pair of shipped frameworks and on a dense random catalog.
/// </summary>
public class InferenceReferenceTests
{
    [Fact]
    public void Inferred_EveryShippedPair_SameLinksAsThePlainReference()
    {
        var catalog = ShippedContent.Catalog;
        var engine = new CrosswalkEngine(catalog);
        foreach (var a in catalog.Frameworks)
        {
            foreach (var b in catalog.Frameworks.Where(f => f.Id != a.Id))
            {
                AssertSame(ReferenceInference.Inferred(catalog, a.Id, b.Id, 3), engine.Inferred(a.Id, b.Id), $"{a.Id} -> {b.Id}");
            }
        }
    }

    [Fact]
    public void Inferred_DenseRandomCatalog_SameLinksAsThePlainReference()
    {
        var random = new Random(18);
        var relationships = new[] { Relationship.Equal, Relationship.SubsetOf, Relationship.SupersetOf, Relationship.IntersectsWith, Relationship.NoRelationship };
        var frameworks = Enumerable.Range(0, 6).Select(f => new Framework($"f{f}", $"f{f}", "1",
            Enumerable.Range(0, 40).Select(r => new Requirement { Id = $"r{r}", Title = $"r{r}", Kind = RequirementKind.Control }).ToList())).ToList();
        var sets = new List<MappingSet>();
        for (var f = 0; f < 6; f++)
        {
            for (var g = f + 1; g < 6; g++)
            {
                var links = Enumerable.Range(0, 60)
                    .Select(_ => (From: random.Next(40), To: random.Next(40), Rel: relationships[random.Next(relationships.Length)], Strength: random.Next(1, 11)))
                    .DistinctBy(l => (l.From, l.To))
                    .Select(l => new MappingLink
                    {
                        From = new($"f{f}", $"r{l.From}"),
                        To = l.Rel == Relationship.NoRelationship && l.From % 2 == 0 ? null : new RequirementRef($"f{g}", $"r{l.To}"),
                        Relationship = l.Rel,
                        Rationale = l.Strength % 3 == 0 ? Rationale.Functional : Rationale.Semantic,
                        Strength = l.Strength,
                        Source = $"s{l.Strength % 2}",
                    }).ToList();
                sets.Add(new MappingSet($"f{f}_to_f{g}", $"f{f}", $"f{g}", 1, "", new Dictionary<string, string>(), links));
            }
        }

        var catalog = new FrameworkCatalog(frameworks, sets);
        var engine = new CrosswalkEngine(catalog);
        var total = 0;
        foreach (var a in frameworks)
        {
            foreach (var b in frameworks.Where(f => f.Id != a.Id))
            {
                var expected = ReferenceInference.Inferred(catalog, a.Id, b.Id, 3);
                total += expected.Count;
                AssertSame(expected, engine.Inferred(a.Id, b.Id), $"{a.Id} -> {b.Id}");
            }
        }

        Assert.True(total > 1000, $"the random catalog should infer many links, inferred {total}");
    }

    private static void AssertSame(List<MappingLink> expected, IReadOnlyList<MappingLink> actual, string pair)
    {
        Assert.True(expected.Count == actual.Count, $"{pair}: expected {expected.Count} links, got {actual.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal((pair, e.PathText, e.Relationship, e.Rationale, e.Strength, e.Source, e.Justification, e.Origin, e.NeedsReview, e.From, e.To),
                (pair, a.PathText, a.Relationship, a.Rationale, a.Strength, a.Source, a.Justification, a.Origin, a.NeedsReview, a.From, a.To));
        }
    }

    /// <summary>Breadth-first per source requirement, a dictionary of the best chain per target, LINQ throughout.</summary>
    private static class ReferenceInference
    {
        public static List<MappingLink> Inferred(FrameworkCatalog catalog, string from, string to, int maxDepth)
        {
            var adjacency = new Dictionary<RequirementRef, List<(RequirementRef Next, Relationship Rel, MappingLink Link)>>();
            var known = catalog.Frameworks.SelectMany(f => f.AllRequirements.Select(r => new RequirementRef(f.Id, r.Id))).ToHashSet();
            foreach (var link in catalog.Mappings.SelectMany(m => m.Links))
            {
                if (link.To is not { } target || link.Relationship == Relationship.NoRelationship || !known.Contains(link.From) || !known.Contains(target))
                {
                    continue;
                }

                Edges(adjacency, link.From).Add((target, link.Relationship, link));
                Edges(adjacency, target).Add((link.From, link.Relationship.Invert(), link));
            }

            var direct = catalog.Mappings
                .Where(m => (m.From == from && m.To == to) || (m.From == to && m.To == from))
                .SelectMany(m => m.Links.Where(l => l.To is not null).Select(l => m.From == from ? (l.From.Requirement, l.To!.Value.Requirement) : (l.To!.Value.Requirement, l.From.Requirement)))
                .ToHashSet();
            var result = new List<MappingLink>();
            var targetOrder = catalog.Framework(to).Value.AllRequirements.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
            foreach (var source in catalog.Framework(from).Value.AllRequirements.Select(r => new RequirementRef(from, r.Id)))
            {
                var best = new Dictionary<RequirementRef, Chain>();
                var seen = new HashSet<(RequirementRef, Relationship?)>();
                var queue = new Queue<Chain>([new Chain([source], [], Relationship.Equal, 10)]);
                while (queue.Count > 0)
                {
                    var chain = queue.Dequeue();
                    foreach (var (next, rel, link) in adjacency.GetValueOrDefault(chain.Path[^1]) ?? [])
                    {
                        if (next.Framework == from)
                        {
                            continue;
                        }

                        Relationship? state = chain.Links.Count == 0 ? Definite(rel) : chain.State is { } s && Definite(rel) is { } r ? Relationships.Compose(s, r) : null;
                        var reached = new Chain([.. chain.Path, next], [.. chain.Links, link], state, Math.Min(chain.MinStrength, link.Strength));
                        if (next.Framework == to)
                        {
                            if (reached.Links.Count >= 2 && (!best.TryGetValue(next, out var current) || Better(reached, current)))
                            {
                                best[next] = reached;
                            }
                        }
                        else if (reached.Links.Count < maxDepth && seen.Add((next, state)))
                        {
                            queue.Enqueue(reached);
                        }
                    }
                }

                result.AddRange(best.OrderBy(b => targetOrder[b.Key.Requirement])
                    .Where(b => !direct.Contains((source.Requirement, b.Key.Requirement)))
                    .Select(b => b.Value.ToLink()));
            }

            return result;
        }

        private static List<(RequirementRef, Relationship, MappingLink)> Edges(Dictionary<RequirementRef, List<(RequirementRef, Relationship, MappingLink)>> adjacency, RequirementRef node)
        {
            if (!adjacency.TryGetValue(node, out var list))
            {
                adjacency[node] = list = [];
            }

            return list;
        }

        private static Relationship? Definite(Relationship r) => r is Relationship.Equal or Relationship.SubsetOf or Relationship.SupersetOf ? r : null;

        private static bool Better(Chain a, Chain b)
        {
            static int Rank(Relationship? s) => s is Relationship.Equal or Relationship.SupersetOf ? 0 : s == Relationship.SubsetOf ? 1 : 2;
            return Rank(a.State) != Rank(b.State) ? Rank(a.State) < Rank(b.State)
                : a.MinStrength != b.MinStrength ? a.MinStrength > b.MinStrength : a.Links.Count < b.Links.Count;
        }

        private sealed record Chain(List<RequirementRef> Path, List<MappingLink> Links, Relationship? State, int MinStrength)
        {
            public MappingLink ToLink()
            {
                var review = State is null;
                var strength = Math.Max(1, MinStrength - (Links.Count - 1));
                var rationales = Links.Select(l => l.Rationale).Distinct().ToList();
                var pivots = Path.Skip(1).Take(Path.Count - 2).Select(p => p.Framework).Distinct();
                return new MappingLink
                {
                    From = Path[0],
                    To = Path[^1],
                    Relationship = State ?? Relationship.IntersectsWith,
                    Rationale = rationales.Count == 1 ? rationales[0] : Rationale.Semantic,
                    Strength = review ? Math.Min(strength, 3) : strength,
                    Source = string.Join("; ", Links.Select(l => l.Source).Distinct()),
                    Justification = (review ? "Related through " : "Follows through ") + string.Join(", ", pivots)
                        + (review ? "; chain mixes directions or overlaps: review before relying on it" : string.Empty),
                    Origin = LinkOrigin.Inferred,
                    Path = Path,
                    NeedsReview = review,
                };
            }
        }
    }
}
