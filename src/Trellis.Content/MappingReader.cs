using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Core.Serialization;

namespace Trellis.Content;

/// <summary>Reads one mapping file (format <c>trellis-mapping/1</c>) and checks every link against the frameworks.</summary>
internal static class MappingReader
{
    private static readonly string[] TopKeys = ["format", "id", "from", "to", "revision", "description", "sources", "links"];
    private static readonly string[] LinkKeys = ["from", "to", "relationship", "rationale", "strength", "source", "justification"];

    public static MappingSet? Read(YamlMap root, YamlFields f, IReadOnlyDictionary<string, Framework> frameworks)
    {
        f.OnlyKeys(root, TopKeys);
        var format = f.String(root, "format", required: true);
        if (format is not null and not "trellis-mapping/1")
        {
            f.Fail(root["format"]!.Line, ErrorCodes.UnknownFormat, $"unknown format '{format}', expected 'trellis-mapping/1'");
        }

        var id = f.String(root, "id", required: true);
        var fromId = f.String(root, "from", required: true);
        var toId = f.String(root, "to", required: true);
        var from = Resolve(fromId, root, "from", f, frameworks);
        var to = Resolve(toId, root, "to", f, frameworks);

        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        if (f.AsMap(root["sources"], "sources") is { } s)
        {
            foreach (var e in s.Entries)
            {
                sources[e.Key.Value] = f.String(s, e.Key.Value, required: true) ?? "";
            }
        }

        var links = new List<MappingLink>();
        var pairs = new Dictionary<(string, string?), int>();
        foreach (var l in f.Maps(root, "links", required: true))
        {
            var link = ReadLink(l, f, from, to, sources);
            if (link is null)
            {
                continue;
            }

            var key = (link.From.Requirement, link.To?.Requirement);
            if (pairs.TryGetValue(key, out var first))
            {
                f.Fail(l.Line, ErrorCodes.DuplicateLink, $"duplicate link {key.Item1} -> {key.Item2 ?? "(none)"} (first at line {first})");
                continue;
            }

            pairs[key] = l.Line;
            links.Add(link);
        }

        if (id is null || from is null || to is null)
        {
            return null;
        }

        return new MappingSet(id, from.Id, to.Id, f.Int(root, "revision", 1, int.MaxValue) ?? 1, f.String(root, "description") ?? "", sources, links);
    }

    private static Framework? Resolve(string? id, YamlMap root, string key, YamlFields f, IReadOnlyDictionary<string, Framework> frameworks)
    {
        if (id is null)
        {
            return null;
        }

        if (frameworks.TryGetValue(id, out var fw))
        {
            return fw;
        }

        f.Fail(root[key]!.Line, ErrorCodes.UnknownFramework, $"'{key}' names framework '{id}', which is not loaded; known: {string.Join(", ", frameworks.Keys)}");
        return null;
    }

    private static MappingLink? ReadLink(YamlMap l, YamlFields f, Framework? from, Framework? to, Dictionary<string, string> sources)
    {
        f.OnlyKeys(l, LinkKeys);
        var a = f.String(l, "from", required: true);
        var b = f.String(l, "to");
        var relText = f.String(l, "relationship", required: true);
        var ratText = f.String(l, "rationale", required: true);
        var strength = f.Int(l, "strength", 1, 10, required: true);
        var source = f.String(l, "source", required: true);
        var justification = f.String(l, "justification", required: true);

        Relationship rel = default;
        if (relText is not null && !Relationships.TryParse(relText, out rel))
        {
            f.Fail(l["relationship"]!.Line, ErrorCodes.UnknownRelationship, $"unknown relationship '{relText}'; expected one of {string.Join(", ", Relationships.WireNames)}");
            relText = null;
        }

        Rationale rat = default;
        if (ratText is not null && !Relationships.TryParse(ratText, out rat))
        {
            f.Fail(l["rationale"]!.Line, ErrorCodes.UnknownRationale, $"unknown rationale '{ratText}'; expected syntactic, semantic or functional");
            ratText = null;
        }

        if (relText is not null && (rel == Relationship.NoRelationship) != (b is null))
        {
            f.Fail(l.Line, ErrorCodes.InvalidLink, rel == Relationship.NoRelationship
                ? $"a no-relationship link from '{a}' must not name a 'to' requirement"
                : $"link from '{a}' has no 'to' requirement; only no-relationship links may omit it");
            relText = null;
        }

        if (source is not null && !sources.ContainsKey(source))
        {
            f.Fail(l["source"]!.Line, ErrorCodes.UnknownSource, $"source '{source}' is not declared under 'sources'");
        }

        CheckEndpoint(a, from, l, "from", f);
        CheckEndpoint(b, to, l, "to", f);
        if (a is null || relText is null || ratText is null || strength is null || from is null || to is null
            || !from.Contains(a) || (b is not null && !to.Contains(b)))
        {
            return null;
        }

        return new MappingLink
        {
            From = new RequirementRef(from.Id, a),
            To = b is null ? null : new RequirementRef(to.Id, b),
            Relationship = rel,
            Rationale = rat,
            Strength = strength.Value,
            Source = source is not null && sources.TryGetValue(source, out var citation) ? citation : source ?? "",
            Justification = justification ?? "",
        };
    }

    private static void CheckEndpoint(string? id, Framework? fw, YamlMap l, string key, YamlFields f)
    {
        if (id is not null && fw is not null && !fw.Contains(id))
        {
            var near = Core.Common.Suggestions.Nearest(id, fw.Requirements.Select(r => r.Id));
            f.Fail(l[key]!.Line, ErrorCodes.UnknownRequirement, $"'{key}' names '{id}', which does not exist in {fw.Id}; nearest: {string.Join(", ", near)}");
        }
    }
}
