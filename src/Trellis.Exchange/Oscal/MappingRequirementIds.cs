using Trellis.Core.Common;
using Trellis.Core.Frameworks;
using Trellis.Exchange.Oscal.Profiles;

namespace Trellis.Exchange.Oscal;

/// <summary>
/// Requirement IDs of one framework as a mapping names them: exactly, or as the OSCAL token Trellis exports for an
/// ID that is not one (<see cref="OscalParts.ControlId"/>: ISO clause <c>4.1</c> → <c>_4.1</c>), reversed here.
/// </summary>
internal sealed class MappingRequirementIds
{
    /// <summary>How many problems get the nearest valid IDs in their message.</summary>
    public const int SuggestedProblems = 50;

    private readonly Framework _framework;

    // Token → exact ID, for the IDs the exporter changes; null when two IDs give the same token (then only the
    // requirement-id prop can say which).
    private readonly Dictionary<string, string?> _byToken = new(StringComparer.Ordinal);

    private readonly Lazy<ILookup<string, string>> _children;

    public MappingRequirementIds(Framework framework)
    {
        _framework = framework;
        _children = new(() => framework.AllRequirements.Where(r => r.Parent is not null).ToLookup(r => r.Parent!, r => r.Id, StringComparer.Ordinal));
        foreach (var r in framework.AllRequirements)
        {
            var token = OscalParts.ControlId(r.Id);
            if (token != r.Id)
            {
                _byToken[token] = _byToken.ContainsKey(token) ? null : r.Id;
            }
        }
    }

    /// <summary>The framework's ID.</summary>
    public string FrameworkId => _framework.Id;

    /// <summary>The exact requirement ID <paramref name="id"/> names, or null when the framework has none.</summary>
    public string? Find(string id) =>
        _framework.Contains(id) ? id : _byToken.GetValueOrDefault(id);

    /// <summary>
    /// Says that <paramref name="id"/> is not a requirement, naming the nearest IDs while fewer than
    /// <see cref="SuggestedProblems"/> problems were found: each suggestion compares the ID with every requirement, and
    /// a hostile document may name thousands of unknown IDs.
    /// </summary>
    public string Unknown(string id, int problemsSoFar) =>
        $"'{id}' is not a requirement of {_framework.Id}"
        + (problemsSoFar < SuggestedProblems ? $"; nearest: {string.Join(", ", Suggestions.Nearest(id, _framework.AllRequirements.Select(r => r.Id)))}" : "");

    /// <summary>The IDs an OSCAL <c>matching</c> glob selects (tested against the exact ID and its exported token), in framework order.</summary>
    public IEnumerable<string> Matching(string pattern)
    {
        // Runs of '*' match what one does; a pattern with more other characters than an ID cannot match it. Both
        // keep each test within ID length squared, however long the pattern.
        var glob = string.Concat(pattern.Where((c, i) => c != '*' || i == 0 || pattern[i - 1] != '*'));
        var literal = glob.Count(c => c != '*');
        bool Matches(string text) => literal <= text.Length && ControlSelection.Glob(glob, text);
        return _framework.AllRequirements.Select(r => r.Id).Where(id => Matches(id) || Matches(OscalParts.ControlId(id)));
    }

    /// <summary>The requirements below <paramref name="id"/> (children, their children, …), in framework order.</summary>
    public IEnumerable<string> Descendants(string id)
    {
        var below = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([id]);
        while (pending.TryPop(out var parent))
        {
            foreach (var child in _children.Value[parent])
            {
                if (below.Add(child))
                {
                    pending.Push(child);
                }
            }
        }

        return _framework.AllRequirements.Select(r => r.Id).Where(below.Contains);
    }
}
