using System.Text.Json;
using Trellis.Core.Common;
using Trellis.Core.Frameworks;
using Trellis.Exchange.Json;

namespace Trellis.Exchange.Oscal;

/// <summary>
/// Turns an OSCAL catalog into a <see cref="Framework"/>: every group, control and control enhancement (a control
/// nested in a control) becomes a requirement with its OSCAL <c>id</c>, its parent (the containing group or
/// control), its title, its statement rendered as text (<see cref="OscalProse"/>), its guidance, and its properties
/// as attributes (<c>label</c>, <c>sort-id</c>, <c>status</c>, …). Controls with <c>status: withdrawn</c> are marked
/// withdrawn, with <c>incorporated-into</c> / <c>moved-to</c> links kept as attributes.
/// </summary>
internal static class OscalCatalogReader
{
    /// <summary>Reads a checked catalog document.</summary>
    /// <param name="document">A catalog (see <see cref="OscalReader"/>).</param>
    /// <param name="frameworkId">The framework ID to give it.</param>
    public static Result<Framework> Read(OscalDocument document, string frameworkId)
    {
        var catalog = document.Body;
        var state = new State(document.Source, AllParams(catalog));
        var catalogParams = LocalParams(catalog);
        if (catalog.TryGetProperty("groups", out var groups))
        {
            var i = 0;
            foreach (var g in groups.EnumerateArray())
            {
                var error = ReadGroup(g, JsonPaths.Index(document.BodyPath + ".groups", i++), null, [catalogParams], state);
                if (error is not null)
                {
                    return error;
                }
            }
        }

        if (catalog.TryGetProperty("controls", out var controls))
        {
            var i = 0;
            foreach (var c in controls.EnumerateArray())
            {
                var error = ReadControl(c, JsonPaths.Index(document.BodyPath + ".controls", i++), null, null, false, [catalogParams], state);
                if (error is not null)
                {
                    return error;
                }
            }
        }

        var metadata = catalog.GetProperty("metadata");
        var name = OscalProse.Str(metadata, "title") ?? frameworkId;
        var version = OscalProse.Str(metadata, "version") ?? "";
        var uuid = OscalProse.Str(catalog, "uuid") ?? "";
        return new Framework(
            frameworkId,
            name,
            version,
            state.Requirements,
            state.Groups,
            new FrameworkMetadata { Issuer = Publisher(metadata) ?? "" },
            source: $"OSCAL catalog {uuid} ({document.Source}, OSCAL {document.OscalVersion})");
    }

    private static Error? ReadGroup(JsonElement group, string path, string? parentGroup, List<Dictionary<string, JsonElement>> scopes, State state)
    {
        var id = OscalProse.Str(group, "id");
        var synthetic = id is null;
        id ??= $"group-{state.Groups.Count + 1}";
        var title = OscalProse.Str(group, "title") ?? id;
        if (!state.Ids.Add(id))
        {
            return Duplicate(id, synthetic ? path : path + ".id", state);
        }

        var attributes = Attributes(group);
        if (synthetic)
        {
            attributes["synthetic-id"] = ["true"];
        }

        state.Groups.Add(new RequirementGroup(id, title));
        state.Requirements.Add(new Requirement
        {
            Id = id,
            Title = title,
            Kind = RequirementKind.Group,
            Parent = parentGroup,
            Text = OscalProse.RenderParts(group, "overview", p => Find(p, scopes, state)),
            Attributes = attributes,
            Withdrawn = IsWithdrawn(group),
        });

        List<Dictionary<string, JsonElement>> inner = [.. scopes, LocalParams(group)];
        if (group.TryGetProperty("groups", out var groups))
        {
            var i = 0;
            foreach (var g in groups.EnumerateArray())
            {
                var error = ReadGroup(g, JsonPaths.Index(path + ".groups", i++), id, inner, state);
                if (error is not null)
                {
                    return error;
                }
            }
        }

        if (group.TryGetProperty("controls", out var controls))
        {
            var i = 0;
            foreach (var c in controls.EnumerateArray())
            {
                var error = ReadControl(c, JsonPaths.Index(path + ".controls", i++), id, id, false, inner, state);
                if (error is not null)
                {
                    return error;
                }
            }
        }

        return null;
    }

    private static Error? ReadControl(
        JsonElement control, string path, string? parent, string? group, bool enhancement, List<Dictionary<string, JsonElement>> scopes, State state)
    {
        var id = OscalProse.Str(control, "id")!;
        if (!state.Ids.Add(id))
        {
            return Duplicate(id, path + ".id", state);
        }

        List<Dictionary<string, JsonElement>> inner = [.. scopes, LocalParams(control)];
        state.Requirements.Add(new Requirement
        {
            Id = id,
            Title = OscalProse.Str(control, "title") ?? id,
            Kind = enhancement ? RequirementKind.Enhancement : RequirementKind.Control,
            Parent = parent,
            Group = group,
            Text = OscalProse.RenderParts(control, "statement", p => Find(p, inner, state)),
            Guidance = OscalProse.RenderParts(control, "guidance", p => Find(p, inner, state)),
            Attributes = Attributes(control),
            Withdrawn = IsWithdrawn(control),
        });

        if (control.TryGetProperty("controls", out var children))
        {
            var i = 0;
            foreach (var c in children.EnumerateArray())
            {
                var error = ReadControl(c, JsonPaths.Index(path + ".controls", i++), id, group, true, inner, state);
                if (error is not null)
                {
                    return error;
                }
            }
        }

        return null;
    }

    private static Error Duplicate(string id, string path, State state) =>
        new(ErrorCodes.OscalDuplicateId, $"the ID '{id}' is used twice; requirement IDs must be unique", $"{state.Source}:{path}");

    // Nearest scope first (the control's own parameters, then its parent's, group's, catalog's), then anywhere.
    private static JsonElement? Find(string id, List<Dictionary<string, JsonElement>> scopes, State state)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            if (scopes[i].TryGetValue(id, out var p))
            {
                return p;
            }
        }

        return state.AllParams.TryGetValue(id, out var any) ? any : null;
    }

    private static Dictionary<string, JsonElement> LocalParams(JsonElement owner)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (owner.TryGetProperty("params", out var ps) && ps.ValueKind == JsonValueKind.Array)
        {
            foreach (var p in ps.EnumerateArray())
            {
                if (OscalProse.Str(p, "id") is { } id)
                {
                    result.TryAdd(id, p);
                }
            }
        }

        return result;
    }

    private static Dictionary<string, JsonElement> AllParams(JsonElement catalog)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var pending = new Stack<JsonElement>();
        pending.Push(catalog);
        while (pending.Count > 0)
        {
            var owner = pending.Pop();
            foreach (var (id, p) in LocalParams(owner))
            {
                result.TryAdd(id, p);
            }

            foreach (var child in new[] { "groups", "controls" })
            {
                if (owner.TryGetProperty(child, out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in list.EnumerateArray())
                    {
                        pending.Push(item);
                    }
                }
            }
        }

        return result;
    }

    private static Dictionary<string, IReadOnlyList<string>> Attributes(JsonElement owner)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string key, string value)
        {
            if (!values.TryGetValue(key, out var list))
            {
                values[key] = list = [];
            }

            list.Add(value);
        }

        if (OscalProse.Str(owner, "class") is { } cls)
        {
            Add("class", cls);
        }

        if (owner.TryGetProperty("props", out var props))
        {
            foreach (var p in props.EnumerateArray())
            {
                if (OscalProse.Str(p, "name") is { } name && OscalProse.Str(p, "value") is { } value)
                {
                    Add(name, value);
                }
            }
        }

        // NIST SP 800-53 rev5 points withdrawn controls at their successors with these link relations.
        if (owner.TryGetProperty("links", out var links))
        {
            foreach (var l in links.EnumerateArray())
            {
                if (OscalProse.Str(l, "rel") is "incorporated-into" or "moved-to" && OscalProse.Str(l, "href") is { } href)
                {
                    Add(OscalProse.Str(l, "rel")!, href.TrimStart('#'));
                }
            }
        }

        return values.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
    }

    private static bool IsWithdrawn(JsonElement owner) =>
        owner.TryGetProperty("props", out var props)
        && props.EnumerateArray().Any(p => OscalProse.Str(p, "name") == "status" && OscalProse.Str(p, "value") == "withdrawn"
            && (OscalProse.Str(p, "ns") is null or "http://csrc.nist.gov/ns/oscal"));

    private static string? Publisher(JsonElement metadata)
    {
        if (!metadata.TryGetProperty("parties", out var parties))
        {
            return null;
        }

        return parties.EnumerateArray()
            .Where(p => OscalProse.Str(p, "type") == "organization")
            .Select(p => OscalProse.Str(p, "name"))
            .FirstOrDefault(n => n is not null);
    }

    private sealed class State(string source, Dictionary<string, JsonElement> allParams)
    {
        public string Source { get; } = source;

        public Dictionary<string, JsonElement> AllParams { get; } = allParams;

        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

        public List<Requirement> Requirements { get; } = [];

        public List<RequirementGroup> Groups { get; } = [];
    }
}
