using System.Text.Json.Nodes;
using Trellis.Content;
using Trellis.Content.Demo;
using Trellis.Core.Program;
using Trellis.Exchange.Oscal;
using Trellis.Testing;
using static Trellis.Exchange.Tests.Oscal.ProgramExportFixture;

namespace Trellis.Exchange.Tests.Oscal;

public class ComponentExportTests
{
    private static JsonObject Export(ComplianceProgram? program = null) =>
        Body(OscalComponentExport.Build(program ?? Builder().Build(), Engine(), Options).Value, OscalModel.ComponentDefinition);

    private static JsonObject ImplementationOf(JsonObject definition, string framework) =>
        Assert.Single(definition["components"]![0]!["control-implementations"]!.AsArray(), ci => Prop(Resolve(definition, ci!["source"]!.GetValue<string>()), "framework-id") == framework)!.AsObject();

    private static JsonNode Requirement(JsonObject implementation, string id) =>
        Assert.Single(implementation["implemented-requirements"]!.AsArray(), r => RequirementId(r!) == id)!;

    [Fact]
    public void Build_BuilderProgram_IsValidAgainstThePublishedSchema()
    {
        AssertValid(OscalComponentExport.Build(Builder().Build(), Engine(), Options).Value, OscalModel.ComponentDefinition);
    }

    [Fact]
    public void Build_DemoProgram_IsValidAgainstThePublishedSchema()
    {
        var (program, _) = DemoProgram.Create(Clock);

        AssertValid(OscalComponentExport.Build(program, ShippedContent.Engine, Options).Value, OscalModel.ComponentDefinition);
    }

    [Fact]
    public void Build_OneServiceComponent_NamedAfterTheSystem()
    {
        var (program, _) = DemoProgram.Create(Clock);

        var component = Assert.Single(Body(OscalComponentExport.Build(program, ShippedContent.Engine, Options).Value, OscalModel.ComponentDefinition)["components"]!.AsArray())!;

        Assert.Equal("service", component["type"]!.GetValue<string>());
        Assert.Equal("Northwind Invoicing Platform", component["title"]!.GetValue<string>());
    }

    [Fact]
    public void Build_ControlImplementations_OnePerMappedFrameworkWithSourceNamingIt()
    {
        var definition = Export();
        var implementations = definition["components"]![0]!["control-implementations"]!.AsArray();

        Assert.Equal(2, implementations.Count);
        var iso = Resolve(definition, ImplementationOf(definition, "iso27001-2022")["source"]!.GetValue<string>());
        Assert.Equal("ISO/IEC 27001:2022", iso["title"]!.GetValue<string>());
        Assert.Equal("2022", Prop(iso, "framework-version"));
    }

    [Fact]
    public void Build_ImplementedRequirements_AreExactlyTheMappedRequirementsPerFramework()
    {
        var definition = Export();

        Assert.Equal(
            new[] { "5.2", "A.5.1", "A.5.15", "A.8.8" }.Order(),
            ImplementationOf(definition, "iso27001-2022")["implemented-requirements"]!.AsArray().Select(r => RequirementId(r!)).Order());
        Assert.Equal(["CC6.1"], ImplementationOf(definition, "soc2-2017")["implemented-requirements"]!.AsArray().Select(r => RequirementId(r!)));
    }

    [Fact]
    public void Build_Description_NamesEachControlWithItsRelationship()
    {
        var description = Requirement(ImplementationOf(Export(), "iso27001-2022"), "A.5.15")["description"]!.GetValue<string>();

        Assert.Contains("AC-01 Access control policy (equal; implemented)", description, StringComparison.Ordinal);
        Assert.Contains("AC-02 AC-02 (intersects-with; planned)", description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iso27001-2022", "A.5.15", "implemented")] // AC-01 equal, implemented, evidence a week old
    [InlineData("iso27001-2022", "A.8.8", "planned")] // only AC-02, planned
    [InlineData("iso27001-2022", "A.5.1", "partial")] // AC-03 implemented, evidence from 2024
    [InlineData("soc2-2017", "CC6.1", "partial")] // AC-01 operates but is only a subset of CC6.1
    public void Build_ImplementationStatus_FollowsReadiness(string framework, string requirement, string expected)
    {
        Assert.Equal(expected, Prop(Requirement(ImplementationOf(Export(), framework), requirement), "implementation-status"));
    }

    [Fact]
    public void Build_IsoClause_IsATokenWithTheExactIdAsProp()
    {
        var clause = Requirement(ImplementationOf(Export(), "iso27001-2022"), "5.2");

        Assert.Equal("_5.2", clause["control-id"]!.GetValue<string>());
        Assert.Equal("A.5.15", Requirement(ImplementationOf(Export(), "iso27001-2022"), "A.5.15")["control-id"]!.GetValue<string>());
    }

    [Fact]
    public void Build_TwoRuns_AreByteIdentical()
    {
        var first = Text(OscalComponentExport.Build(Builder().Build(), Engine(), Options).Value);
        var second = Text(OscalComponentExport.Build(Builder().Build(), Engine(), Options).Value);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Build_ChangedProgram_GetsANewDocumentUuid()
    {
        var before = Export();
        var after = Export(Builder().Control("AC-09", ImplementationStatus.Planned, Cadence.Annual, ("iso27001-2022:A.5.2", Core.Crosswalk.Relationship.Equal)).Build());

        Assert.NotEqual(before["uuid"]!.GetValue<string>(), after["uuid"]!.GetValue<string>());
        Assert.Equal(before["components"]![0]!["uuid"]!.GetValue<string>(), after["components"]![0]!["uuid"]!.GetValue<string>());
    }

    [Fact]
    public void Build_NoMappedControl_IsAnError()
    {
        var result = OscalComponentExport.Build(new ProgramBuilder().Control("AC-01", ImplementationStatus.Planned, Cadence.Annual).Build(), Engine(), Options);

        Assert.False(result.IsSuccess);
        Assert.Equal("nothing-to-export", result.Error!.Code);
    }
}
