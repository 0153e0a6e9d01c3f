using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;

namespace Trellis.Testing;

/// <summary>
/// Frameworks built from the independently verified reference lists in tests/reference/domain (not from the
/// shipped content), so that Core logic can be tested against the real requirement IDs.
/// </summary>
public static class ReferenceCatalogs
{
    /// <summary>ISO/IEC 27001:2022 (ID <c>iso27001-2022</c>): 30 clauses and 93 Annex A controls from iso27001-2022.csv.</summary>
    public static Framework Iso27001_2022() => new(
        "iso27001-2022",
        "ISO/IEC 27001:2022",
        "2022",
        ReferenceData.Csv("iso27001-2022.csv").Select(r => new Requirement
        {
            Id = r["id"],
            Title = r["title"],
            Kind = r["theme"] == "clause" ? RequirementKind.Clause : RequirementKind.Control,
            Theme = r["theme"],
        }).ToList());

    /// <summary>SOC 2 TSC 2017 (ID <c>soc2-2017</c>): 61 criteria from soc2-tsc-2017.csv, category as a wire name (<c>processing-integrity</c>).</summary>
    public static Framework Soc2_2017() => new(
        "soc2-2017",
        "SOC 2",
        "2017",
        ReferenceData.Csv("soc2-tsc-2017.csv").Select(r => new Requirement
        {
            Id = r["id"],
            Title = r["title"],
            Kind = RequirementKind.Criterion,
            Category = Category(r["category"]),
        }).ToList());

    /// <summary>The SOC 2 category wire name of a CSV category such as <c>Security: Control Environment</c>.</summary>
    public static string Category(string csvCategory) =>
        csvCategory.Split(':')[0].Trim().ToLowerInvariant().Replace(' ', '-');

    /// <summary>
    /// A crosswalk over both reference frameworks with the given ISO → SOC 2 links, each written
    /// <c>(isoId, relationship, criterionId)</c>.
    /// </summary>
    public static CrosswalkEngine Engine(params (string Iso, Relationship Relationship, string Criterion)[] links)
    {
        var mapping = new MappingSet(
            "iso27001-2022_to_soc2-2017",
            "iso27001-2022",
            "soc2-2017",
            1,
            "test links",
            new Dictionary<string, string>(),
            links.Select(l => new MappingLink
            {
                From = new RequirementRef("iso27001-2022", l.Iso),
                To = new RequirementRef("soc2-2017", l.Criterion),
                Relationship = l.Relationship,
                Rationale = Rationale.Semantic,
                Strength = 8,
                Source = "test",
            }).ToList());
        return new CrosswalkEngine(new FrameworkCatalog([Iso27001_2022(), Soc2_2017()], [mapping]));
    }
}
