using System.Text.Json;

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
            ? matching.EnumerateArray().Select(m => OscalProse.Str(m, "pattern")).OfType<string>().ToList()
            : [];
        var withChildren = OscalProse.Str(selector, "with-child-controls") == "yes";
        foreach (var control in controls)
        {
            var id = control.Id;
            if (id is null || !(ids.Contains(id) || patterns.Any(p => Glob(p, id))))
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

    /// <summary>
    /// True when <paramref name="text"/> matches the OSCAL <c>matching</c> pattern: <c>*</c> is any run of characters,
    /// <c>?</c> one character, everything else itself. Greedy with one backtrack point, so at most
    /// pattern × text steps whatever the pattern (no regular expression to blow up).
    /// </summary>
    public static bool Glob(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
