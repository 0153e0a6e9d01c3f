using Trellis.Core.Common;
using Trellis.Core.Frameworks;

namespace Trellis.Core.Crosswalk;

/// <summary>
/// Every framework and curated mapping set Trellis knows, with lookups that fail with a helpful
/// <see cref="Error"/> naming the nearest valid IDs.
/// </summary>
public sealed class FrameworkCatalog
{
    private readonly Dictionary<string, Framework> _frameworks;

    /// <summary>Creates a catalog. Mapping sets must reference frameworks in <paramref name="frameworks"/>.</summary>
    public FrameworkCatalog(IEnumerable<Framework> frameworks, IEnumerable<MappingSet> mappings)
    {
        Frameworks = frameworks.ToList();
        _frameworks = Frameworks.ToDictionary(f => f.Id, StringComparer.Ordinal);
        Mappings = mappings.ToList();
    }

    /// <summary>All frameworks, in load order.</summary>
    public IReadOnlyList<Framework> Frameworks { get; }

    /// <summary>All curated mapping sets.</summary>
    public IReadOnlyList<MappingSet> Mappings { get; }

    /// <summary>Finds a framework or explains which IDs exist.</summary>
    public Result<Framework> Framework(string id)
    {
        if (_frameworks.TryGetValue(id, out var f))
        {
            return f;
        }

        var near = Suggestions.Nearest(id, _frameworks.Keys);
        return new Error(ErrorCodes.UnknownFramework, $"unknown framework '{id}'; did you mean {string.Join(", ", near)}?");
    }

    /// <summary>Finds a requirement or explains which IDs are nearest.</summary>
    public Result<Requirement> Requirement(string frameworkId, string requirementId)
    {
        var fw = Framework(frameworkId);
        if (!fw.IsSuccess)
        {
            return fw.Error!;
        }

        var req = fw.Value.Find(requirementId);
        if (req is not null)
        {
            return req;
        }

        var near = Suggestions.Nearest(requirementId, fw.Value.AllRequirements.Select(r => r.Id));
        return new Error(
            ErrorCodes.UnknownRequirement,
            $"unknown requirement '{requirementId}' in {frameworkId}; nearest: {string.Join(", ", near)}");
    }

    /// <summary>Returns a copy with one more framework (e.g. an imported OSCAL catalog); replaces one with the same ID.</summary>
    public FrameworkCatalog With(Framework framework) =>
        new(Frameworks.Where(f => f.Id != framework.Id).Append(framework), Mappings);
}
