using System.Text.Json;
using System.Text.Json.Nodes;
using Trellis.Exchange.Json;

namespace Trellis.Exchange.Oscal.Profiles;

/// <summary>
/// A group or control of a catalog being resolved: its own content (<see cref="Body"/>, everything but nested
/// groups and controls) and its nested groups and controls, with where it came from so that merged results keep the
/// source catalog's order.
/// </summary>
internal sealed class TreeNode
{
    public required bool IsGroup { get; init; }

    public string? Id => Body["id"]?.GetValue<string>();

    public required JsonObject Body { get; set; }

    public List<TreeNode> Children { get; init; } = [];

    /// <summary>An unselected control kept, with its ID and title only, to hold a selected descendant ("as-is" merge).</summary>
    public bool Skeleton { get; set; }

    /// <summary>Index of the source document (in the order first imported).</summary>
    public int Source { get; init; }

    /// <summary>Position in the source document (pre-order).</summary>
    public int Position { get; init; }

    /// <summary>The node this one was copied from, in the source tree.</summary>
    public TreeNode? Origin { get; init; }

    public IEnumerable<TreeNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var c in Children)
        {
            foreach (var d in c.SelfAndDescendants())
            {
                yield return d;
            }
        }
    }

    public TreeNode Copy(List<TreeNode> children, bool skeleton = false)
    {
        JsonObject body;
        if (skeleton)
        {
            body = new JsonObject { ["id"] = Body["id"]?.DeepClone() };
            if (Body["class"] is { } cls)
            {
                body["class"] = cls.DeepClone();
            }

            body["title"] = Body["title"]?.DeepClone();
        }
        else
        {
            body = Body.DeepClone().AsObject();
        }

        return new TreeNode { IsGroup = IsGroup, Body = body, Children = children, Skeleton = skeleton, Source = Source, Position = Position, Origin = this };
    }
}

/// <summary>A catalog read into <see cref="TreeNode"/>s, with its catalog-level parameters and back-matter resources.</summary>
internal sealed class ControlTree
{
    public required List<TreeNode> Roots { get; init; }

    public required List<JsonObject> Params { get; init; }

    public required List<JsonObject> Resources { get; init; }

    /// <summary>Every control in document order.</summary>
    public IEnumerable<TreeNode> Controls => Roots.SelectMany(r => r.SelfAndDescendants()).Where(n => !n.IsGroup);

    /// <summary>Reads the value of a <c>catalog</c> property.</summary>
    public static ControlTree Read(JsonElement catalog, int source)
    {
        var position = 0;
        var roots = new List<TreeNode>();
        ReadChildren(catalog, roots, source, ref position);
        return new ControlTree
        {
            Roots = roots,
            Params = Objects(catalog, "params"),
            Resources = catalog.TryGetProperty("back-matter", out var bm) ? Objects(bm, "resources") : [],
        };
    }

    /// <summary>Writes nodes as the <c>controls</c> and <c>groups</c> of <paramref name="owner"/>.</summary>
    public static void Write(JsonObject owner, IEnumerable<TreeNode> nodes)
    {
        var list = nodes.ToList();
        var controls = new JsonArray(list.Where(n => !n.IsGroup).Select(n => (JsonNode)ToJson(n)).ToArray());
        var groups = new JsonArray(list.Where(n => n.IsGroup).Select(n => (JsonNode)ToJson(n)).ToArray());
        if (controls.Count > 0)
        {
            owner["controls"] = controls;
        }

        if (groups.Count > 0)
        {
            owner["groups"] = groups;
        }
    }

    private static JsonObject ToJson(TreeNode node)
    {
        var obj = node.Body.DeepClone().AsObject();
        Write(obj, node.Children);
        return obj;
    }

    private static void ReadChildren(JsonElement owner, List<TreeNode> into, int source, ref int position)
    {
        foreach (var (key, isGroup) in new[] { ("groups", true), ("controls", false) })
        {
            if (!owner.TryGetProperty(key, out var list) || list.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var item in list.EnumerateArray())
            {
                var body = new JsonObject();
                foreach (var p in item.EnumerateObject())
                {
                    if (p.Name is not ("groups" or "controls"))
                    {
                        body[p.Name] = JsonSerializer.SerializeToNode(p.Value, JsonDefaults.Deep);
                    }
                }

                var node = new TreeNode { IsGroup = isGroup, Body = body, Source = source, Position = position++ };
                ReadChildren(item, node.Children, source, ref position);
                into.Add(node);
            }
        }
    }

    private static List<JsonObject> Objects(JsonElement owner, string key) =>
        owner.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => JsonSerializer.SerializeToNode(e, JsonDefaults.Deep)!.AsObject()).ToList()
            : [];
}
