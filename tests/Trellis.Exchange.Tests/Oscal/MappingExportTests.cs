using System.Text.Json.Nodes;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Exchange.Oscal;
using Trellis.Testing;

namespace Trellis.Exchange.Tests.Oscal;

public class MappingExportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);

    private const string SourceOne = "Source One: a public crosswalk";
    private const string SourceTwo = "Source Two; a text with a semicolon";

    // iso -> soc curated; iso -> csf -> soc gives inferred links: A.3 subset-of CC6.1 (definite), A.3 ~ CC1.1 (review).
    private static CrosswalkEngine Engine()
    {
        static Framework Fw(string id, string name, params string[] ids) =>
            new(id, name, "2024", ids.Select(i => new Requirement { Id = i, Title = i, Kind = RequirementKind.Control }).ToList());
        static MappingLink L(string from, string? to, Relationship rel, Rationale rat, int strength, string source, string why = "") => new()
        {
            From = new RequirementRef(from.Split(':')[0], from.Split(':')[1]),
            To = to is null ? null : new RequirementRef(to.Split(':')[0], to.Split(':')[1]),
            Relationship = rel,
            Rationale = rat,
            Strength = strength,
            Source = source,
            Justification = why,
        };
        var sources = new Dictionary<string, string> { ["one"] = SourceOne, ["two"] = SourceTwo };
        var frameworks = new[]
        {
            Fw("iso", "ISO Example", "4.4", "A.1", "A.2", "A.3", "A.4"),
            Fw("soc", "SOC Example", "CC1.1", "CC6.1"),
            Fw("csf", "CSF Example", "PR.AA-01"),
        };
        var sets = new[]
        {
            new MappingSet("iso_to_soc", "iso", "soc", 3, "ISO to SOC, for tests.", sources,
            [
                L("iso:A.1", "soc:CC6.1", Relationship.SubsetOf, Rationale.Syntactic, 6, SourceOne, "A.1 covers part of CC6.1."),
                L("iso:A.1", "soc:CC1.1", Relationship.IntersectsWith, Rationale.Semantic, 3, SourceOne),
                L("iso:A.2", "soc:CC1.1", Relationship.Equal, Rationale.Functional, 10, SourceTwo, "Same activity."),
                L("iso:4.4", null, Relationship.NoRelationship, Rationale.Semantic, 1, SourceOne),
                L("iso:A.4", null, Relationship.NoRelationship, Rationale.Semantic, 1, SourceOne),
            ]),
            new MappingSet("iso_to_csf", "iso", "csf", 1, "", sources, [L("iso:A.3", "csf:PR.AA-01", Relationship.Equal, Rationale.Semantic, 8, SourceOne)]),
            new MappingSet("csf_to_soc", "csf", "soc", 1, "", sources,
            [
                L("csf:PR.AA-01", "soc:CC6.1", Relationship.SubsetOf, Rationale.Semantic, 7, SourceTwo),
                L("csf:PR.AA-01", "soc:CC1.1", Relationship.IntersectsWith, Rationale.Semantic, 5, SourceTwo),
            ]),
        };
        return new CrosswalkEngine(new FrameworkCatalog(frameworks, sets));
    }

    private static JsonObject Export(bool inferred = false, Guid? uuid = null) =>
        OscalMappingExport.Build(Engine(), "iso", "soc", new MappingExportOptions
        {
            Inferred = inferred,
            Time = new FixedClock(Now),
            NewUuid = () => uuid ?? new Guid("28103eec-a26f-4b50-8cff-0e8639abaf31"),
        }).Value["mapping-collection"]!.AsObject();

    private static JsonArray Maps(JsonObject collection) => collection["mappings"]![0]!["maps"]!.AsArray();

    private static JsonObject MapOf(JsonObject collection, string from, string to) =>
        Maps(collection).Single(m => m!["sources"]![0]!["id-ref"]!.GetValue<string>() == from && m["targets"]![0]!["id-ref"]!.GetValue<string>() == to)!.AsObject();

    private static string? Prop(JsonObject owner, string name) =>
        owner["props"]?.AsArray().FirstOrDefault(p => p!["name"]!.GetValue<string>() == name)?["value"]!.GetValue<string>();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_Crosswalk_IsValidAgainstThePublishedMappingSchema(bool inferred)
    {
        var json = OscalMappingExport.ToJson(new JsonObject { ["mapping-collection"] = Export(inferred).DeepClone() });

        Assert.True(PublishedSchemas.IsValidMapping(json));
        Assert.True(PublishedSchemas.IsValidOscal(json));
    }

    [Fact]
    public void Build_CuratedLink_CarriesRelationshipRationaleStrengthAndJustification()
    {
        var map = MapOf(Export(), "A.1", "CC6.1");

        Assert.Equal("subset-of", map["relationship"]!.GetValue<string>());
        Assert.Equal("syntactic", map["matching-rationale"]!.GetValue<string>());
        Assert.Equal(0.6m, map["confidence-score"]!["percentage"]!.GetValue<decimal>());
        Assert.Equal("A.1 covers part of CC6.1.", map["remarks"]!.GetValue<string>());
        Assert.Equal("control", map["sources"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("control", map["targets"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("6", Prop(map, "strength"));
        Assert.Equal("curated", Prop(map, "origin"));
    }

    [Fact]
    public void Build_Citations_AreBackMatterResourcesLinkedFromEachMap()
    {
        var collection = Export();
        var resources = collection["back-matter"]!["resources"]!.AsArray();
        string CitationOf(JsonObject map)
        {
            var href = Assert.Single(map["links"]!.AsArray())!["href"]!.GetValue<string>();
            return resources.Single(r => "#" + r!["uuid"]!.GetValue<string>() == href)!["citation"]!["text"]!.GetValue<string>();
        }

        Assert.Equal(SourceOne, CitationOf(MapOf(collection, "A.1", "CC6.1")));
        Assert.Equal(SourceTwo, CitationOf(MapOf(collection, "A.2", "CC1.1")));
    }

    [Fact]
    public void Build_Resources_NameBothFrameworks()
    {
        var collection = Export();
        var mapping = collection["mappings"]![0]!;
        var resources = collection["back-matter"]!["resources"]!.AsArray();
        JsonNode Resolve(string side) => resources.Single(r => "#" + r!["uuid"]!.GetValue<string>() == mapping[side]!["href"]!.GetValue<string>())!;

        Assert.Equal("ISO Example", Resolve("source-resource")["title"]!.GetValue<string>());
        Assert.Equal("soc", Prop(Resolve("target-resource").AsObject(), "framework-id"));
        Assert.Equal("catalog", mapping["source-resource"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Build_NoRelationshipWithoutTarget_IsAGapWithTokensByIdAndOthersByPattern()
    {
        var collection = Export();
        var gaps = collection["mappings"]![0]!["source-gap-summary"]!["unmapped-controls"]![0]!;

        Assert.Equal(3, Maps(collection).Count);
        Assert.Equal(["A.4"], gaps["with-ids"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(["4.4"], gaps["matching"]!.AsArray().Select(m => m!["pattern"]!.GetValue<string>()));
    }

    [Fact]
    public void Build_Metadata_HasClockUuidAndProvenance()
    {
        var collection = Export();

        Assert.Equal("28103eec-a26f-4b50-8cff-0e8639abaf31", collection["uuid"]!.GetValue<string>());
        Assert.Equal("2026-11-27T09:30:00.000Z", collection["metadata"]!["last-modified"]!.GetValue<string>());
        Assert.Equal("1.2.1", collection["metadata"]!["oscal-version"]!.GetValue<string>());
        Assert.Equal("iso_to_soc revision 3", collection["metadata"]!["version"]!.GetValue<string>());
        Assert.Equal("human", collection["provenance"]!["method"]!.GetValue<string>());
        Assert.Equal("complete", collection["provenance"]!["status"]!.GetValue<string>());
        Assert.Equal("ISO to SOC, for tests.", collection["provenance"]!["mapping-description"]!.GetValue<string>());
    }

    [Fact]
    public void Build_MapUuids_StayTheSameAcrossExports()
    {
        var first = Maps(Export(uuid: Guid.NewGuid())).Select(m => m!["uuid"]!.GetValue<string>()).ToList();
        var second = Maps(Export(uuid: Guid.NewGuid())).Select(m => m!["uuid"]!.GetValue<string>()).ToList();

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Fact]
    public void Build_Inferred_AddsChainsThroughThePivotWithPathAndReviewFlag()
    {
        var collection = Export(inferred: true);

        Assert.Equal(5, Maps(collection).Count);
        Assert.Equal("hybrid", collection["provenance"]!["method"]!.GetValue<string>());
        Assert.Equal("draft", collection["provenance"]!["status"]!.GetValue<string>());
        var definite = MapOf(collection, "A.3", "CC6.1");
        Assert.Equal("subset-of", definite["relationship"]!.GetValue<string>());
        Assert.Equal("inferred", Prop(definite, "origin"));
        Assert.Equal("iso:A.3 > csf:PR.AA-01 > soc:CC6.1", Prop(definite, "path"));
        Assert.Null(Prop(definite, "needs-review"));
        var review = MapOf(collection, "A.3", "CC1.1");
        Assert.Equal("intersects-with", review["relationship"]!.GetValue<string>());
        Assert.Equal("true", Prop(review, "needs-review"));
    }

    [Fact]
    public void Build_UnknownOrSameFramework_Fails()
    {
        Assert.Equal("unknown-framework", OscalMappingExport.Build(Engine(), "iso", "sco").Error!.Code);
        Assert.Equal("invalid-argument", OscalMappingExport.Build(Engine(), "iso", "iso").Error!.Code);
    }

    [Fact]
    public void Build_ReverseDirection_InvertsSubsetAndSuperset()
    {
        var reverse = OscalMappingExport.Build(Engine(), "soc", "iso").Value["mapping-collection"]!.AsObject();

        var map = MapOf(reverse, "CC6.1", "A.1");
        Assert.Equal("superset-of", map["relationship"]!.GetValue<string>());
        Assert.Equal("inverted", Prop(map, "origin"));
    }
}
