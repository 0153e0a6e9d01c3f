using Trellis.Content;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Testing;

namespace Trellis.Content.Tests;

/// <summary>The shipped mappings against the reference correspondence and the coverage promises of the product.</summary>
public class ShippedMappingTests
{
    private static MappingSet Set(string from, string to) =>
        ShippedContent.Catalog.Mappings.Single(m => m.From == from && m.To == to);

    [Fact]
    public void AnnexB_IsExactlyTheReferenceCorrespondence()
    {
        var expected = ReferenceData.Csv("iso27001-2013-to-2022.csv").Select(r => (r["from_2013"], r["to_2022"])).ToList();
        var links = Set("iso27001-2013", "iso27001-2022").Links;

        Assert.Equal(115, expected.Count);
        Assert.Equal(expected.Order(), links.Select(l => (l.From.Requirement, l.To!.Value.Requirement)).Order());
    }

    [Theory]
    [InlineData("A.5.1.1", "A.5.1", Relationship.SubsetOf)] // A.5.1.1 and A.5.1.2 merged into A.5.1
    [InlineData("A.6.1.2", "A.5.3", Relationship.Equal)]    // segregation of duties, one-to-one
    [InlineData("A.18.2.3", "A.8.8", Relationship.IntersectsWith)] // split across A.5.36 and A.8.8, both also merged
    public void AnnexB_RelationshipFollowsTheTableShape(string from, string to, Relationship expected) =>
        Assert.Equal(expected, Set("iso27001-2013", "iso27001-2022").Links.Single(l => l.From.Requirement == from && l.To!.Value.Requirement == to).Relationship);

    [Fact]
    public void IsoToSoc2_EveryCriterionIsReachedFromIso()
    {
        var reached = Set("iso27001-2022", "soc2-2017").Links.Where(l => l.To is not null).Select(l => l.To!.Value.Requirement).ToHashSet();

        Assert.All(ReferenceData.Csv("soc2-tsc-2017.csv"), r => Assert.Contains(r["id"], reached));
    }

    [Fact]
    public void IsoToSoc2_EveryAnnexAControlIsLinkedOrExplicitlyUnrelated()
    {
        var set = Set("iso27001-2022", "soc2-2017");
        var froms = set.Links.GroupBy(l => l.From.Requirement).ToDictionary(g => g.Key, g => g.ToList());

        foreach (var row in ReferenceData.Csv("iso27001-2022.csv").Where(r => r["theme"] != "clause"))
        {
            Assert.True(froms.TryGetValue(row["id"], out var links), $"{row["id"]} has no link and no explicit no-relationship");
            Assert.All(links!.Where(l => l.Relationship == Relationship.NoRelationship), l => Assert.False(string.IsNullOrWhiteSpace(l.Justification)));
        }
    }

    [Theory]
    [InlineData("6.1.2", "CC3.2")] // risk assessment
    [InlineData("9.2.2", "CC4.1")] // internal audit programme: ongoing and separate evaluations
    [InlineData("10.2", "CC4.2")]  // corrective action: deficiencies communicated and corrected
    [InlineData("A.8.7", "CC6.8")] // protection against malware
    [InlineData("A.8.32", "CC8.1")] // change management
    [InlineData("A.5.19", "CC9.2")] // supplier relationships: vendor risk
    [InlineData("A.5.24", "CC7.4")] // incident response
    public void IsoToSoc2_WellKnownCorrespondences_ArePresent(string iso, string soc2) =>
        Assert.Contains(Set("iso27001-2022", "soc2-2017").Links, l => l.From.Requirement == iso && l.To?.Requirement == soc2);

    [Fact]
    public void EveryCuratedLink_HasRationaleStrengthSourceAndJustification()
    {
        foreach (var set in ShippedContent.Catalog.Mappings)
        {
            Assert.All(set.Links, l =>
            {
                Assert.InRange(l.Strength, 1, 10);
                Assert.False(string.IsNullOrWhiteSpace(l.Source), $"{set.Id} {l.From}");
                Assert.False(string.IsNullOrWhiteSpace(l.Justification), $"{set.Id} {l.From}");
            });
        }
    }

    [Fact]
    public void NistCsf_IsMappedToIso2022()
    {
        var set = Set("nist-csf-2.0", "iso27001-2022");

        Assert.True(set.Links.Count > 100);
        Assert.Contains(set.Links, l => l.From.Requirement == "PR.AA-05" && l.To!.Value.Requirement.StartsWith("A.", StringComparison.Ordinal));
    }

    [Fact]
    public void GuideTable_MarksTheKnownFalseClaimsWrong()
    {
        // docs/crosswalk-rules.md lists these rows of the guide as plainly false.
        var rows = LegacyGuideView.Build(ShippedContent.Engine, ShippedContent.GuideClaims).ToDictionary(r => r.Section);

        Assert.Equal(ClaimVerdict.Nonexistent, rows["A.13"].Claims.Single(c => c.Criterion == "CC6.9").Verdict);
        Assert.NotEqual(ClaimVerdict.Confirmed, rows["A.13"].Claims.Single(c => c.Criterion == "CC6.8").Verdict);
        Assert.NotEqual(ClaimVerdict.Confirmed, rows["A.15"].Claims.Single(c => c.Criterion == "CC7.2").Verdict);
        Assert.NotEqual(ClaimVerdict.Confirmed, rows["A.11"].Claims.Single(c => c.Criterion == "CC6.2").Verdict);
        Assert.NotEqual(ClaimVerdict.Confirmed, rows["A.17"].Claims.Single(c => c.Criterion == "CC7.3").Verdict);
        Assert.NotEqual(ClaimVerdict.Confirmed, rows["A.18"].Claims.Single(c => c.Criterion == "CC8.1").Verdict);
        Assert.NotEqual(ClaimVerdict.Confirmed, rows["A.5"].Claims.Single(c => c.Criterion == "CC1.2").Verdict);
        Assert.Equal(ClaimVerdict.Confirmed, rows["A.9"].Claims.Single(c => c.Criterion == "CC6.1").Verdict);
        Assert.Contains("CC9.2", rows["A.15"].Reached);
        Assert.Contains("CC6.4", rows["A.11"].Reached);
        Assert.Equal(14, rows.Count);
    }

    [Fact]
    public void Coverage_Soc2FromAllOfIso2022_LeavesSomethingPartialButNothingUncovered()
    {
        var coverage = CoverageAnalysis.Compute(ShippedContent.Engine, "soc2-2017", "iso27001-2022").Value;

        Assert.Equal(61, coverage.Count);
        Assert.DoesNotContain(coverage, c => c.Level == CoverageLevel.None);
        Assert.Contains(coverage, c => c.Level == CoverageLevel.Partial);
    }

    [Fact]
    public void IsoToSoc2_EveryPointOfFocusIsLinkedOrAReviewedGap_NeverBoth()
    {
        // Issue 13, item 2: every point of focus of the reference list is either reached from ISO/IEC 27001:2022 or
        // recorded as a gap (no-relationship, with the reason) in soc2-2017_to_iso27001-2022.
        var points = ReferenceData.Csv("soc2-tsc-2017-points-of-focus.csv").Select(r => r["id"]).ToList();
        var linked = ShippedContent.Engine.Direct("iso27001-2022", "soc2-2017")
            .Where(l => l.To is not null && l.Relationship != Relationship.NoRelationship).Select(l => l.To!.Value.Requirement).ToHashSet(StringComparer.Ordinal);
        var gaps = ShippedContent.Catalog.Mappings.Single(m => m.Id == "soc2-2017_to_iso27001-2022").Links;

        Assert.All(gaps, g => Assert.Equal(Relationship.NoRelationship, g.Relationship));
        Assert.All(gaps, g => Assert.False(string.IsNullOrWhiteSpace(g.Justification), g.From.Requirement));
        var gapIds = gaps.Select(g => g.From.Requirement).ToList();
        Assert.Equal(gapIds.Count, gapIds.Distinct(StringComparer.Ordinal).Count());
        Assert.All(points, p => Assert.True(linked.Contains(p) ^ gapIds.Contains(p), $"{p}: linked {linked.Contains(p)}, gap {gapIds.Contains(p)}"));
    }

    [Fact]
    public void IsoToSoc2_CriterionAndPointOfFocusLevels_AgreeOnWhichPairsRelate()
    {
        // A point-of-focus link X -> C-POFn needs the criterion-level link X -> C, and every criterion-level link
        // X -> C shows up in at least one of C's points of focus.
        var links = ShippedContent.Catalog.Mappings.Single(m => m.Id == "iso27001-2022_to_soc2-2017").Links
            .Where(l => l.To is not null && l.Relationship != Relationship.NoRelationship).ToList();
        var soc2 = ShippedContent.Catalog.Framework("soc2-2017").Value;
        var criterionPairs = links.Where(l => soc2.Find(l.To!.Value.Requirement)!.Kind == RequirementKind.Criterion)
            .Select(l => (l.From.Requirement, l.To!.Value.Requirement)).ToHashSet();
        var pointPairs = links.Where(l => soc2.Find(l.To!.Value.Requirement)!.Kind == RequirementKind.PointOfFocus)
            .Select(l => (l.From.Requirement, soc2.Find(l.To!.Value.Requirement)!.Parent!)).ToHashSet();

        Assert.Empty(pointPairs.Except(criterionPairs));
        Assert.Empty(criterionPairs.Except(pointPairs));
        // A criterion-level superset-of claims every point of focus: each must then be fully met at that level too.
        foreach (var full in links.Where(l => l.Relationship.Satisfies() && soc2.Find(l.To!.Value.Requirement)!.Kind == RequirementKind.Criterion))
        {
            var parts = soc2.PointsOfFocus.Where(p => p.Parent == full.To!.Value.Requirement).Select(p => p.Id).ToList();
            Assert.All(parts, id => Assert.Contains(links, l => l.From == full.From && l.To!.Value.Requirement == id && l.Relationship.Satisfies()));
        }
    }
}
