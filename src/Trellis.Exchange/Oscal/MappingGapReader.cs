using System.Text.Json;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Exchange.Json;

namespace Trellis.Exchange.Oscal;

/// <summary>
/// Reads <c>source-gap-summary</c>: the source requirements a mapping's author found no counterpart for, which
/// Trellis keeps as no-relationship links without a target (what <see cref="OscalMappingExport"/> writes there).
/// Holds the problem and ignored lists the whole import shares.
/// </summary>
internal sealed class MappingGapReader(MappingRequirementIds from, bool skipMissing = false)
{
    private readonly List<(string Id, string Path, Rationale Rationale)> _gaps = [];

    /// <summary>Every problem of the import, in document order.</summary>
    public List<MappingProblem> Problems { get; } = [];

    /// <summary>Everything the import ignored, in document order.</summary>
    public List<IgnoredEntry> Ignored { get; } = [];

    /// <summary>Reads the selectors of one gap summary: <c>with-ids</c> (exact IDs or exported tokens), <c>matching</c>
    /// (globs) and <c>with-child-controls</c>.</summary>
    public void Read(JsonElement summary, string path, Rationale rationale)
    {
        var i = 0;
        foreach (var selector in summary.GetProperty("unmapped-controls").EnumerateArray())
        {
            var selectorPath = JsonPaths.Index($"{path}.unmapped-controls", i++);
            var selected = new List<(string Id, string Path)>();
            var hasIds = selector.TryGetProperty("with-ids", out var withIds);
            var hasPatterns = selector.TryGetProperty("matching", out var matching);
            if (!hasIds && !hasPatterns)
            {
                Ignored.Add(new(selectorPath, "selects no control (neither with-ids nor matching)"));
            }

            var k = 0;
            foreach (var w in hasIds ? withIds.EnumerateArray().ToList() : [])
            {
                var idPath = JsonPaths.Index($"{selectorPath}.with-ids", k++);
                if (from.Find(w.GetString()!) is { } id)
                {
                    selected.Add((id, idPath));
                }
                else if (skipMissing)
                {
                    Ignored.Add(new(idPath, $"'{w.GetString()}' is not in {from.FrameworkId} (skipped: --skip-missing)"));
                }
                else
                {
                    Problems.Add(new(ErrorCodes.UnknownRequirement, idPath, from.Unknown(w.GetString()!, Problems.Count)));
                }
            }

            k = 0;
            foreach (var m in hasPatterns ? matching.EnumerateArray().ToList() : [])
            {
                var patternPath = $"{JsonPaths.Index($"{selectorPath}.matching", k++)}.pattern";
                if (OscalProse.Str(m, "pattern") is not { } pattern)
                {
                    continue;
                }

                var ids = from.Matching(pattern).ToList();
                if (ids.Count == 0 && skipMissing)
                {
                    Ignored.Add(new(patternPath, $"'{pattern}' matches no requirement of {from.FrameworkId} (skipped: --skip-missing)"));
                }
                else if (ids.Count == 0)
                {
                    Problems.Add(new(ErrorCodes.UnknownRequirement, patternPath, $"'{pattern}' matches no requirement of {from.FrameworkId}"));
                }

                selected.AddRange(ids.Select(id => (id, patternPath)));
            }

            var children = OscalProse.Str(selector, "with-child-controls") == "yes";
            foreach (var (id, idPath) in selected)
            {
                _gaps.Add((id, idPath, rationale));
                if (children)
                {
                    _gaps.AddRange(from.Descendants(id).Select(d => (d, idPath, rationale)));
                }
            }
        }
    }

    /// <summary>The gaps as links, leaving out (as ignored) a requirement that <paramref name="mapped"/> links and a repeat.</summary>
    public IEnumerable<MappingLink> Links(IReadOnlyCollection<MappingLink> mapped, string citation, int strength)
    {
        var linked = mapped.Select(l => l.From.Requirement).ToHashSet(StringComparer.Ordinal);
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        var links = new List<MappingLink>();
        foreach (var (id, path, rationale) in _gaps)
        {
            if (linked.Contains(id))
            {
                Ignored.Add(new(path, $"'{id}' is listed as unmapped but maps link it; the links are kept"));
            }
            else if (!first.TryAdd(id, path))
            {
                Ignored.Add(new(path, $"'{id}' is already listed as unmapped at {first[id]}"));
            }
            else
            {
                links.Add(new MappingLink
                {
                    From = new RequirementRef(from.FrameworkId, id),
                    Relationship = Relationship.NoRelationship,
                    Rationale = rationale,
                    Strength = strength,
                    Source = citation,
                });
            }
        }

        return links;
    }
}

/// <summary>A reason to reject the whole document.</summary>
/// <param name="Code">The error code: <c>unknown-requirement</c> or <c>duplicate-link</c>.</param>
/// <param name="Path">The JSONPath of the offending value.</param>
/// <param name="Message">What is wrong with it.</param>
internal sealed record MappingProblem(string Code, string Path, string Message);
