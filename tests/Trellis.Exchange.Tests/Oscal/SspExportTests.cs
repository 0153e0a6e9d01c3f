using System.Text.Json.Nodes;
using Trellis.Content;
using Trellis.Content.Demo;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Exchange.Oscal;
using static Trellis.Exchange.Tests.Oscal.ProgramExportFixture;

namespace Trellis.Exchange.Tests.Oscal;

public class SspExportTests
{
    private static JsonObject Export(ComplianceProgram? program = null, string framework = "iso27001-2022", CrosswalkEngine? engine = null) =>
        Body(OscalSspExport.Build(program ?? Builder().Build(), engine ?? Engine(), framework, Options).Value, OscalModel.SystemSecurityPlan);

    private static JsonArray Implemented(JsonObject ssp) => ssp["control-implementation"]!["implemented-requirements"]!.AsArray();

    private static JsonNode Requirement(JsonObject ssp, string id) => Assert.Single(Implemented(ssp), r => RequirementId(r!) == id)!;

    [Theory]
    [InlineData("iso27001-2022")]
    [InlineData("soc2-2017")]
    public void Build_BuilderProgram_IsValidAgainstThePublishedSchema(string framework)
    {
        AssertValid(OscalSspExport.Build(Builder().Build(), Engine(), framework, Options).Value, OscalModel.SystemSecurityPlan);
    }

    [Theory]
    [InlineData("iso27001-2022")]
    [InlineData("soc2-2017")]
    [InlineData("nist-csf-2.0")]
    public void Build_DemoProgram_IsValidAgainstThePublishedSchema(string framework)
    {
        var (program, _) = DemoProgram.Create(Clock);

        AssertValid(OscalSspExport.Build(program, ShippedContent.Engine, framework, Options).Value, OscalModel.SystemSecurityPlan);
    }

    [Fact]
    public void Build_ClauseIdWrittenAsIs_WouldNotBeValid()
    {
        var document = OscalSspExport.Build(Builder().Build(), Engine(), "iso27001-2022", Options).Value;

        Requirement(Body(document, OscalModel.SystemSecurityPlan), "5.2")["control-id"] = "5.2";

        Assert.False(PublishedSchemas.IsValidOscal(Text(document)));
    }

    [Fact]
    public void Build_ImplementedRequirements_AreExactlyTheRequirementsTheBuilderMapped()
    {
        Assert.Equal(new[] { "5.2", "A.5.1", "A.5.15", "A.8.8" }.Order(), Implemented(Export()).Select(r => RequirementId(r!)).Order());
    }

    [Theory]
    [InlineData("A.5.15", "implemented")] // AC-01 implemented, evidence a week old, equal
    [InlineData("A.8.8", "planned")] // AC-02 planned
    [InlineData("A.5.1", "partial")] // AC-03 implemented, evidence from January 2024 on a monthly cadence
    [InlineData("5.2", "implemented")] // AC-04 implemented, annual evidence from June 2026
    public void Build_ImplementationStatus_FollowsReadiness(string requirement, string expected)
    {
        Assert.Equal(expected, Prop(Requirement(Export(), requirement), "implementation-status"));
    }

    [Fact]
    public void Build_SoaExclusion_IsNotApplicable()
    {
        var ssp = Export(Builder().Soa("A.7.4", applicable: false, "No offices of our own").Build());

        Assert.Equal("not-applicable", Prop(Requirement(ssp, "A.7.4"), "implementation-status"));
    }

    [Fact]
    public void Build_ByComponents_CarryEachControlsOwnStatusAndPointAtDeclaredComponents()
    {
        var ssp = Export();
        var components = ssp["system-implementation"]!["components"]!.AsArray();
        var a515 = Requirement(ssp, "A.5.15")["by-components"]!.AsArray();
        string TitleOf(JsonNode by) => Assert.Single(components, c => c!["uuid"]!.GetValue<string>() == by["component-uuid"]!.GetValue<string>())!["title"]!.GetValue<string>();

        Assert.Equal(["AC-01 Access control policy", "AC-02 AC-02"], a515.Select(b => TitleOf(b!)));
        Assert.Equal(["implemented", "planned"], a515.Select(b => b!["implementation-status"]!["state"]!.GetValue<string>()));
        Assert.Single(components, c => c!["type"]!.GetValue<string>() == "this-system");
    }

    [Fact]
    public void Build_ThroughTheCrosswalk_CreditsTheIsoControlForSoc2()
    {
        var ssp = Export(framework: "soc2-2017", engine: Engine(("A.5.15", Relationship.Equal, "CC6.2")));

        var cc62 = Requirement(ssp, "CC6.2");
        Assert.Equal("implemented", Prop(cc62, "implementation-status"));
        Assert.Contains("via iso27001-2022:A.5.15", cc62["by-components"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("partial", Prop(Requirement(ssp, "CC6.1"), "implementation-status"));
    }

    [Fact]
    public void Build_SystemCharacteristics_ComeFromTheScope()
    {
        var (program, _) = DemoProgram.Create(Clock);

        var system = Body(OscalSspExport.Build(program, ShippedContent.Engine, "soc2-2017", Options).Value, OscalModel.SystemSecurityPlan)["system-characteristics"]!;

        Assert.Equal("Northwind Invoicing Platform", system["system-name"]!.GetValue<string>());
        Assert.Contains("Lisbon head office", system["authorization-boundary"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Northwind Labs Unipessoal Lda", system["authorization-boundary"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("operational", system["status"]!["state"]!.GetValue<string>());
        Assert.NotEmpty(system["system-information"]!["information-types"]!.AsArray());
    }

    [Fact]
    public void Build_ImportProfile_PointsAtTheFrameworkResource()
    {
        var ssp = Export(framework: "soc2-2017");

        var resource = Resolve(ssp, ssp["import-profile"]!["href"]!.GetValue<string>());
        Assert.Equal("soc2-2017", Prop(resource, "framework-id"));
    }

    [Fact]
    public void Build_TwoRuns_AreByteIdentical()
    {
        var (first, _) = DemoProgram.Create(Clock);
        var (second, _) = DemoProgram.Create(Clock);

        Assert.Equal(
            Text(OscalSspExport.Build(first, ShippedContent.Engine, "iso27001-2022", Options).Value),
            Text(OscalSspExport.Build(second, ShippedContent.Engine, "iso27001-2022", Options).Value));
    }

    [Fact]
    public void Build_UnknownFramework_IsAnError()
    {
        var result = OscalSspExport.Build(Builder().Build(), Engine(), "soc2", Options);

        Assert.Equal("unknown-framework", result.Error!.Code);
    }

    [Fact]
    public void Build_FrameworkTheProgramDoesNotAddress_IsAnError()
    {
        var program = new Trellis.Testing.ProgramBuilder().Control("AC-01", ImplementationStatus.Implemented, Cadence.Annual, ("iso27001-2022:A.5.1", Relationship.Equal)).Build();

        Assert.Equal("nothing-to-export", OscalSspExport.Build(program, Engine(), "soc2-2017", Options).Error!.Code);
    }
}
