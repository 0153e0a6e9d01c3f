using System.Globalization;
using System.Text.Json;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Exchange.Json;

namespace Trellis.Exchange.Oscal;

/// <summary>
/// Turns the maps and gap summaries of one or more mappings (all between the same two frameworks) into links,
/// collecting what it ignores and every problem, so the caller can report all of them at once.
/// </summary>
internal sealed class MappingLinkReader(
    MappingRequirementIds from, MappingRequirementIds to, MappingResources resources, string citation, int defaultStrength, bool skipMissing = false)
{
    /// <summary>The OSCAL namespace: relationships in it (or without one) are NIST IR 8477's.</summary>
    public const string OscalNamespace = "http://csrc.nist.gov/ns/oscal";

    private readonly Dictionary<(string From, string To), (Relationship Relationship, string Path)> _seen = [];
    private readonly MappingGapReader _gaps = new(from, skipMissing);

    public List<MappingLink> Links { get; } = [];

    /// <summary>What was ignored, in document order.</summary>
    public List<IgnoredEntry> Ignored => _gaps.Ignored;

    /// <summary>Every problem, in document order.</summary>
    public List<MappingProblem> Problems => _gaps.Problems;

    /// <summary>Citation keys and texts of every link read.</summary>
    public SortedDictionary<string, string> Sources { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads one <c>mapping</c>: its maps, then its gap summaries.</summary>
    /// <param name="mapping">The mapping object.</param>
    /// <param name="path">Its JSONPath.</param>
    /// <param name="rationale">The collection's matching rationale (provenance), used when neither the mapping nor a map has one.</param>
    public void Read(JsonElement mapping, string path, Rationale rationale)
    {
        rationale = RationaleOf(mapping) ?? rationale;
        var i = 0;
        foreach (var map in mapping.GetProperty("maps").EnumerateArray())
        {
            ReadMap(map, JsonPaths.Index($"{path}.maps", i++), rationale);
        }

        if (mapping.TryGetProperty("source-gap-summary", out var gaps))
        {
            _gaps.Read(gaps, $"{path}.source-gap-summary", rationale);
        }

        if (mapping.TryGetProperty("target-gap-summary", out _))
        {
            Ignored.Add(new($"{path}.target-gap-summary",
                "target gaps are not imported: a Trellis gap is a source requirement with no counterpart, and a target requirement has no source to link from"));
        }
    }

    /// <summary>Adds the gaps read by <see cref="Read"/>; call after every mapping is read, so a gap is checked against all links.</summary>
    public void Finish() => Links.AddRange(_gaps.Links(Links, citation, defaultStrength));

    private void ReadMap(JsonElement map, string path, Rationale rationale)
    {
        var sources = Items(map, "sources", path, from);
        var targets = Items(map, "targets", path, to);
        var reason = WhyIgnored(map, sources, targets, out var relationship)
            ?? (sources.Concat(targets).FirstOrDefault(i => i.Missing) is { } missing
                ? $"'{missing.Ref}' is not in {(sources.Contains(missing) ? from : to).FrameworkId} (skipped: --skip-missing)"
                : null);
        if (reason is not null)
        {
            Ignored.Add(new(path, reason));
            return;
        }

        var (source, target) = (sources[0].Id, targets[0].Id);
        if (source is null || target is null)
        {
            return; // reported as a problem by Items
        }

        if (_seen.TryGetValue((source, target), out var first))
        {
            if (first.Relationship == relationship)
            {
                Ignored.Add(new(path, $"repeats the link {source} {relationship.ToWire()} {target} of {first.Path}"));
            }
            else
            {
                Problems.Add(new(ErrorCodes.DuplicateLink, $"{path}.relationship", $"{source} {relationship.ToWire()} {target} contradicts {first.Relationship.ToWire()} at {first.Path}"));
            }

            return;
        }

        _seen[(source, target)] = (relationship, path);
        Links.Add(new MappingLink
        {
            From = new RequirementRef(from.FrameworkId, source),
            To = new RequirementRef(to.FrameworkId, target),
            Relationship = relationship,
            Rationale = RationaleOf(map) ?? rationale,
            Strength = StrengthOf(map),
            Source = Cite(map),
            Justification = OscalProse.Str(map, "remarks") is { } remarks && !string.IsNullOrWhiteSpace(remarks) ? OscalParts.Line(remarks) : "",
            NeedsReview = MappingResources.TrellisProps(map, "needs-review").Contains("true"),
        });
    }

    // The order of the checks decides which reason a map gets when several apply: the relationship first.
    private static string? WhyIgnored(JsonElement map, List<Item> sources, List<Item> targets, out Relationship relationship)
    {
        var text = OscalProse.Str(map, "relationship")!;
        var ns = OscalProse.Str(map, "ns");
        relationship = default;
        if (ns is not null && ns != OscalNamespace)
        {
            return $"relationship '{text}' is defined by {ns}, not by NIST IR 8477; Trellis models {string.Join(", ", Modelled)}";
        }

        if (!Relationships.TryParse(text, out relationship))
        {
            return $"relationship '{text}' is not one Trellis models ({string.Join(", ", Modelled)})";
        }

        if (relationship == Relationship.NoRelationship)
        {
            return "a no-relationship map only records that the two were compared and found unrelated; Trellis keeps no link for it (a source requirement with no counterpart at all comes from source-gap-summary)";
        }

        if (sources.Concat(targets).FirstOrDefault(i => i.Statement) is { } statement)
        {
            return $"'{statement.Ref}' is a statement; Trellis links whole requirements";
        }

        if (sources.Count > 1 || targets.Count > 1)
        {
            return $"relates {Count(sources.Count, "source")} to {Count(targets.Count, "target")} as sets; Trellis links one requirement to one, and what holds for a set need not hold for each member (docs/crosswalk-rules.md, rule 3)";
        }

        return null;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static IEnumerable<string> Modelled => Relationships.WireNames.Where(w => w != Relationship.NoRelationship.ToWire());

    // Control IDs are checked in every map, ignored ones too: an unknown ID means the wrong framework was named.
    private List<Item> Items(JsonElement map, string side, string path, MappingRequirementIds ids)
    {
        var items = new List<Item>();
        var k = 0;
        foreach (var item in map.GetProperty(side).EnumerateArray())
        {
            var itemPath = JsonPaths.Index($"{path}.{side}", k++);
            var reference = OscalProse.Str(item, "id-ref")!;
            if (OscalProse.Str(item, "type") == "statement")
            {
                items.Add(new Item(reference, null, Statement: true));
                continue;
            }

            // The exporter writes an ID that is not a token as one, with the exact ID in a requirement-id prop.
            var exact = MappingResources.TrellisProps(item, "requirement-id").FirstOrDefault() ?? reference;
            var id = ids.Find(exact);
            if (id is null && !skipMissing)
            {
                Problems.Add(new(ErrorCodes.UnknownRequirement, $"{itemPath}.id-ref", ids.Unknown(exact, Problems.Count)));
            }

            items.Add(new Item(reference, id, Statement: false, Missing: id is null));
        }

        return items;
    }

    private int StrengthOf(JsonElement map)
    {
        foreach (var value in MappingResources.TrellisProps(map, "strength"))
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var strength) && strength is >= 1 and <= 10)
            {
                return strength;
            }
        }

        // OSCAL's percentage is a decimal from 0 to 1; Trellis's scale is 1 to 10.
        if (map.TryGetProperty("confidence-score", out var score) && score.TryGetProperty("percentage", out var p)
            && p.ValueKind == JsonValueKind.Number && p.TryGetDecimal(out var percentage))
        {
            return (int)Math.Clamp(Math.Round(Math.Clamp(percentage, 0m, 1m) * 10, MidpointRounding.AwayFromZero), 1, 10);
        }

        return defaultStrength;
    }

    // The document's citation, then the text of each back-matter resource the map links to (what the exporter cites).
    private string Cite(JsonElement map)
    {
        var texts = new List<string> { citation };
        if (map.TryGetProperty("links", out var links))
        {
            foreach (var href in links.EnumerateArray().Select(l => OscalProse.Str(l, "href")!))
            {
                if (resources.CitationOf(href) is { } text)
                {
                    Sources.TryAdd(resources.KeyOf(href), text);
                    texts.Add(text);
                }
            }
        }

        return string.Join("; ", texts.Distinct(StringComparer.Ordinal));
    }

    private static Rationale? RationaleOf(JsonElement owner) =>
        Relationships.TryParse(OscalProse.Str(owner, "matching-rationale"), out Rationale r) ? r : null;

    private sealed record Item(string Ref, string? Id, bool Statement, bool Missing = false);
}
