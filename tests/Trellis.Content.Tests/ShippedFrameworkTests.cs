using Trellis.Content;
using Trellis.Core.Frameworks;
using Trellis.Testing;

namespace Trellis.Content.Tests;

/// <summary>The shipped catalogs, compared with the verified reference lists in tests/reference/domain.</summary>
public class ShippedFrameworkTests
{
    private static Framework Fw(string id) => ShippedContent.Catalog.Framework(id).Value;

    [Fact]
    public void ShippedContent_LoadsWithoutErrors() =>
        Assert.Equal(["iso27001-2022", "soc2-2017", "nist-csf-2.0", "iso27001-2013"], ShippedContent.Catalog.Frameworks.Select(f => f.Id));

    [Fact]
    public void Iso2022_IdsTitlesAndThemes_MatchReferenceListExactly()
    {
        var expected = ReferenceData.Csv("iso27001-2022.csv");
        var actual = Fw("iso27001-2022").Requirements;

        Assert.Equal(expected.Select(r => (r["id"], r["title"], r["theme"])), actual.Select(r => (r.Id, r.Title, r.Theme!)));
        Assert.Equal(30, actual.Count(r => r.Kind == RequirementKind.Clause));
        Assert.Equal(93, actual.Count(r => r.Kind == RequirementKind.Control));
    }

    [Fact]
    public void Iso2022_EveryRequirementHasGuidance_AndEveryControlHasAttributes()
    {
        var fw = Fw("iso27001-2022");

        Assert.All(fw.Requirements, r => Assert.False(string.IsNullOrWhiteSpace(r.Guidance), r.Id));
        Assert.All(fw.Requirements.Where(r => r.Kind == RequirementKind.Control), r =>
        {
            Assert.NotEmpty(r.Attributes["controlType"]);
            Assert.All(r.Attributes["securityProperties"], p => Assert.Contains(p, new[] { "confidentiality", "integrity", "availability" }));
        });
    }

    [Fact]
    public void Iso2022_NewControlsOf2022_AreThere()
    {
        // docs/crosswalk-rules.md: the eleven controls new in 2022.
        string[] added = ["A.5.7", "A.5.23", "A.5.30", "A.7.4", "A.8.9", "A.8.10", "A.8.11", "A.8.12", "A.8.16", "A.8.23", "A.8.28"];
        var fw = Fw("iso27001-2022");

        Assert.All(added, id => Assert.True(fw.Contains(id), id));
    }

    [Fact]
    public void Iso2013_IdsTitlesAndSections_MatchReferenceListExactly()
    {
        var expected = ReferenceData.Csv("iso27001-2013.csv");
        var fw = Fw("iso27001-2013");

        Assert.Equal(expected.Select(r => (r["id"], r["title"], r["section"])), fw.Requirements.Select(r => (r.Id, r.Title, r.Section!)));
        Assert.Equal(expected.Select(r => (r["section"], r["section_title"])).Distinct(), fw.Groups.Select(g => (g.Id, g.Title)));
    }

    [Fact]
    public void Soc2_IdsTitlesCategoriesAndCoso_MatchReferenceListExactly()
    {
        var expected = ReferenceData.Csv("soc2-tsc-2017.csv");
        var criteria = Fw("soc2-2017").Requirements.Where(r => r.Kind == RequirementKind.Criterion).ToList();

        Assert.Equal(expected.Select(r => (r["id"], r["title"])), criteria.Select(r => (r.Id, r.Title)));
        foreach (var (row, req) in expected.Zip(criteria))
        {
            var category = row["category"].Split(':')[0].Trim().ToLowerInvariant().Replace(' ', '-');
            Assert.Equal(category, req.Category);
            Assert.Equal(row["coso_principle"] is "" ? null : int.Parse(row["coso_principle"], System.Globalization.CultureInfo.InvariantCulture), req.CosoPrinciple);
            Assert.NotEmpty(req.PointsOfFocus);
            Assert.False(string.IsNullOrWhiteSpace(req.Guidance));
        }
    }

    [Fact]
    public void Soc2_PointsOfFocus_MatchReferenceListExactly()
    {
        // IDs, order within each criterion, headings and parents, exactly as the reference list has them.
        var expected = ReferenceData.Csv("soc2-tsc-2017-points-of-focus.csv");
        var fw = Fw("soc2-2017");
        var points = fw.PointsOfFocus.ToList();

        Assert.Equal(330, expected.Count);
        Assert.Equal(expected.Select(r => (r["id"], r["heading"], r["criterion"])), points.Select(r => (r.Id, r.Title, r.Parent!)));
        Assert.All(points, p => Assert.Equal(fw.Find(p.Parent!)!.Category, p.Category));
        Assert.All(points, p => Assert.Null(p.Guidance));
        // Each criterion's points of focus follow it, in order, before the next criterion.
        var order = fw.AllRequirements.Select(r => r.Id).ToList();
        Assert.All(points, p => Assert.True(order.IndexOf(p.Parent!) < order.IndexOf(p.Id), p.Id));
        Assert.Equal(expected.Where(r => r["criterion"] == "CC6.1").Select(r => r["heading"]), fw.Find("CC6.1")!.PointsOfFocus);
    }

    [Fact]
    public void Soc2_CategoryCounts_AreTheTscStructure()
    {
        // docs/crosswalk-rules.md: Security CC1–CC9 = 33, A1 = 3, C1 = 2, PI1 = 5, P1–P8 = 18.
        var counts = Fw("soc2-2017").Requirements.Where(r => r.Kind == RequirementKind.Criterion).GroupBy(r => r.Category!).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(33, counts["security"]);
        Assert.Equal(3, counts["availability"]);
        Assert.Equal(2, counts["confidentiality"]);
        Assert.Equal(5, counts["processing-integrity"]);
        Assert.Equal(18, counts["privacy"]);
        Assert.False(Fw("soc2-2017").Contains("CC6.9"));
    }

    [Fact]
    public void NistCsf2_HasSixFunctionsTwentyTwoCategoriesAndOneHundredSixSubcategories()
    {
        // NIST CSWP 29 (CSF 2.0, 2024): 6 functions, 22 categories, 106 subcategories.
        var fw = Fw("nist-csf-2.0");

        Assert.Equal(["GV", "ID", "PR", "DE", "RS", "RC"], fw.Requirements.Where(r => r.Kind == RequirementKind.Function).Select(r => r.Id));
        Assert.Equal(22, fw.Requirements.Count(r => r.Kind == RequirementKind.Category));
        Assert.Equal(106, fw.Requirements.Count(r => r.Kind == RequirementKind.Subcategory));
        Assert.All(fw.Requirements, r => Assert.False(string.IsNullOrWhiteSpace(r.Text), r.Id));
    }

    [Theory]
    [InlineData("GV.OC-01", "GV.OC", "The organizational mission is understood and informs cybersecurity risk management")]
    [InlineData("PR.AA-01", "PR.AA", "Identities and credentials for authorized users, services, and hardware are managed by the organization")]
    [InlineData("RC.RP-01", "RC.RP", "The recovery portion of the incident response plan is executed once initiated from the incident response process")]
    public void NistCsf2_Subcategories_CarryTheOfficialText(string id, string parent, string text)
    {
        var req = Fw("nist-csf-2.0").Find(id)!;

        Assert.Equal(parent, req.Parent);
        Assert.StartsWith(text, req.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_DistinguishesCertificationFromAttestation()
    {
        Assert.Equal("certification", Fw("iso27001-2022").Metadata.AssuranceModel);
        Assert.Equal("attestation", Fw("soc2-2017").Metadata.AssuranceModel);
        Assert.Contains("AICPA", Fw("soc2-2017").Metadata.Issuer, StringComparison.Ordinal);
    }
}
