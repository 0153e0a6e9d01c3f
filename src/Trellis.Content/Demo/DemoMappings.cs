using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;

namespace Trellis.Content.Demo;

/// <summary>
/// Turns a demo control's written mappings into <see cref="ControlMapping"/>s and suggests its SOC 2 mappings from
/// its ISO/IEC 27001:2022 ones through the shipped crosswalk, claiming only what set algebra guarantees.
/// </summary>
internal static class DemoMappings
{
    /// <summary>
    /// The ISO mappings as written, then SOC 2 mappings in criterion order: the written ones, and derived ones for
    /// criteria of the TSC categories in scope.
    /// </summary>
    public static IReadOnlyList<ControlMapping> For(DemoControls.Row row, CrosswalkEngine engine, IReadOnlyList<string> tscCategories)
    {
        var criteria = engine.Catalog.Framework(FrameworkIds.Soc2v2017).Value.Requirements;
        var inScope = criteria.Where(r => r.Category is { } c && tscCategories.Contains(c)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var iso = Parse(row.Iso, FrameworkIds.Iso27001v2022);
        var soc = Parse(row.Soc, FrameworkIds.Soc2v2017).ToDictionary(m => m.Requirement.Requirement, m => m.Relationship, StringComparer.Ordinal);
        var written = soc.Keys.ToHashSet(StringComparer.Ordinal);
        var links = engine.Direct(FrameworkIds.Iso27001v2022, FrameworkIds.Soc2v2017).Where(l => l.To is not null).ToLookup(l => l.From.Requirement, StringComparer.Ordinal);
        foreach (var mapping in iso)
        {
            foreach (var link in links[mapping.Requirement.Requirement])
            {
                var criterion = link.To!.Value.Requirement;
                if (written.Contains(criterion) || !inScope.Contains(criterion) || Derive(mapping.Relationship, link.Relationship) is not { } derived)
                {
                    continue;
                }

                soc[criterion] = soc.TryGetValue(criterion, out var existing) ? MoreConservative(existing, derived) : derived;
            }
        }

        var order = criteria.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return
        [
            .. iso,
            .. soc.OrderBy(p => order[p.Key]).Select(p => new ControlMapping(new RequirementRef(FrameworkIds.Soc2v2017, p.Key), p.Value)),
        ];
    }

    /// <summary>
    /// The control's relationship to a criterion given control r1 requirement and requirement r2 criterion, or null when
    /// the sets may not even overlap. Equal passes r2 through; superset-of keeps superset-of and otherwise only proves an
    /// overlap; subset-of keeps subset-of through equal and subset-of; an overlap survives only into a larger set.
    /// </summary>
    internal static Relationship? Derive(Relationship controlToRequirement, Relationship requirementToCriterion) =>
        (controlToRequirement, requirementToCriterion) switch
        {
            (_, Relationship.NoRelationship) => null,
            (Relationship.Equal, var r) => r,
            (Relationship.SupersetOf, Relationship.Equal or Relationship.SupersetOf) => Relationship.SupersetOf,
            (Relationship.SupersetOf, _) => Relationship.IntersectsWith,
            (Relationship.SubsetOf, Relationship.Equal or Relationship.SubsetOf) => Relationship.SubsetOf,
            (Relationship.IntersectsWith, Relationship.Equal or Relationship.SubsetOf) => Relationship.IntersectsWith,
            _ => null,
        };

    // Two derivations of the same pair: a definite one beats an overlap; between definite ones, the one promising the
    // least coverage wins, so the demo never overstates what a control does.
    private static Relationship MoreConservative(Relationship a, Relationship b)
    {
        static int Rank(Relationship r) => r switch
        {
            Relationship.SubsetOf => 4,
            Relationship.Equal => 3,
            Relationship.SupersetOf => 2,
            _ => 1,
        };

        return Rank(a) >= Rank(b) ? a : b;
    }

    private static List<ControlMapping> Parse(string tokens, string framework) =>
        tokens.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => new ControlMapping(new RequirementRef(framework, t[1..]), t[0] switch
            {
                '=' => Relationship.Equal,
                '<' => Relationship.SubsetOf,
                '>' => Relationship.SupersetOf,
                '~' => Relationship.IntersectsWith,
                _ => throw new InvalidOperationException($"unknown relationship symbol in '{t}'"),
            }))
            .ToList();
}
