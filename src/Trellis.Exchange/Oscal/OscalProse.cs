using System.Text.Json;
using System.Text.RegularExpressions;

namespace Trellis.Exchange.Oscal;

/// <summary>
/// Renders control prose as a reader sees it: <c>{{ insert: param, id }}</c> becomes the parameter's set values, or
/// <c>[Selection (one or more): a; b]</c>, or <c>[Assignment: label]</c>, as NIST SP 800-53 prints them; statement
/// items are listed under their labels (<c>a.</c>, <c>1.</c>), indented one level per nesting. Nested insertions
/// (a selection choice that inserts another parameter) are followed at most 8 deep and 1,000 times per rendering, so
/// a hostile catalog cannot make the text grow exponentially; past that, a parameter shows as its ID.
/// </summary>
internal static partial class OscalProse
{
    private const int MaxInsertDepth = 8;
    private const int MaxInserts = 1000;

    /// <summary>Renders the parts named <paramref name="partName"/> (e.g. <c>statement</c>) of a control, or null when it has none.</summary>
    public static string? RenderParts(JsonElement control, string partName, Func<string, JsonElement?> findParam)
    {
        if (!control.TryGetProperty("parts", out var parts) || parts.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var lines = new List<string>();
        var budget = new Budget();
        foreach (var part in parts.EnumerateArray())
        {
            if (Str(part, "name") == partName)
            {
                RenderPart(part, 0, lines, findParam, budget);
            }
        }

        return lines.Count == 0 ? null : string.Join("\n", lines);
    }

    /// <summary>Replaces every parameter insertion in <paramref name="text"/>.</summary>
    public static string Render(string text, Func<string, JsonElement?> findParam) => Render(text, findParam, 0, new Budget());

    /// <summary>The parameter IDs that <paramref name="text"/> inserts.</summary>
    public static IEnumerable<string> InsertedParams(string text) => Insert().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>How a parameter reads in prose: its values, its selection, or an assignment of its label.</summary>
    public static string RenderParam(JsonElement param, Func<string, JsonElement?> findParam) => RenderParam(param, findParam, 0, new Budget());

    private static void RenderPart(JsonElement part, int depth, List<string> lines, Func<string, JsonElement?> findParam, Budget budget)
    {
        var label = Label(part);
        var prose = Str(part, "prose") is { } p ? Render(p, findParam, 0, budget).Trim() : null;
        var text = string.Join(" ", new[] { label, prose }.Where(s => !string.IsNullOrEmpty(s)));
        var childDepth = depth;
        if (text.Length > 0)
        {
            lines.Add(new string(' ', depth * 2) + text);
            childDepth = depth + 1;
        }

        if (part.TryGetProperty("parts", out var children) && children.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in children.EnumerateArray())
            {
                RenderPart(child, childDepth, lines, findParam, budget);
            }
        }
    }

    private static string Render(string text, Func<string, JsonElement?> findParam, int depth, Budget budget) =>
        Insert().Replace(text, m =>
        {
            var id = m.Groups[1].Value;
            return depth < MaxInsertDepth && budget.Inserts++ < MaxInserts && findParam(id) is { } param
                ? RenderParam(param, findParam, depth + 1, budget)
                : $"[Assignment: {id}]";
        });

    private static string RenderParam(JsonElement param, Func<string, JsonElement?> findParam, int depth, Budget budget)
    {
        if (param.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            return string.Join(", ", values.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()));
        }

        if (param.TryGetProperty("select", out var select) && select.ValueKind == JsonValueKind.Object)
        {
            var many = Str(select, "how-many") == "one-or-more" ? " (one or more)" : "";
            var choices = select.TryGetProperty("choice", out var c) && c.ValueKind == JsonValueKind.Array
                ? c.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => Render(x.GetString()!, findParam, depth, budget))
                : [];
            return $"[Selection{many}: {string.Join("; ", choices)}]";
        }

        var label = Str(param, "label") ?? Str(param, "id") ?? "value";
        return $"[Assignment: {label}]";
    }

    private static string? Label(JsonElement part)
    {
        if (!part.TryGetProperty("props", out var props) || props.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return props.EnumerateArray().FirstOrDefault(p => Str(p, "name") == "label" && !p.TryGetProperty("ns", out _)) is { ValueKind: JsonValueKind.Object } label
            ? Str(label, "value")
            : null;
    }

    /// <summary>A string property, or null when absent or not a string.</summary>
    public static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private sealed class Budget
    {
        public int Inserts { get; set; }
    }

    [GeneratedRegex(@"\{\{\s*insert:\s*param,\s*([^\s}]+)\s*\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Insert();
}
