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
    IReadOnlyList<MappingLink> Candidates)
{
    /// <summary>For a SOC 2 criterion: the coverage of each point of focus (nested here, not listed at the top); empty otherwise.</summary>
    public IReadOnlyList<RequirementCoverage> PointsOfFocus { get; init; } = [];
}

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
    /// A requirement with children (a SOC 2 criterion and its points of focus, a NIST CSF function or category) is
    /// composed with them (rule 7): full when a link fully meets it (then every child is met too) or when every child
    /// is full, none when neither it nor any child is addressed, partial otherwise. Several partial sources never add
    /// up to full (rule 3). Points of focus are nested in their criterion, not listed at the top.
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
        foreach (var req in targetFw.Value.AllRequirements)
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
        var children = fw.AllRequirements.Where(r => r.Parent is not null).ToLookup(r => r.Parent!, StringComparer.Ordinal);
        var done = new Dictionary<string, RequirementCoverage>(StringComparer.Ordinal);

        RequirementCoverage Resolve(Requirement req, bool fullAncestor)
        {
            var mine = own[req.Id];
            var ownFull = mine.Level == CoverageLevel.Full || fullAncestor;
            var kids = children[req.Id].Select(k => Resolve(k, ownFull)).ToList();
            var level = ownFull ? CoverageLevel.Full : mine.Level;
            if (kids.Count > 0 && !ownFull)
            {
                level = kids.All(k => k.Level == CoverageLevel.Full) ? CoverageLevel.Full
                    : mine.Level != CoverageLevel.None || kids.Any(k => k.Level != CoverageLevel.None) ? CoverageLevel.Partial
                    : CoverageLevel.None;
            }

            var points = kids.Where(k => fw.Find(k.Requirement)!.Kind == RequirementKind.PointOfFocus).ToList();
            mine = mine with { Level = level, PointsOfFocus = points };
            done[req.Id] = mine;
            return mine;
        }

        foreach (var root in fw.AllRequirements.Where(r => r.Parent is null))
        {
            Resolve(root, false);
        }

        return [.. fw.Requirements.Select(r => done[r.Id])];
    }
}
