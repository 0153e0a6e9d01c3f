namespace Trellis.Core.Common;

/// <summary>Finds the valid identifiers nearest to one the user mistyped, for "did you mean" messages.</summary>
public static class Suggestions
{
    /// <summary>
    /// Returns up to <paramref name="count"/> candidates ordered by edit distance (case-insensitive),
    /// ties broken by ordinal order. Candidates sharing the typed prefix are preferred.
    /// </summary>
    public static IReadOnlyList<string> Nearest(string typed, IEnumerable<string> candidates, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var t = typed.ToUpperInvariant();
        return candidates
            .Select(c => (Candidate: c, Distance: Distance(t, c.ToUpperInvariant()) - (c.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 1 : 0)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Candidate)
            .ToList();
    }

    /// <summary>Levenshtein distance between two strings.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
