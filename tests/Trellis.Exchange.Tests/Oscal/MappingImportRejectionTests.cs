using System.Text;
using Trellis.Content;
using Trellis.Core.Common;
using Trellis.Exchange.Json;
using Trellis.Exchange.Oscal;
using static Trellis.Exchange.Tests.Oscal.MappingDocuments;

namespace Trellis.Exchange.Tests.Oscal;

public class MappingImportRejectionTests
{
    private const string Maps = "$.mapping-collection.mappings[0].maps";

    private static Result<MappingImport> Import(string json, MappingImportOptions? options = null) =>
        OscalMappingImport.Parse(Encoding.UTF8.GetBytes(json), "m.json", ShippedContent.Catalog, options);

    private static string IsoToSoc(params string[] maps) => Collection(Known("iso27001-2022"), Known("soc2-2017"), maps);

    [Fact]
    public void TestDocument_Small_IsValidAgainstThePublishedMappingSchema()
    {
        Assert.True(PublishedSchemas.IsValidMapping(IsoToSoc(Map("equal", "A.8.32", "CC8.1"))));
    }

    [Fact]
    public void Parse_UnknownControlIds_FailsNamingEveryPath()
    {
        var json = Collection(
            Known("iso27001-2022"), Known("soc2-2017"),
            [Map("equal", "A.8.32", "CC8.1"), Map("subset-of", "A.8.99", "CC8.1"), Map("no-relationship", "A.5.15", "CC9.9"), Map("equal", "4.1", "CC3.1")],
            gaps: """, "source-gap-summary": {"uuid": "2ad90434-ada9-4318-933d-a6c475d0c877", "unmapped-controls": [{"with-ids": ["A.5.1", "_4.9"]}]}""");

        var error = Import(json).Error!;

        Assert.Equal("unknown-requirement", error.Code);
        Assert.Equal($"m.json:{Maps}[1].sources[0].id-ref", error.Location);
        Assert.StartsWith("3 problems, nothing imported", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{Maps}[1].sources[0].id-ref: 'A.8.99' is not a requirement of iso27001-2022", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{Maps}[2].targets[0].id-ref: 'CC9.9' is not a requirement of soc2-2017", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.mapping-collection.mappings[0].source-gap-summary.unmapped-controls[0].with-ids[1]: '_4.9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownControlIds_WithSkipMissing_AreListedAsIgnoredAndTheRestImported()
    {
        var json = Collection(
            Known("iso27001-2022"), Known("soc2-2017"),
            [Map("equal", "A.8.32", "CC8.1"), Map("subset-of", "A.8.99", "CC8.1"), Map("equal", "4.1", "CC9.9")],
            gaps: """, "source-gap-summary": {"uuid": "2ad90434-ada9-4318-933d-a6c475d0c877", "unmapped-controls": [{"with-ids": ["_4.9"]}, {"matching": [{"pattern": "Z.*"}]}]}""");

        var result = Import(json, new MappingImportOptions { SkipMissing = true }).Value;

        var link = Assert.Single(result.Mappings.Links);
        Assert.Equal(("A.8.32", "CC8.1"), (link.From.Requirement, link.To!.Value.Requirement));
        Assert.Equal(
            [$"{Maps}[1]", $"{Maps}[2]", "$.mapping-collection.mappings[0].source-gap-summary.unmapped-controls[0].with-ids[0]", "$.mapping-collection.mappings[0].source-gap-summary.unmapped-controls[1].matching[0].pattern"],
            result.Ignored.Select(i => i.Path).ToList());
        Assert.Contains("'A.8.99' is not in iso27001-2022", result.Ignored[0].Reason, StringComparison.Ordinal);
        Assert.Contains("'CC9.9' is not in soc2-2017", result.Ignored[1].Reason, StringComparison.Ordinal);
        Assert.Contains("'_4.9' is not in iso27001-2022", result.Ignored[2].Reason, StringComparison.Ordinal);
        Assert.Contains("'Z.*' matches no requirement", result.Ignored[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SamePairWithTwoRelationships_Fails()
    {
        var error = Import(IsoToSoc(Map("equal", "A.8.32", "CC8.1"), Map("subset-of", "A.8.32", "CC8.1"))).Error!;

        Assert.Equal("duplicate-link", error.Code);
        Assert.Equal($"m.json:{Maps}[1].relationship", error.Location);
    }

    [Fact]
    public void Parse_DuplicateKey_FailsWithItsPath()
    {
        var json = IsoToSoc(Map("equal", "A.8.32", "CC8.1")).Replace("\"relationship\": \"equal\"", "\"relationship\": \"equal\", \"relationship\": \"equal\"", StringComparison.Ordinal);

        var error = Import(json).Error!;

        Assert.Equal("json-duplicate-key", error.Code);
        Assert.Equal($"m.json:{Maps}[0].relationship", error.Location);
    }

    [Fact]
    public void Parse_OverTheSizeLimit_Fails()
    {
        var error = Import(IsoToSoc(Map("equal", "A.8.32", "CC8.1")), new MappingImportOptions { Limits = new JsonLimits { MaxBytes = 200 } }).Error!;

        Assert.Equal("json-too-large", error.Code);
    }

    [Fact]
    public void Parse_InvalidUtf8_FailsWithItsPath()
    {
        var bytes = Encoding.UTF8.GetBytes(IsoToSoc(Map("equal", "A.8.32", "CC8.1")).Replace("Test mapping", "Test mapping \u00e9", StringComparison.Ordinal));
        var at = Array.IndexOf(bytes, (byte)0xC3);
        bytes[at + 1] = 0x28; // an é's lead byte followed by '(' is not UTF-8

        var error = OscalMappingImport.Parse(bytes, "m.json", ShippedContent.Catalog).Error!;

        Assert.Equal("json-invalid-utf8", error.Code);
        Assert.Equal("m.json:$.mapping-collection.metadata.title", error.Location);
    }

    [Theory]
    [InlineData("1.1.2")]
    [InlineData("2.0.0")]
    public void Parse_VersionOutside12_FailsSayingMappingsAre12(string version)
    {
        var json = Collection(Known("iso27001-2022"), Known("soc2-2017"), [Map("equal", "A.8.32", "CC8.1")], version: version);

        var error = Import(json).Error!;

        Assert.Equal("oscal-version-unsupported", error.Code);
        Assert.Equal("m.json:$.mapping-collection.metadata.oscal-version", error.Location);
        Assert.Contains($"'{version}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("1.2.x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Catalog_FailsAsTheWrongModel()
    {
        var error = OscalMappingImport.Load(Path.Combine(PublishedSchemas.OscalFolder, "basic-catalog.json"), ShippedContent.Catalog).Error!;

        Assert.Equal("oscal-unexpected-model", error.Code);
        Assert.Contains("mapping-collection", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SchemaViolation_FailsWithItsPath()
    {
        var json = IsoToSoc(Map("equal", "A.8.32", "CC8.1")).Replace("\"sources\"", "\"source\"", StringComparison.Ordinal);

        var error = Import(json).Error!;

        Assert.Equal("oscal-schema", error.Code);
        Assert.StartsWith($"m.json:{Maps}[0]", error.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnresolvableHref_FailsNamingTheHrefAndTheOption()
    {
        var json = Collection("""{"type": "catalog", "href": "https://example.org/iso-27001.json"}""", Known("soc2-2017"), [Map("equal", "A.8.32", "CC8.1")]);

        var error = Import(json).Error!;

        Assert.Equal("unresolved-framework", error.Code);
        Assert.Equal("m.json:$.mapping-collection.mappings[0].source-resource.href", error.Location);
        Assert.Contains("'https://example.org/iso-27001.json'", error.Message, StringComparison.Ordinal);
        Assert.Contains("--source", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnresolvableHrefWithExplicitFrameworks_Imports()
    {
        var json = Collection(
            """{"type": "catalog", "href": "https://example.org/iso-27001.json"}""", """{"type": "catalog", "href": "#2ad90434-ada9-4318-933d-a6c475d0c877"}""",
            [Map("equal", "A.8.32", "CC8.1")]);

        var import = Import(json, new MappingImportOptions { SourceFramework = "iso27001-2022", TargetFramework = "soc2-2017" }).Value;

        Assert.Equal(("iso27001-2022", "soc2-2017"), (import.SourceFramework, import.TargetFramework));
        Assert.Equal("A.8.32 CC8.1", $"{import.Mappings.Links[0].From.Requirement} {import.Mappings.Links[0].To!.Value.Requirement}");
    }

    [Fact]
    public void Parse_ExplicitFramework_WinsOverTheHref()
    {
        // The href names SOC 2 as the source; the caller says it is ISO, and the IDs agree with the caller.
        var json = Collection(Known("soc2-2017"), Known("soc2-2017"), [Map("equal", "A.8.32", "CC8.1")]);

        var import = Import(json, new MappingImportOptions { SourceFramework = "iso27001-2022" }).Value;

        Assert.Equal("iso27001-2022", import.SourceFramework);
    }

    [Fact]
    public void Parse_MappingsBetweenTwoPairs_FailsNamingTheSecond()
    {
        var json = Collection(
            Known("iso27001-2022"), Known("soc2-2017"), [Map("equal", "A.8.32", "CC8.1")],
            more: Mapping(Known("nist-csf-2.0"), Known("soc2-2017"), Map("equal", "PR.PS-01", "CC8.1")));

        var error = Import(json).Error!;

        Assert.Equal("invalid-mapping", error.Code);
        Assert.Equal("m.json:$.mapping-collection.mappings[1]", error.Location);
    }

    [Fact]
    public void Parse_TwoMappingsBetweenTheSamePair_ReadsBoth()
    {
        var json = Collection(
            Known("iso27001-2022"), Known("soc2-2017"), [Map("equal", "A.8.32", "CC8.1")],
            more: Mapping(Known("iso27001-2022"), Known("soc2-2017"), Map("subset-of", "A.8.13", "A1.2")));

        Assert.True(PublishedSchemas.IsValidMapping(json));
        Assert.Equal(["A.8.32", "A.8.13"], Import(json).Value.Mappings.Links.Select(l => l.From.Requirement));
    }

    [Fact]
    public void Parse_UnknownExplicitFramework_Fails()
    {
        var error = Import(IsoToSoc(Map("equal", "A.8.32", "CC8.1")), new MappingImportOptions { TargetFramework = "soc2-2071" }).Error!;

        Assert.Equal("unknown-framework", error.Code);
    }
}
