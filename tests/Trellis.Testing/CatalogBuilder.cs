using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;

namespace Trellis.Testing;

/// <summary>Explicit builder for small synthetic catalogs: frameworks of named requirements and typed links.</summary>
public sealed class CatalogBuilder
{
    private readonly Dictionary<string, List<string>> _frameworks = [];
    private readonly List<MappingLink> _links = [];
    private readonly List<(string Framework, string Id, string Parent)> _points = [];

    /// <summary>Adds a point of focus (a requirement of kind point-of-focus) under <paramref name="parent"/>, written as <c>fw:id</c>.</summary>
    public CatalogBuilder PointOfFocus(string point, string parent)
    {
        var at = Ref(point);
        _points.Add((at.Framework, at.Requirement, Ref(parent).Requirement));
        return this;
    }

    /// <summary>Adds a framework with flat requirements.</summary>
    public CatalogBuilder Framework(string id, params string[] requirements)
    {
        _frameworks[id] = [.. requirements];
        return this;
    }

    /// <summary>Adds a curated link <c>from rel to</c>, written as <c>fw:id</c>.</summary>
    public CatalogBuilder Link(string from, Relationship relationship, string to, int strength = 8, string source = "test")
    {
        _links.Add(new MappingLink
        {
            From = Ref(from),
            To = Ref(to),
            Relationship = relationship,
            Rationale = Rationale.Semantic,
            Strength = strength,
            Source = source,
        });
        return this;
    }

    /// <summary>Builds the catalog; links are grouped into one mapping set per framework pair.</summary>
    public FrameworkCatalog Build()
    {
        var frameworks = _frameworks.Select(f => new Framework(
            f.Key, f.Key, "1", f.Value.SelectMany(r => (IEnumerable<Requirement>)
            [
                new Requirement { Id = r, Title = r, Kind = RequirementKind.Control },
                .. _points.Where(p => p.Framework == f.Key && p.Parent == r)
                    .Select(p => new Requirement { Id = p.Id, Title = p.Id, Kind = RequirementKind.PointOfFocus, Parent = r }),
            ]).ToList()));
        var sets = _links.GroupBy(l => (l.From.Framework, l.To!.Value.Framework))
            .Select(g => new MappingSet($"{g.Key.Item1}_to_{g.Key.Item2}", g.Key.Item1, g.Key.Item2, 1, "", new Dictionary<string, string>(), g.ToList()));
        return new FrameworkCatalog(frameworks, sets);
    }

    /// <summary>The engine over the built catalog.</summary>
    public CrosswalkEngine Engine() => new(Build());

    private static RequirementRef Ref(string text)
    {
        var i = text.IndexOf(':', StringComparison.Ordinal);
        return new RequirementRef(text[..i], text[(i + 1)..]);
    }
}
