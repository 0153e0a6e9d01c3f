using Trellis.Core.Common;
using Trellis.Core.Frameworks;

namespace Trellis.Core.Crosswalk;

/// <summary>What the guide claimed for one criterion of one 2013 section, and what the mapping says.</summary>
public enum ClaimVerdict
{
    /// <summary>The mapping reaches the claimed criterion from the section.</summary>
    Confirmed,

    /// <summary>
    /// Reachable only through a weak link (strength below <see cref="LegacyGuideView.SubstantialStrength"/>)
    /// or a 2013 control that Annex B split: not enough to call the guide right.
    /// </summary>
    Tangential,

    /// <summary>The criterion exists, but nothing in the section maps to it.</summary>
    Wrong,

    /// <summary>The claimed criterion does not exist in the TSC (e.g. CC6.9).</summary>
    Nonexistent,
}

/// <summary>Wire names of <see cref="ClaimVerdict"/>.</summary>
public static class ClaimVerdicts
{
    private static readonly WireNames<ClaimVerdict> Wire = new(new Dictionary<ClaimVerdict, string>
    {
        [ClaimVerdict.Confirmed] = "confirmed",
        [ClaimVerdict.Tangential] = "tangential",
        [ClaimVerdict.Wrong] = "wrong",
        [ClaimVerdict.Nonexistent] = "nonexistent",
    });

    /// <summary>Wire name: <c>confirmed</c>, <c>tangential</c>, <c>wrong</c> or <c>nonexistent</c>.</summary>
    public static string ToWire(this ClaimVerdict verdict) => Wire[verdict];

    /// <summary>Parses a wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out ClaimVerdict verdict) => Wire.TryParse(text, out verdict);
}

/// <summary>One claim of the guide's table, judged.</summary>
/// <param name="Criterion">The criterion the guide names.</param>
/// <param name="Verdict">Confirmed, wrong or nonexistent.</param>
public sealed record GuideClaim(string Criterion, ClaimVerdict Verdict);

/// <summary>One row of the legacy view: a 2013 Annex A section and the SOC 2 criteria it reaches.</summary>
/// <param name="Section">Section ID, e.g. <c>A.9</c>.</param>
/// <param name="Title">Section title.</param>
/// <param name="Reached">Criteria reached via 2013 → 2022 → SOC 2, in TSC order.</param>
/// <param name="Claims">The guide's claims, judged.</param>
/// <param name="Missed">Criteria the mapping reaches substantially that the guide does not mention.</param>
public sealed record GuideRow(
    string Section,
    string Title,
    IReadOnlyList<string> Reached,
    IReadOnlyList<GuideClaim> Claims,
    IReadOnlyList<string> Missed);

/// <summary>
/// The seed guide's section-level table, recomputed from the real mapping: for each 2013 Annex A
/// section, the SOC 2 criteria reached through ISO/IEC 27002:2022 Annex B and the curated
/// 2022 ↔ SOC 2 links; the guide's claims marked confirmed, wrong or nonexistent.
/// </summary>
public static class LegacyGuideView
{
    /// <summary>The least strength of a 2022 → SOC 2 link that confirms a claim. The default is 5 (a substantial part).</summary>
    public const int SubstantialStrength = 5;

    /// <summary>Builds the view.</summary>
    /// <param name="engine">The crosswalk (must contain the three frameworks).</param>
    /// <param name="claims">The guide's claims: section ID → criteria as the guide writes them.</param>
    public static IReadOnlyList<GuideRow> Build(CrosswalkEngine engine, IReadOnlyDictionary<string, IReadOnlyList<string>> claims)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(claims);
        var iso2013 = engine.Catalog.Framework(FrameworkIds.Iso27001v2013).Value;
        var soc2 = engine.Catalog.Framework(FrameworkIds.Soc2v2017).Value;
        var socOrder = soc2.Requirements.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        // 2013 -> 2022 (Annex B), then 2022 -> SOC 2 (curated). A path is substantial when the Annex B step
        // is not a split (intersects-with) and the 2022 -> SOC 2 link carries a substantial part of the criterion.
        var to2022 = engine.Direct(FrameworkIds.Iso27001v2013, FrameworkIds.Iso27001v2022).Where(l => l.To is not null)
            .ToLookup(l => l.From.Requirement, StringComparer.Ordinal);
        // The guide's table is criterion-level: point-of-focus links are left to the criterion-level links.
        var toSoc = engine.Direct(FrameworkIds.Iso27001v2022, FrameworkIds.Soc2v2017)
            .Where(l => l.To is not null && l.Relationship != Relationship.NoRelationship && socOrder.ContainsKey(l.To.Value.Requirement))
            .ToLookup(l => l.From.Requirement, StringComparer.Ordinal);

        var rows = new List<GuideRow>();
        foreach (var group in iso2013.Groups)
        {
            var paths = iso2013.Requirements.Where(r => r.Section == group.Id)
                .SelectMany(r => to2022[r.Id])
                .SelectMany(a => toSoc[a.To!.Value.Requirement].Select(b => (
                    Criterion: b.To!.Value.Requirement,
                    Substantial: a.Relationship != Relationship.IntersectsWith && b.Strength >= SubstantialStrength)))
                .ToList();
            var reached = paths.Select(p => p.Criterion).Distinct(StringComparer.Ordinal).OrderBy(id => socOrder[id]).ToList();
            var substantial = paths.Where(p => p.Substantial).Select(p => p.Criterion).ToHashSet(StringComparer.Ordinal);
            var reachedSet = reached.ToHashSet(StringComparer.Ordinal);
            var judged = claims.TryGetValue(group.Id, out var claimed)
                ? claimed.Select(c => new GuideClaim(
                    c,
                    !socOrder.ContainsKey(c) ? ClaimVerdict.Nonexistent
                    : substantial.Contains(c) ? ClaimVerdict.Confirmed
                    : reachedSet.Contains(c) ? ClaimVerdict.Tangential
                    : ClaimVerdict.Wrong)).ToList()
                : [];
            var claimedSet = judged.Select(c => c.Criterion).ToHashSet(StringComparer.Ordinal);
            rows.Add(new GuideRow(group.Id, group.Title, reached, judged, substantial.Where(r => !claimedSet.Contains(r)).OrderBy(id => socOrder[id]).ToList()));
        }

        return rows;
    }
}
