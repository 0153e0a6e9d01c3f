using Trellis.Core.Common;
using Trellis.Core.Frameworks;
using Trellis.Core.Serialization;

namespace Trellis.Content;

/// <summary>Reads one framework file (format <c>trellis-framework/1</c>, docs/content.md) and checks it on its own.</summary>
internal static class FrameworkReader
{
    private static readonly string[] TopKeys =
        ["format", "id", "name", "version", "revision", "source", "licence", "description", "metadata", "groups", "requirements"];

    private static readonly string[] RequirementKeys =
        ["id", "title", "kind", "parent", "group", "theme", "category", "section", "cosoPrinciple", "text", "guidance", "pointsOfFocus", "attributes", "withdrawn"];

    private static readonly string[] MetadataKeys =
        ["issuer", "assuranceModel", "authority", "scopeModel", "controlSelection", "reportTypes", "cycle", "levelOfDetail", "disclosure", "primaryFocus", "applicability"];

    /// <summary>Returns the framework (null when it cannot be built) and the line of each requirement ID.</summary>
    public static (Framework? Framework, Dictionary<string, int> Lines) Read(YamlMap root, YamlFields f)
    {
        f.OnlyKeys(root, TopKeys);
        var format = f.String(root, "format", required: true);
        if (format is not null and not "trellis-framework/1")
        {
            f.Fail(root["format"]!.Line, ErrorCodes.UnknownFormat, $"unknown format '{format}', expected 'trellis-framework/1'");
        }

        var id = f.String(root, "id", required: true);
        var name = f.String(root, "name", required: true);
        var version = f.String(root, "version", required: true);
        var revision = f.Int(root, "revision", 1, int.MaxValue) ?? 1;

        var groups = new List<RequirementGroup>();
        var groupIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in f.Maps(root, "groups"))
        {
            f.OnlyKeys(g, "id", "title");
            var gid = f.String(g, "id", required: true);
            var title = f.String(g, "title", required: true);
            if (gid is null || title is null)
            {
                continue;
            }

            if (!groupIds.Add(gid))
            {
                f.Fail(g.Line, ErrorCodes.DuplicateId, $"duplicate group ID '{gid}'");
            }

            groups.Add(new RequirementGroup(gid, title));
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var requirements = new List<Requirement>();
        foreach (var r in f.Maps(root, "requirements", required: true))
        {
            var req = ReadRequirement(r, f);
            if (req is null)
            {
                continue;
            }

            if (lines.TryGetValue(req.Id, out var first))
            {
                f.Fail(r.Line, ErrorCodes.DuplicateId, $"duplicate requirement ID '{req.Id}' (first at line {first})");
                continue;
            }

            if (req.Group is not null && !groupIds.Contains(req.Group))
            {
                f.Fail(r.Line, ErrorCodes.UnknownGroup, $"requirement '{req.Id}' names group '{req.Group}', which is not declared under 'groups'");
            }

            lines[req.Id] = r.Line;
            requirements.Add(req);
        }

        CheckTree(requirements, lines, f);
        requirements = WithPointsOfFocus(requirements);
        var metadata = ReadMetadata(root, f);
        if (id is null || name is null || version is null)
        {
            return (null, lines);
        }

        var framework = new Framework(
            id, name, version, requirements, groups, metadata, revision,
            f.String(root, "source") ?? "", f.String(root, "licence") ?? "");
        return (framework, lines);
    }

    private static Requirement? ReadRequirement(YamlMap r, YamlFields f)
    {
        f.OnlyKeys(r, RequirementKeys);
        var id = f.String(r, "id", required: true);
        var title = f.String(r, "title", required: true);
        var kindText = f.String(r, "kind", required: true);
        RequirementKind kind = default;
        if (kindText is not null && !RequirementKinds.TryParse(kindText, out kind))
        {
            f.Fail(r["kind"]!.Line, ErrorCodes.UnknownKind, $"unknown kind '{kindText}' for '{id}'; expected one of {string.Join(", ", RequirementKinds.WireNames)}");
            return null;
        }

        var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (f.AsMap(r["attributes"], "attributes") is { } attrs)
        {
            foreach (var e in attrs.Entries)
            {
                attributes[e.Key.Value] = f.Strings(attrs, e.Key.Value);
            }
        }

        if (id is null || title is null || kindText is null)
        {
            return null;
        }

        return new Requirement
        {
            Id = id,
            Title = title,
            Kind = kind,
            Parent = f.String(r, "parent"),
            Group = f.String(r, "group"),
            Theme = f.String(r, "theme"),
            Category = f.String(r, "category"),
            Section = f.String(r, "section"),
            CosoPrinciple = f.Int(r, "cosoPrinciple", 1, 17),
            Text = f.String(r, "text"),
            Guidance = f.String(r, "guidance"),
            PointsOfFocus = f.Strings(r, "pointsOfFocus"),
            Attributes = attributes,
            Withdrawn = f.Bool(r, "withdrawn") ?? false,
        };
    }

    // A criterion lists the headings of its points of focus (its children of kind point-of-focus), in order.
    private static List<Requirement> WithPointsOfFocus(List<Requirement> requirements)
    {
        var headings = requirements.Where(r => r.Kind == RequirementKind.PointOfFocus && r.Parent is not null)
            .ToLookup(r => r.Parent!, r => r.Title, StringComparer.Ordinal);
        return [.. requirements.Select(r => headings.Contains(r.Id) && r.PointsOfFocus.Count == 0 ? r with { PointsOfFocus = [.. headings[r.Id]] } : r)];
    }

    // Every parent must exist in the file, and following parents must never come back (a cycle).
    private static void CheckTree(List<Requirement> requirements, Dictionary<string, int> lines, YamlFields f)
    {
        var byId = requirements.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var r in requirements)
        {
            if (r.Parent is null)
            {
                continue;
            }

            if (!byId.ContainsKey(r.Parent))
            {
                f.Fail(lines[r.Id], ErrorCodes.UnknownParent, $"requirement '{r.Id}' names parent '{r.Parent}', which does not exist in this framework");
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal) { r.Id };
            for (var p = r.Parent; p is not null && byId.TryGetValue(p, out var parent); p = parent.Parent)
            {
                if (!seen.Add(p))
                {
                    f.Fail(lines[r.Id], ErrorCodes.ParentCycle, $"requirement '{r.Id}' is its own ancestor: {string.Join(" > ", seen)} > {p}");
                    break;
                }
            }
        }
    }

    private static FrameworkMetadata ReadMetadata(YamlMap root, YamlFields f)
    {
        if (f.AsMap(root["metadata"], "metadata") is not { } m)
        {
            return new FrameworkMetadata();
        }

        f.OnlyKeys(m, MetadataKeys);
        return new FrameworkMetadata
        {
            Issuer = f.String(m, "issuer") ?? "",
            AssuranceModel = f.String(m, "assuranceModel") ?? "",
            Authority = f.String(m, "authority") ?? "",
            ScopeModel = f.String(m, "scopeModel") ?? "",
            ControlSelection = f.String(m, "controlSelection") ?? "",
            ReportTypes = f.Strings(m, "reportTypes"),
            Cycle = f.String(m, "cycle") ?? "",
            LevelOfDetail = f.String(m, "levelOfDetail") ?? "",
            Disclosure = f.String(m, "disclosure") ?? "",
            PrimaryFocus = f.String(m, "primaryFocus") ?? "",
            Applicability = f.String(m, "applicability") ?? "",
        };
    }
}
