using System.Text.Json.Nodes;
using Trellis.Core.Audits;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Exchange.Oscal;
using Trellis.Testing;
using static Trellis.Exchange.Tests.Oscal.ProgramExportFixture;

namespace Trellis.Exchange.Tests.Oscal;

public class AssessmentResultsExportTests
{
    private static readonly Engagement Soc2 = new()
    {
        Id = "SOC2-2026",
        Kind = EngagementKind.Soc2Type2,
        Firm = "Example CPA LLP",
        Categories = ["security", "availability"],
        Window = new ObservationWindow(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)),
    };

    private static readonly Finding[] Findings =
    [
        new()
        {
            Id = "F-1", Kind = FindingKind.Exception, EngagementId = "SOC2-2026", Title = "Two leavers kept access", RaisedOn = new DateOnly(2026, 7, 20),
            Description = "Sampled 25 leavers; 2 kept access for 3 days.", ControlIds = ["AC-01"],
            Requirements = [new RequirementRef("iso27001-2022", "A.5.18"), new RequirementRef("soc2-2017", "CC6.2")],
        },
        new()
        {
            Id = "F-2", Kind = FindingKind.OpportunityForImprovement, EngagementId = "SOC2-2026", Title = "Automate the access review", RaisedOn = new DateOnly(2026, 7, 21),
            Requirements = [new RequirementRef("soc2-2017", "CC6.3")],
        },
        new()
        {
            Id = "F-3", Kind = FindingKind.MinorNonconformity, EngagementId = "ISO-STAGE2", Title = "Another audit's finding", RaisedOn = new DateOnly(2026, 3, 1),
            Requirements = [new RequirementRef("iso27001-2022", "A.8.13")],
        },
    ];

    // AC-01's evidence: one version inside the window, one after it.
    private static ComplianceProgram Program() => Builder()
        .Evidence("EV-IN", "AC-01", new DateOnly(2026, 3, 31))
        .Evidence("EV-AFTER", "AC-01", new DateOnly(2026, 9, 30))
        .Build();

    private static JsonObject Export(Engagement? engagement = null) =>
        Body(OscalAssessmentResultsExport.Build(Program(), engagement ?? Soc2, Findings, Engine().Catalog, Options).Value, OscalModel.AssessmentResults);

    private static JsonNode Result(JsonObject results) => Assert.Single(results["results"]!.AsArray())!;

    private static JsonNode FindingOf(JsonObject results, string id) => Assert.Single(Result(results)["findings"]!.AsArray(), f => Prop(f!, "finding-id") == id)!;

    [Fact]
    public void Build_Engagement_IsValidAgainstThePublishedSchema()
    {
        AssertValid(OscalAssessmentResultsExport.Build(Program(), Soc2, Findings, Engine().Catalog, Options).Value, OscalModel.AssessmentResults);
    }

    [Fact]
    public void Build_EngagementWithoutFindings_IsValid()
    {
        AssertValid(OscalAssessmentResultsExport.Build(Program(), Soc2 with { Id = "SOC2-2027" }, Findings, Engine().Catalog, Options).Value, OscalModel.AssessmentResults);
    }

    [Fact]
    public void Build_Result_SpansTheObservationWindow()
    {
        var result = Result(Export());

        Assert.Equal("2026-01-01T00:00:00Z", result["start"]!.GetValue<string>());
        Assert.Equal("2026-06-30T23:59:59Z", result["end"]!.GetValue<string>());
    }

    [Fact]
    public void Build_ReviewedControls_AreTheCriteriaOfTheCategoriesInScope()
    {
        var expected = ReferenceData.Csv("soc2-tsc-2017.csv")
            .Where(r => r["category"].StartsWith("Security", StringComparison.Ordinal) || r["category"].StartsWith("Availability", StringComparison.Ordinal))
            .Select(r => r["id"]);

        var selected = Result(Export())["reviewed-controls"]!["control-selections"]![0]!["include-controls"]!.AsArray().Select(c => c!["control-id"]!.GetValue<string>());

        Assert.Equal(expected.Order(), selected.Order());
    }

    [Fact]
    public void Build_Findings_OnePerFindingOfTheEngagement()
    {
        var findings = Result(Export())["findings"]!.AsArray();

        Assert.Equal(["F-1", "F-2"], findings.Select(f => Prop(f!, "finding-id")));
    }

    [Theory]
    [InlineData("F-1", "CC6.2", "not-satisfied")] // SOC 2 exception; the target is its criterion in the engagement's framework
    [InlineData("F-2", "CC6.3", "satisfied")] // an opportunity for improvement is not a nonconformity
    public void Build_FindingTarget_IsTheRequirementWithItsStatus(string finding, string target, string state)
    {
        var f = FindingOf(Export(), finding);

        Assert.Equal(target, f["target"]!["target-id"]!.GetValue<string>());
        Assert.Equal(state, f["target"]!["status"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public void Build_Observation_IsAnExaminationListingEvidenceInTheWindow()
    {
        var results = Export();
        var uuid = FindingOf(results, "F-1")["related-observations"]![0]!["observation-uuid"]!.GetValue<string>();

        var observation = Assert.Single(Result(results)["observations"]!.AsArray(), o => o!["uuid"]!.GetValue<string>() == uuid)!;

        Assert.Equal(["EXAMINE"], observation["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("Sampled 25 leavers; 2 kept access for 3 days.", observation["description"]!.GetValue<string>());
        var evidence = observation["relevant-evidence"]!.AsArray().Select(e => e!["description"]!.GetValue<string>()).ToList();
        Assert.Contains(evidence, e => e.StartsWith("EV-IN ", StringComparison.Ordinal));
        Assert.DoesNotContain(evidence, e => e.StartsWith("EV-AFTER ", StringComparison.Ordinal));
        Assert.DoesNotContain(evidence, e => e.StartsWith("EV-01 ", StringComparison.Ordinal)); // effective 2026-11-20, after the window
    }

    [Fact]
    public void Build_ImportAp_PointsAtAResourceDescribingTheEngagement()
    {
        var results = Export();

        var plan = Resolve(results, results["import-ap"]!["href"]!.GetValue<string>());

        Assert.Equal("SOC2-2026", Prop(plan, "engagement-id"));
        Assert.Contains("Example CPA LLP", plan["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Type1_StartsAndEndsOnTheAsOfDay()
    {
        var type1 = new Engagement { Id = "T1", Kind = EngagementKind.Soc2Type1, AsOf = new DateOnly(2026, 3, 31) };

        var result = Result(Export(type1));

        Assert.Equal("2026-03-31T00:00:00Z", result["start"]!.GetValue<string>());
        Assert.Equal("2026-03-31T23:59:59Z", result["end"]!.GetValue<string>());
    }

    [Fact]
    public void Build_TwoRuns_AreByteIdentical()
    {
        Assert.Equal(
            Text(OscalAssessmentResultsExport.Build(Program(), Soc2, Findings, Engine().Catalog, Options).Value),
            Text(OscalAssessmentResultsExport.Build(Program(), Soc2, Findings, Engine().Catalog, Options).Value));
    }

    [Fact]
    public void Build_EngagementWithoutDates_IsAnError()
    {
        var undated = new Engagement { Id = "X", Kind = EngagementKind.InternalAudit };

        Assert.Equal("invalid-engagement", OscalAssessmentResultsExport.Build(Program(), undated, Findings, Engine().Catalog, Options).Error!.Code);
    }
}
