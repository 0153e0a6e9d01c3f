using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Exchange.Json;

namespace Trellis.Exchange.Oscal;

/// <summary>Settings of <see cref="OscalMappingExport"/>.</summary>
public sealed record MappingExportOptions
{
    /// <summary>The clock stamped into <c>metadata.last-modified</c>. The default is the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Makes the document's UUID (a new one per export). The default is a random UUID.</summary>
    public Func<Guid> NewUuid { get; init; } = Guid.NewGuid;

    /// <summary>Adds links inferred through pivot frameworks. The default is false (curated and inverted links only).</summary>
    public bool Inferred { get; init; }
}

/// <summary>
/// Exports the crosswalk between two frameworks as an OSCAL 1.2 <c>mapping-collection</c> (NIST IR 8477
/// set-theory relationship mapping). Each link becomes a <c>map</c>: its relationship (<c>equal</c>,
/// <c>subset-of</c>, <c>superset-of</c>, <c>intersects-with</c>, <c>no-relationship</c>, read "source rel target"),
/// its rationale as <c>matching-rationale</c>, its strength (1–10) as <c>confidence-score.percentage</c> (strength/10)
/// and as a prop, its justification as <c>remarks</c>, its origin (curated, inverted, inferred), review flag and
/// path as props in the Trellis namespace, and its citations as links to back-matter resources. Requirements that a
/// curated entry says have no counterpart are listed in <c>source-gap-summary</c>. Entry UUIDs are derived from the
/// pair, so they stay the same from one export to the next.
/// </summary>
public static partial class OscalMappingExport
{
    /// <summary>The namespace of Trellis's own props.</summary>
    public const string Namespace = "urn:trellis:oscal";

    /// <summary>Builds the document <c>{"mapping-collection": …}</c> for links from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static Result<JsonObject> Build(CrosswalkEngine engine, string from, string to, MappingExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        options ??= new MappingExportOptions();
        var source = engine.Catalog.Framework(from);
        if (!source.IsSuccess)
        {
            return source.Error!;
        }

        var target = engine.Catalog.Framework(to);
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        if (from == to)
        {
            return new Error(ErrorCodes.InvalidArgument, $"a mapping needs two different frameworks, not {from} twice");
        }

        var links = options.Inferred ? engine.All(from, to) : engine.Direct(from, to);
        var sets = engine.Catalog.Mappings.Where(s => (s.From == from && s.To == to) || (s.From == to && s.To == from)).ToList();
        var citations = engine.Catalog.Mappings.SelectMany(s => s.Sources)
            .GroupBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var cited = new SortedSet<string>(StringComparer.Ordinal);
        var maps = new JsonArray();
        var gaps = new List<string>();
        var usedUuids = new HashSet<Guid>();
        foreach (var link in links)
        {
            if (link.To is null)
            {
                gaps.Add(link.From.Requirement);
                continue;
            }

            maps.Add(Map(link, citations, cited, usedUuids));
        }

        var sourceResource = NameBasedUuid.Create($"framework:{from}");
        var targetResource = NameBasedUuid.Create($"framework:{to}");
        var mapping = new JsonObject
        {
            ["uuid"] = NameBasedUuid.Create($"mapping:{from}>{to}").ToString(),
            ["source-resource"] = new JsonObject { ["type"] = "catalog", ["href"] = $"#{sourceResource}" },
            ["target-resource"] = new JsonObject { ["type"] = "catalog", ["href"] = $"#{targetResource}" },
            ["maps"] = maps,
        };
        if (gaps.Count > 0)
        {
            mapping["source-gap-summary"] = new JsonObject
            {
                ["uuid"] = NameBasedUuid.Create($"gaps:{from}>{to}").ToString(),
                ["unmapped-controls"] = new JsonArray(UnmappedControls(gaps.Distinct().ToList())),
            };
        }

        var review = links.Any(l => l.NeedsReview);
        var description = sets.Count > 0
            ? string.Join("\n\n", sets.Select(s => s.Description).Where(d => d.Length > 0))
            : $"Links between {source.Value.Name} and {target.Value.Name}.";
        var resources = new JsonArray(
            Resource(sourceResource, source.Value.Name, from, source.Value.Version),
            Resource(targetResource, target.Value.Name, to, target.Value.Version));
        foreach (var key in cited)
        {
            resources.Add(new JsonObject
            {
                ["uuid"] = NameBasedUuid.Create($"citation:{key}").ToString(),
                ["title"] = Line(key),
                ["citation"] = new JsonObject { ["text"] = Line(citations[key]) },
            });
        }

        var collection = new JsonObject
        {
            ["uuid"] = options.NewUuid().ToString(),
            ["metadata"] = new JsonObject
            {
                ["title"] = Line($"Crosswalk from {source.Value.Name} to {target.Value.Name}"),
                ["last-modified"] = options.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["version"] = sets.Count > 0 ? string.Join("; ", sets.Select(s => $"{s.Id} revision {s.Revision}")) : "1",
                ["oscal-version"] = OscalSchema.Version,
                ["remarks"] = "Exported by Trellis. Each map reads: source relationship target, comparing what the source requirement asks with what the target asks.",
            },
            ["provenance"] = new JsonObject
            {
                ["method"] = options.Inferred ? "hybrid" : "human",
                ["matching-rationale"] = MostCommon(links),
                ["status"] = review ? "draft" : "complete",
                ["mapping-description"] = description.Length > 0 ? description : $"Links between {source.Value.Name} and {target.Value.Name}.",
            },
            ["mappings"] = new JsonArray(mapping),
            ["back-matter"] = new JsonObject { ["resources"] = resources },
        };
        if (maps.Count == 0)
        {
            return new Error(ErrorCodes.NothingToExport, $"there are no links between {from} and {to} to export{(options.Inferred ? "" : " (try --inferred)")}");
        }

        return new JsonObject { ["mapping-collection"] = collection };
    }

    /// <summary>The document as indented JSON.</summary>
    public static string ToJson(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.ToJsonString(JsonDefaults.Indented) + "\n";
    }

    private static JsonObject Map(MappingLink link, Dictionary<string, string> citations, SortedSet<string> cited, HashSet<Guid> used)
    {
        var name = $"map:{link.From}>{link.To}:{link.Origin.ToWire()}";
        var uuid = NameBasedUuid.Create(name);
        for (var n = 2; !used.Add(uuid); n++)
        {
            uuid = NameBasedUuid.Create($"{name}#{n}");
        }

        var props = new JsonArray(
            Prop("strength", link.Strength.ToString(CultureInfo.InvariantCulture)),
            Prop("origin", link.Origin.ToWire()));
        if (link.NeedsReview)
        {
            props.Add(Prop("needs-review", "true"));
        }

        if (link.Path.Count > 0)
        {
            props.Add(Prop("path", link.PathText));
        }

        var map = new JsonObject
        {
            ["uuid"] = uuid.ToString(),
            ["matching-rationale"] = link.Rationale.ToWire(),
            ["relationship"] = link.Relationship.ToWire(),
            ["sources"] = new JsonArray(Item(link.From.Requirement)),
            ["targets"] = new JsonArray(Item(link.To!.Value.Requirement)),
            ["confidence-score"] = new JsonObject { ["percentage"] = Math.Clamp(link.Strength, 0, 10) / 10m },
            ["props"] = props,
        };

        // A link carries the full text of its citation (inferred links: of each link on the way, joined with "; ").
        var keys = citations.Where(c => c.Value.Length > 0 && link.Source.Contains(c.Value, StringComparison.Ordinal)).Select(c => c.Key).ToList();
        if (keys.Count > 0)
        {
            cited.UnionWith(keys);
            map["links"] = new JsonArray(keys.Select(k => (JsonNode)new JsonObject
            {
                ["href"] = $"#{NameBasedUuid.Create($"citation:{k}")}",
                ["rel"] = "reference",
            }).ToArray());
        }

        if (!string.IsNullOrWhiteSpace(link.Justification))
        {
            map["remarks"] = link.Justification.Trim();
        }

        return map;
    }

    // with-ids takes OSCAL tokens only (a letter or '_' first); an ID such as ISO's "4.4" is named by an exact pattern.
    private static JsonObject UnmappedControls(List<string> ids)
    {
        var selector = new JsonObject();
        var tokens = ids.Where(IsToken).ToList();
        var others = ids.Where(id => !IsToken(id)).ToList();
        if (tokens.Count > 0)
        {
            selector["with-ids"] = new JsonArray(tokens.Select(t => (JsonNode)t).ToArray());
        }

        if (others.Count > 0)
        {
            selector["matching"] = new JsonArray(others.Select(o => (JsonNode)new JsonObject { ["pattern"] = Line(o) }).ToArray());
        }

        return selector;
    }

    private static bool IsToken(string id) => Token().IsMatch(id);

    private static JsonObject Item(string id) => new() { ["type"] = "control", ["id-ref"] = Line(id) };

    private static JsonObject Prop(string name, string value) => new() { ["name"] = name, ["ns"] = Namespace, ["value"] = Line(value) };

    private static JsonObject Resource(Guid uuid, string name, string id, string version)
    {
        var props = new JsonArray(Prop("framework-id", id));
        if (!string.IsNullOrWhiteSpace(version))
        {
            props.Add(Prop("framework-version", version));
        }

        return new JsonObject { ["uuid"] = uuid.ToString(), ["title"] = Line(name), ["props"] = props };
    }

    private static string MostCommon(IReadOnlyList<MappingLink> links) =>
        links.Count == 0 ? Rationale.Semantic.ToWire()
            : links.GroupBy(l => l.Rationale).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key.ToWire();

    // OSCAL strings and markup lines are single lines without leading or trailing whitespace.
    private static string Line(string text)
    {
        var line = Whitespace().Replace(text, " ").Trim();
        return line.Length == 0 ? "-" : line;
    }

    [GeneratedRegex(@"^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
