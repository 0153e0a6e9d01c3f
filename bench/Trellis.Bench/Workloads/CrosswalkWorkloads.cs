using Trellis.Content;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;

namespace Trellis.Bench.Workloads;

/// <summary>Crosswalk inference and coverage workloads (issue 2, item 10).</summary>
internal static class CrosswalkWorkloads
{
    public static IEnumerable<Workload> Create()
    {
        yield return SyntheticInference(frameworks: 20, requirements: 1000, links: 30000);
        yield return Soc2CoverageFromIso();
    }

    /// <summary>
    /// Inference from framework 0 to framework 1 over a synthetic catalog, against a plain depth-limited BFS over
    /// int arrays that finds the same reachable targets without tracking relationships or paths.
    /// </summary>
    private static Workload SyntheticInference(int frameworks, int requirements, int links)
    {
        var random = new Random(20261127);
        var fws = Enumerable.Range(0, frameworks).Select(f => new Framework(
            $"f{f}", $"f{f}", "1",
            Enumerable.Range(0, requirements).Select(r => new Requirement { Id = $"r{r}", Title = $"r{r}", Kind = RequirementKind.Control }).ToList())).ToList();
        var relationships = new[] { Relationship.Equal, Relationship.SubsetOf, Relationship.SupersetOf, Relationship.IntersectsWith };
        var generated = new List<(int Fa, int Ra, int Fb, int Rb, Relationship Rel)>();
        var seen = new HashSet<(int, int, int, int)>();
        while (generated.Count < links)
        {
            var fa = random.Next(frameworks);
            var fb = random.Next(frameworks);
            var (ra, rb) = (random.Next(requirements), random.Next(requirements));
            if (fa != fb && seen.Add((fa, ra, fb, rb)))
            {
                generated.Add((fa, ra, fb, rb, relationships[random.Next(relationships.Length)]));
            }
        }

        var sets = generated.GroupBy(g => (g.Fa, g.Fb)).Select(g => new MappingSet(
            $"f{g.Key.Fa}_to_f{g.Key.Fb}", $"f{g.Key.Fa}", $"f{g.Key.Fb}", 1, "", new Dictionary<string, string>(),
            g.Select(l => new MappingLink
            {
                From = new($"f{l.Fa}", $"r{l.Ra}"),
                To = new($"f{l.Fb}", $"r{l.Rb}"),
                Relationship = l.Rel,
                Rationale = Rationale.Semantic,
                Strength = 5,
            }).ToList())).ToList();
        var catalog = new FrameworkCatalog(fws, sets);

        // Baseline adjacency: node = framework * requirements + requirement, both directions.
        var n = frameworks * requirements;
        var degree = new int[n + 1];
        foreach (var l in generated)
        {
            degree[(l.Fa * requirements) + l.Ra + 1]++;
            degree[(l.Fb * requirements) + l.Rb + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            degree[i + 1] += degree[i];
        }

        var adjacency = new int[generated.Count * 2];
        var fill = (int[])degree.Clone();
        foreach (var l in generated)
        {
            var a = (l.Fa * requirements) + l.Ra;
            var b = (l.Fb * requirements) + l.Rb;
            adjacency[fill[a]++] = b;
            adjacency[fill[b]++] = a;
        }

        var found = 0;
        var inferred = 0;
        var engine = new CrosswalkEngine(catalog); // built once per catalog in the product, as here
        return new Workload(
            $"infer f0->f1 ({frameworks}x{requirements}, {links} links)",
            () => found = PlainBfs(degree, adjacency, requirements, 0, 1, 3),
            () => inferred = engine.Inferred("f0", "f1").Count,
            () => $"plain BFS pairs {found}, inferred links {inferred}");
    }

    private static int PlainBfs(int[] start, int[] adjacency, int perFramework, int from, int to, int depth)
    {
        var n = start.Length - 1;
        var mark = new int[n];
        var stamp = 0;
        var pairs = 0;
        var frontier = new List<int>();
        var next = new List<int>();
        for (var s = from * perFramework; s < (from + 1) * perFramework; s++)
        {
            stamp++;
            frontier.Clear();
            frontier.Add(s);
            mark[s] = stamp;
            for (var d = 0; d < depth && frontier.Count > 0; d++)
            {
                next.Clear();
                foreach (var u in frontier)
                {
                    for (var e = start[u]; e < start[u + 1]; e++)
                    {
                        var v = adjacency[e];
                        var fw = v / perFramework;
                        if (mark[v] == stamp || fw == from)
                        {
                            continue;
                        }

                        mark[v] = stamp;
                        if (fw == to)
                        {
                            pairs += d >= 1 ? 1 : 0;
                        }
                        else
                        {
                            next.Add(v);
                        }
                    }
                }

                (frontier, next) = (next, frontier);
            }
        }

        return pairs;
    }

    /// <summary>Coverage of all 61 SOC 2 criteria from all of ISO 27001:2022, against a plain loop over the curated links.</summary>
    private static Workload Soc2CoverageFromIso()
    {
        var catalog = ShippedContent.Catalog;
        var set = catalog.Mappings.Single(m => m.From == "iso27001-2022" && m.To == "soc2-2017");
        var full = 0;
        return new Workload(
            "coverage soc2-2017 from all iso27001-2022",
            () =>
            {
                var best = new Dictionary<string, bool>();
                foreach (var l in set.Links)
                {
                    if (l.To is { } to)
                    {
                        best[to.Requirement] = best.GetValueOrDefault(to.Requirement) || l.Relationship.Satisfies();
                    }
                }
            },
            () => full = CoverageAnalysis.Compute(new CrosswalkEngine(catalog), "soc2-2017", "iso27001-2022").Value.Count(c => c.Level == CoverageLevel.Full),
            () => $"full {full} (engine built per run)");
    }
}
