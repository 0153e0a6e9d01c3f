using Trellis.Core.Crosswalk;
using Trellis.Exchange.Oscal;

namespace Trellis.Application.Catalogs;

/// <summary>
/// Merges an imported mapping file into the links already imported for the same pair of frameworks. A link is known
/// by its two requirements (a gap by its source requirement alone).
/// </summary>
internal static class MappingMerge
{
    public sealed record Result(MappingSet Set, int Added, int Updated, int Unchanged, IReadOnlyList<IgnoredEntry> Ignored);

    public static Result Merge(MappingImport import, MappingSet? stored, MappingSet? reverse, IReadOnlyList<MappingSet> shipped)
    {
        var (from, to) = (import.SourceFramework, import.TargetFramework);
        var reviewed = Pairs(shipped.Where(s => s.From == from && s.To == to), forward: true)
            .Concat(Pairs(shipped.Where(s => s.From == to && s.To == from), forward: false))
            .ToHashSet();
        var importedBackwards = reverse is null ? [] : Pairs([reverse], forward: false).ToHashSet();
        var links = new List<MappingLink>(stored?.Links ?? []);
        var index = new Dictionary<(string, string?), int>();
        for (var i = 0; i < links.Count; i++)
        {
            index[Key(links[i])] = i;
        }

        var ignored = new List<IgnoredEntry>(import.Ignored);
        int added = 0, updated = 0, unchanged = 0;
        for (var n = 0; n < import.Mappings.Links.Count; n++)
        {
            var link = import.Mappings.Links[n];
            var key = Key(link);
            var where = $"link {n + 1} ({link.From.Requirement} → {link.To?.Requirement ?? "no relationship"})";
            if (reviewed.Contains(key))
            {
                ignored.Add(new IgnoredEntry(where, $"the shipped crosswalk already links {Describe(key, from, to)} (reviewed); its link is kept"));
            }
            else if (importedBackwards.Contains(key))
            {
                ignored.Add(new IgnoredEntry(where, $"{Describe(key, from, to)} are already linked by the imported mapping {reverse!.Id}; import changes to that file instead"));
            }
            else if (!index.TryGetValue(key, out var at))
            {
                index[key] = links.Count;
                links.Add(link);
                added++;
            }
            else if (Same(links[at], link))
            {
                unchanged++;
            }
            else
            {
                links[at] = link;
                updated++;
            }
        }

        var sources = new Dictionary<string, string>(stored?.Sources ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (k, v) in import.Mappings.Sources)
        {
            sources[k] = v;
        }

        var set = new MappingSet(
            Data.ImportedMappingStore.IdOf(from, to), from, to, stored?.Revision ?? 0, import.Mappings.Description, sources, links);
        return new Result(set, added, updated, unchanged, ignored);
    }

    private static (string, string?) Key(MappingLink l) => (l.From.Requirement, l.To?.Requirement);

    // Keys in the import's orientation: a set in the other direction is read backwards (its gaps relate nothing on
    // this side, so they are left out).
    private static IEnumerable<(string, string?)> Pairs(IEnumerable<MappingSet> sets, bool forward) =>
        sets.SelectMany(s => s.Links)
            .Where(l => forward || l.To is not null)
            .Select(l => forward ? Key(l) : (l.To!.Value.Requirement, (string?)l.From.Requirement));

    private static bool Same(MappingLink a, MappingLink b) =>
        a.Relationship == b.Relationship && a.Rationale == b.Rationale && a.Strength == b.Strength
        && a.Source == b.Source && a.Justification == b.Justification && a.NeedsReview == b.NeedsReview;

    private static string Describe((string From, string? To) key, string from, string to) =>
        key.To is null ? $"{from}:{key.From} (as a gap)" : $"{from}:{key.From} and {to}:{key.To}";
}
