using System.Text.Json;
using System.Text.Json.Nodes;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Exchange.Oscal;
using Trellis.Testing;

namespace Trellis.Exchange.Tests.Oscal;

/// <summary>
/// A small program built by hand, judged against frameworks built from tests/reference/domain (not the shipped content),
/// and helpers to read the exported OSCAL documents.
/// </summary>
internal static class ProgramExportFixture
{
    /// <summary>27 November 2026, 09:00 UTC.</summary>
    public static readonly FixedClock Clock = FixedClock.At(2026, 11, 27, 9);

    public static OscalExportOptions Options => new() { Time = Clock };

    /// <summary>
    /// AC-01 implemented monthly with evidence from last week (fresh): equal to ISO A.5.15, subset-of SOC 2 CC6.1.
    /// AC-02 planned: equal to ISO A.8.8, intersects-with A.5.15. AC-03 implemented monthly with evidence from 2024
    /// (stale): equal to ISO A.5.1. AC-04 implemented annually with fresh evidence: equal to ISO clause 5.2.
    /// </summary>
    public static ProgramBuilder Builder() => new ProgramBuilder()
        .Organization("Example Co")
        .Control("AC-01", ImplementationStatus.Implemented, Cadence.Monthly, ("iso27001-2022:A.5.15", Relationship.Equal), ("soc2-2017:CC6.1", Relationship.SubsetOf))
        .ControlTitle("AC-01", "Access control policy")
        .Control("AC-02", ImplementationStatus.Planned, Cadence.Quarterly, ("iso27001-2022:A.8.8", Relationship.Equal), ("iso27001-2022:A.5.15", Relationship.IntersectsWith))
        .Control("AC-03", ImplementationStatus.Implemented, Cadence.Monthly, ("iso27001-2022:A.5.1", Relationship.Equal))
        .Control("AC-04", ImplementationStatus.Implemented, Cadence.Annual, ("iso27001-2022:5.2", Relationship.Equal))
        .Evidence("EV-01", "AC-01", new DateOnly(2026, 11, 20))
        .Evidence("EV-03", "AC-03", new DateOnly(2024, 1, 31))
        .Evidence("EV-04", "AC-04", new DateOnly(2026, 6, 1));

    /// <summary>ISO/IEC 27001:2022 and SOC 2 from the reference lists, with the given ISO → SOC 2 links.</summary>
    public static CrosswalkEngine Engine(params (string Iso, Relationship Relationship, string Criterion)[] links) => ReferenceCatalogs.Engine(links);

    /// <summary>The model object of a document, e.g. the value of <c>system-security-plan</c>.</summary>
    public static JsonObject Body(JsonObject document, OscalModel model) => document[model.RootName()]!.AsObject();

    /// <summary>The text written to a file.</summary>
    public static string Text(JsonObject document) => OscalMappingExport.ToJson(document);

    /// <summary>The value of a prop, or null.</summary>
    public static string? Prop(JsonNode owner, string name) =>
        owner["props"]?.AsArray().FirstOrDefault(p => p!["name"]!.GetValue<string>() == name)?["value"]!.GetValue<string>();

    /// <summary>The requirement ID an implemented-requirement stands for: its requirement-id prop, else its control-id.</summary>
    public static string RequirementId(JsonNode implemented) =>
        Prop(implemented, "requirement-id") ?? implemented["control-id"]!.GetValue<string>();

    /// <summary>The back-matter resource a <c>#uuid</c> reference points to.</summary>
    public static JsonNode Resolve(JsonObject body, string href)
    {
        Assert.StartsWith("#", href, StringComparison.Ordinal);
        return Assert.Single(body["back-matter"]!["resources"]!.AsArray(), r => r!["uuid"]!.GetValue<string>() == href[1..])!;
    }

    /// <summary>Valid against the published complete schema and against Trellis's own validator.</summary>
    public static void AssertValid(JsonObject document, OscalModel model)
    {
        var text = Text(document);
        Assert.True(PublishedSchemas.IsValidOscal(text), "not valid against tests/reference/oscal/schemas-1.2.1/oscal_complete_schema.json");
        Assert.Null(OscalSchema.Validate(JsonDocument.Parse(text).RootElement, model, "export"));
    }
}
