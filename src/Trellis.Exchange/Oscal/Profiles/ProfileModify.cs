using System.Text.Json;
using System.Text.Json.Nodes;
using Trellis.Exchange.Json;

namespace Trellis.Exchange.Oscal.Profiles;

/// <summary>
/// The modify step of profile resolution. <c>set-parameters</c>: <c>label</c>, <c>usage</c>, <c>class</c> and
/// <c>depends-on</c> replace the parameter's; <c>values</c> or <c>select</c> replace both its values and its
/// selection; <c>props</c>, <c>links</c>, <c>constraints</c> and <c>guidelines</c> are added after its own.
/// <c>alters</c>: <c>removes</c> first drop every param, prop, link or part of the control (at any depth of its
/// parts, never in child controls) that matches all of the given <c>by-name</c>, <c>by-class</c>, <c>by-id</c>,
/// <c>by-item-name</c> and <c>by-ns</c>; then <c>adds</c> insert content at <c>position</c> (default ending)
/// relative to the part named by <c>by-id</c>, or the control itself: starting/ending put it first/last inside the
/// target, before/after put parts beside the target and its props and links first/last in the target's container.
/// Parameters are always added to the control; a <c>title</c> replaces the target's title.
/// </summary>
internal static class ProfileModify
{
    private static readonly string[] ItemArrays = ["params", "props", "links", "parts"];

    public static void Apply(JsonElement modify, string path, List<TreeNode> roots, List<JsonObject> catalogParams, List<string> warnings)
    {
        if (modify.TryGetProperty("set-parameters", out var sets))
        {
            var byId = AllParams(roots, catalogParams);
            var i = 0;
            foreach (var set in sets.EnumerateArray())
            {
                var id = OscalProse.Str(set, "param-id");
                var where = JsonPaths.Index(path + ".set-parameters", i++);
                if (id is null || !byId.TryGetValue(id, out var targets))
                {
                    warnings.Add($"{where}: parameter '{id}' is not in the resolved catalog; the setting is ignored");
                    continue;
                }

                foreach (var param in targets)
                {
                    SetParameter(param, set);
                }
            }
        }

        if (modify.TryGetProperty("alters", out var alters))
        {
            var controls = roots.SelectMany(r => r.SelfAndDescendants()).Where(n => !n.IsGroup && n.Id is not null)
                .GroupBy(n => n.Id!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var i = 0;
            foreach (var alter in alters.EnumerateArray())
            {
                var id = OscalProse.Str(alter, "control-id")!;
                var where = JsonPaths.Index(path + ".alters", i++);
                if (!controls.TryGetValue(id, out var control))
                {
                    warnings.Add($"{where}: control '{id}' is not in the resolved catalog; the alteration is ignored");
                    continue;
                }

                if (alter.TryGetProperty("removes", out var removes))
                {
                    foreach (var remove in removes.EnumerateArray())
                    {
                        Remove(control.Body, remove);
                    }
                }

                if (alter.TryGetProperty("adds", out var adds))
                {
                    var j = 0;
                    foreach (var add in adds.EnumerateArray())
                    {
                        Add(control.Body, id, add, JsonPaths.Index(where + ".adds", j++), warnings);
                    }
                }
            }
        }
    }

    private static Dictionary<string, List<JsonObject>> AllParams(List<TreeNode> roots, List<JsonObject> catalogParams)
    {
        var all = roots.SelectMany(r => r.SelfAndDescendants())
            .SelectMany(n => n.Body["params"] is JsonArray a ? a.OfType<JsonObject>() : [])
            .Concat(catalogParams);
        var result = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        foreach (var p in all)
        {
            if (p["id"]?.GetValue<string>() is { } id)
            {
                if (!result.TryGetValue(id, out var list))
                {
                    result[id] = list = [];
                }

                list.Add(p);
            }
        }

        return result;
    }

    private static void SetParameter(JsonObject param, JsonElement set)
    {
        foreach (var p in set.EnumerateObject())
        {
            var value = JsonSerializer.SerializeToNode(p.Value, JsonDefaults.Deep);
            switch (p.Name)
            {
                case "param-id":
                    break;
                case "values" or "select":
                    param.Remove("values");
                    param.Remove("select");
                    param[p.Name] = value;
                    break;
                case "props" or "links" or "constraints" or "guidelines":
                    Insert(param, p.Name, value!.AsArray(), atStart: false);
                    break;
                default:
                    param[p.Name] = value;
                    break;
            }
        }
    }

    private static void Remove(JsonObject owner, JsonElement remove)
    {
        var criteria = new (string Key, string Field)[] { ("by-name", "name"), ("by-class", "class"), ("by-id", "id"), ("by-ns", "ns") }
            .Select(c => (c.Field, Value: OscalProse.Str(remove, c.Key)))
            .Where(c => c.Value is not null)
            .ToList();
        var itemName = OscalProse.Str(remove, "by-item-name");
        if (criteria.Count == 0 && itemName is null)
        {
            return;
        }

        foreach (var key in ItemArrays)
        {
            if (owner[key] is not JsonArray items)
            {
                continue;
            }

            var kind = key[..^1];
            for (var i = items.Count - 1; i >= 0; i--)
            {
                if (items[i] is JsonObject item && (itemName is null || itemName == kind)
                    && criteria.All(c => item[c.Field] is JsonValue v && v.GetValue<string>() == c.Value))
                {
                    items.RemoveAt(i);
                }
            }

            if (items.Count == 0)
            {
                owner.Remove(key);
            }
        }

        if (owner["parts"] is JsonArray parts)
        {
            foreach (var part in parts.OfType<JsonObject>())
            {
                Remove(part, remove);
            }
        }
    }

    private static void Add(JsonObject control, string controlId, JsonElement add, string path, List<string> warnings)
    {
        var position = OscalProse.Str(add, "position") ?? "ending";
        var byId = OscalProse.Str(add, "by-id");
        JsonObject target = control;
        JsonArray? siblings = null;
        JsonObject? container = null;
        if (byId is not null && byId != controlId)
        {
            if (FindPart(control, byId) is not { } found)
            {
                warnings.Add($"{path}: control '{controlId}' has no part with ID '{byId}'; the addition is ignored");
                return;
            }

            (target, container, siblings) = found;
        }

        var inside = position is "starting" or "ending" || siblings is null;
        var atStart = position is "starting" or "before";
        foreach (var p in add.EnumerateObject())
        {
            var value = JsonSerializer.SerializeToNode(p.Value, JsonDefaults.Deep);
            switch (p.Name)
            {
                case "title":
                    target["title"] = value;
                    break;
                case "params":
                    Insert(control, "params", value!.AsArray(), atStart);
                    break;
                case "parts" when !inside:
                    var at = siblings!.IndexOf(target) + (atStart ? 0 : 1);
                    foreach (var part in value!.AsArray().ToList())
                    {
                        siblings.Insert(at++, part!.DeepClone());
                    }

                    break;
                case "props" or "links" or "parts":
                    Insert(inside ? target : container!, p.Name, value!.AsArray(), atStart);
                    break;
            }
        }
    }

    private static (JsonObject Part, JsonObject Container, JsonArray Siblings)? FindPart(JsonObject owner, string id)
    {
        if (owner["parts"] is not JsonArray parts)
        {
            return null;
        }

        foreach (var part in parts.OfType<JsonObject>())
        {
            if (part["id"] is JsonValue v && v.GetValue<string>() == id)
            {
                return (part, owner, parts);
            }

            if (FindPart(part, id) is { } deeper)
            {
                return deeper;
            }
        }

        return null;
    }

    private static void Insert(JsonObject owner, string key, JsonArray items, bool atStart)
    {
        if (owner[key] is not JsonArray existing)
        {
            owner[key] = existing = [];
        }

        var at = atStart ? 0 : existing.Count;
        foreach (var item in items.ToList())
        {
            existing.Insert(at++, item!.DeepClone());
        }
    }
}
