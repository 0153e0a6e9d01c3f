using Trellis.Exchange.Json;

namespace Trellis.Exchange.Oscal.Profiles;

/// <summary>How resolved controls are structured (the profile's <c>merge</c>).</summary>
internal enum Structure
{
    /// <summary><c>flat</c>, or no structuring directive: no groups.</summary>
    Flat,

    /// <summary><c>as-is: true</c>: the source catalogs' groups.</summary>
    AsIs,
}

/// <summary>
/// The merge step of profile resolution. "as-is" keeps every group (with all its content) that contains a selected
/// control, and keeps an unselected control with only its ID and title when a descendant is selected. "flat" drops
/// groups; a selected control keeps its selected child controls nested (control enhancements stay under their
/// control), and one whose parent is not selected moves up to its nearest selected ancestor or the top.
/// Controls selected by several imports appear once: the first one wins ("use-first"), and a duplicate with
/// different content is reported.
/// </summary>
internal static class TreeMerge
{
    /// <summary>The selected part of <paramref name="nodes"/>, structured as asked.</summary>
    public static List<TreeNode> Filter(IEnumerable<TreeNode> nodes, HashSet<TreeNode> selected, Structure structure)
    {
        var result = new List<TreeNode>();
        foreach (var n in nodes)
        {
            var kids = Filter(n.Children, selected, structure);
            if (n.IsGroup)
            {
                if (kids.Count > 0)
                {
                    if (structure == Structure.AsIs)
                    {
                        result.Add(n.Copy(kids));
                    }
                    else
                    {
                        result.AddRange(kids);
                    }
                }
            }
            else if (selected.Contains(n))
            {
                result.Add(n.Copy(kids));
            }
            else if (kids.Count > 0)
            {
                if (structure == Structure.AsIs)
                {
                    result.Add(n.Copy(kids, skeleton: true));
                }
                else
                {
                    result.AddRange(kids);
                }
            }
        }

        return result;
    }

    /// <summary>Adds <paramref name="add"/> into <paramref name="target"/>: groups and controls with the same ID are united.</summary>
    public static void MergeInto(List<TreeNode> target, IEnumerable<TreeNode> add, List<string> warnings)
    {
        foreach (var a in add)
        {
            var existing = a.Id is null ? null : target.Find(t => t.IsGroup == a.IsGroup && t.Id == a.Id);
            if (existing is null)
            {
                target.Add(a);
                continue;
            }

            if (!a.IsGroup)
            {
                if (existing.Skeleton && !a.Skeleton)
                {
                    existing.Body = a.Body;
                    existing.Skeleton = false;
                }
                else if (!existing.Skeleton && !a.Skeleton && !SameContent(existing, a))
                {
                    warnings.Add($"control '{a.Id}' is imported more than once with different content; the first import is used");
                }
            }

            MergeInto(existing.Children, a.Children, warnings);
        }

        Sort(target);
    }

    /// <summary>Removes later copies of a control that appears more than once (possible when imports structure it differently).</summary>
    public static void RemoveDuplicates(List<TreeNode> roots, List<string> warnings)
    {
        var seen = new Dictionary<string, TreeNode>(StringComparer.Ordinal);
        Dedupe(roots, seen, warnings);
    }

    private static void Dedupe(List<TreeNode> nodes, Dictionary<string, TreeNode> seen, List<string> warnings)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            if (!n.IsGroup && n.Id is { } id)
            {
                if (seen.TryGetValue(id, out var first))
                {
                    if (first.Skeleton && !n.Skeleton)
                    {
                        first.Body = n.Body;
                        first.Skeleton = false;
                    }
                    else if (!n.Skeleton && !SameContent(first, n))
                    {
                        warnings.Add($"control '{id}' is imported more than once with different content; the first import is used");
                    }

                    nodes.RemoveAt(i--);
                    MergeInto(first.Children, n.Children, warnings);
                    continue;
                }

                seen[id] = n;
            }

            Dedupe(n.Children, seen, warnings);
        }
    }

    private static bool SameContent(TreeNode a, TreeNode b) =>
        (a.Source == b.Source && a.Position == b.Position) || a.Body.ToJsonString(JsonDefaults.Deep) == b.Body.ToJsonString(JsonDefaults.Deep);

    private static void Sort(List<TreeNode> nodes)
    {
        var sorted = nodes.OrderBy(n => n.Source).ThenBy(n => n.Position).ToList();
        nodes.Clear();
        nodes.AddRange(sorted);
    }
}
