using Trellis.Core.Common;
using Trellis.Core.Frameworks;

namespace Trellis.Core.Crosswalk;

/// <summary>How much of a requirement is satisfied by what is implemented elsewhere.</summary>
public enum CoverageLevel
{
    /// <summary>Some implemented requirement satisfies it completely (rule 1).</summary>
    Full,

    /// <summary>Implemented requirements address part of it (rules 2 and 3).</summary>
    Partial,

    /// <summary>Nothing implemented addresses it.</summary>
    None,
}

/// <summary>The coverage of one target requirement and the links that produce it.</summary>
/// <param name="Requirement">The target requirement ID.</param>
/// <param name="Level">Full, partial or none.</param>
/// <param name="Sources">Links from implemented requirements that contribute (curated, inverted or definite inferred).</param>
/// <param name="Candidates">Inferred "related, review" links: shown, never counted.</param>
public sealed record RequirementCoverage(
    string Requirement,
    CoverageLevel Level,
    IReadOnlyList<MappingLink> Sources,
    IReadOnlyList<MappingLink> Candidates);

/// <summary>
/// Classifies every requirement of a target framework as full, partial or none, given what is
/// implemented in another framework (docs/crosswalk-rules.md, rules 1–3 and 5).
/// </summary>
public static class CoverageAnalysis
{
    private static readonly WireNames<CoverageLevel> Wire = new(new Dictionary<CoverageLevel, string>
    {
        [CoverageLevel.Full] = "full",
        [CoverageLevel.Partial] = "partial",
        [CoverageLevel.None] = "none",
    });

    /// <summary>Wire name of a coverage level: <c>full</c>, <c>partial</c> or <c>none</c>.</summary>
    public static string ToWire(this CoverageLevel level) => Wire[level];

    /// <summary>Parses a coverage level wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out CoverageLevel level) => Wire.TryParse(text, out level);

    /// <summary>
    /// Computes coverage of <paramref name="target"/> from <paramref name="implementedFramework"/>.
    /// </summary>
    /// <param name="engine">The crosswalk.</param>
    /// <param name="target">Framework whose requirements are classified.</param>
    /// <param name="implementedFramework">Framework whose requirements are implemented.</param>
    /// <param name="implemented">Implemented requirement IDs; null means all of them.</param>
    /// <returns>One entry per target requirement in the standard's order, or an error naming an unknown ID.</returns>
    /// <remarks>
    /// A parent requirement without links of its own (a NIST CSF function or category) takes the
    /// roll-up of its children: full when all are full, partial when any is covered.
    /// Several partial sources never add up to full (rule 3).
    /// </remarks>
    public static Result<IReadOnlyList<RequirementCoverage>> Compute(
        CrosswalkEngine engine,
        string target,
        string implementedFramework,
        IReadOnlyCollection<string>? implemented = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var targetFw = engine.Catalog.Framework(target);
        if (!targetFw.IsSuccess)
        {
            return targetFw.Error!;
        }

        var sourceFw = engine.Catalog.Framework(implementedFramework);
        if (!sourceFw.IsSuccess)
        {
            return sourceFw.Error!;
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in implemented ?? sourceFw.Value.Requirements.Select(r => r.Id).ToList())
        {
            var found = engine.Catalog.Requirement(implementedFramework, id);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            set.Add(id);
        }

        if (target == implementedFramework)
        {
            return Identity(targetFw.Value, set);
        }

        var links = engine.All(implementedFramework, target)
            .Where(l => l.To is not null && l.Relationship != Relationship.NoRelationship && set.Contains(l.From.Requirement))
            .ToLookup(l => l.To!.Value.Requirement, StringComparer.Ordinal);

        var own = new Dictionary<string, RequirementCoverage>(StringComparer.Ordinal);
        foreach (var req in targetFw.Value.Requirements)
        {
            var sources = links[req.Id].Where(l => !l.NeedsReview).ToList();
            var candidates = links[req.Id].Where(l => l.NeedsReview).ToList();
            var level = sources.Any(l => l.Relationship.Satisfies()) ? CoverageLevel.Full
                : sources.Count > 0 ? CoverageLevel.Partial
                : CoverageLevel.None;
            own[req.Id] = new RequirementCoverage(req.Id, level, sources, candidates);
        }

        return RollUp(targetFw.Value, own);
    }

    private static List<RequirementCoverage> Identity(Framework fw, HashSet<string> set) =>
        fw.Requirements
            .Select(r => new RequirementCoverage(r.Id, set.Contains(r.Id) ? CoverageLevel.Full : CoverageLevel.None, [], []))
            .ToList();

    private static List<RequirementCoverage> RollUp(Framework fw, Dictionary<string, RequirementCoverage> own)
    {
        var children = fw.Requirements.Where(r => r.Parent is not null).ToLookup(r => r.Parent!, StringComparer.Ordinal);
        var memo = new Dictionary<string, CoverageLevel>(StringComparer.Ordinal);

        CoverageLevel LevelOf(string id)
        {
            if (memo.TryGetValue(id, out var known))
            {
                return known;
            }

            var mine = own[id];
            var kids = children[id].ToList();
            var level = mine.Level;
            if (kids.Count > 0 && mine.Sources.Count == 0)
            {
                var levels = kids.Select(k => LevelOf(k.Id)).ToList();
                level = levels.All(l => l == CoverageLevel.Full) ? CoverageLevel.Full
                    : levels.Any(l => l != CoverageLevel.None) ? CoverageLevel.Partial
                    : CoverageLevel.None;
            }

            memo[id] = level;
            return level;
        }

        return fw.Requirements.Select(r => own[r.Id] with { Level = LevelOf(r.Id) }).ToList();
    }
}
