using System.Text.Json;
using System.Text.RegularExpressions;

namespace Trellis.Exchange.Oscal.Profiles;

/// <summary>
/// The import step of profile resolution: which controls of a source an import selects. <c>include-all</c> or
/// <c>include-controls</c> (by <c>with-ids</c>, or <c>matching</c> glob patterns where <c>*</c> is any run of
/// characters and <c>?</c> one character), minus <c>exclude-controls</c>; exclusion wins. With
/// <c>with-child-controls: yes</c> a selector also takes (or drops) every control nested in the ones it names.
/// </summary>
internal static class ControlSelection
{
    /// <summary>The controls of <paramref name="tree"/> that <paramref name="import"/> selects.</summary>
    public static HashSet<TreeNode> Select(ControlTree tree, JsonElement import)
    {
        var controls = tree.Controls.ToList();
        var selected = new HashSet<TreeNode>();
        if (import.TryGetProperty("include-all", out _))
        {
            selected.UnionWith(controls);
        }

        if (import.TryGetProperty("include-controls", out var includes))
        {
            foreach (var selector in includes.EnumerateArray())
            {
                selected.UnionWith(Matches(controls, selector));
            }
        }

        if (import.TryGetProperty("exclude-controls", out var excludes))
        {
            foreach (var selector in excludes.EnumerateArray())
            {
                selected.ExceptWith(Matches(controls, selector));
            }
        }

        return selected;
    }

    /// <summary>The controls a <c>select-control-by-id</c> names, with their descendants when it says so.</summary>
    public static IEnumerable<TreeNode> Matches(IReadOnlyList<TreeNode> controls, JsonElement selector)
    {
        var ids = selector.TryGetProperty("with-ids", out var withIds)
            ? withIds.EnumerateArray().Select(i => i.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
        var patterns = selector.TryGetProperty("matching", out var matching)
            ? matching.EnumerateArray().Select(m => OscalProse.Str(m, "pattern")).OfType<string>().Select(Glob).ToList()
            : [];
        var withChildren = OscalProse.Str(selector, "with-child-controls") == "yes";
        foreach (var control in controls)
        {
            var id = control.Id;
            if (id is null || !(ids.Contains(id) || patterns.Any(p => p.IsMatch(id))))
            {
                continue;
            }

            if (withChildren)
            {
                foreach (var node in control.SelfAndDescendants().Where(n => !n.IsGroup))
                {
                    yield return node;
                }
            }
            else
            {
                yield return control;
            }
        }
    }

    /// <summary>An OSCAL <c>matching</c> pattern as an anchored regular expression.</summary>
    public static Regex Glob(string pattern) => new(
        "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
        RegexOptions.CultureInvariant | RegexOptions.Singleline,
        TimeSpan.FromSeconds(1));
}
