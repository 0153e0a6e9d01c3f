using System.Text;
using Trellis.Content;
using Trellis.Core.Crosswalk;
using Trellis.Exchange.Oscal;
using Trellis.Testing;

namespace Trellis.Exchange.Tests.Oscal;

public class MappingImportTests
{
    private const string Iso = "iso27001-2022";
    private const string Soc = "soc2-2017";
    private const string HandWritten = "iso-to-soc2_mapping.json";
    private const string Maps = "$.mapping-collection.mappings[0].maps";

    private static MappingImport ImportHandWritten() =>
        OscalMappingImport.Load(TestData.File(HandWritten), ShippedContent.Catalog).Value;

    private static MappingLink Link(MappingImport import, string from, string? to) =>
        Assert.Single(import.Mappings.Links, l => l.From.Requirement == from && l.To?.Requirement == to);

    [Fact]
    public void TestFile_HandWrittenMapping_IsValidAgainstThePublishedMappingSchema()
    {
        Assert.True(PublishedSchemas.IsValidMapping(File.ReadAllText(TestData.File(HandWritten))));
    }

    [Fact]
    public void Load_ShippedIsoToSocExport_GivesBackTheShippedCuratedLinks()
    {
        var export = OscalMappingExport.Build(ShippedContent.Engine, Iso, Soc, new MappingExportOptions
        {
            Time = FixedClock.On(2026, 11, 27),
            NewUuid = () => new Guid("7a0c5a43-0f5e-4a8e-9a39-2f1f4b0e3d11"),
        }).Value;
        var bytes = Encoding.UTF8.GetBytes(OscalMappingExport.ToJson(export));
        var shipped = ShippedContent.Catalog.Mappings.Single(m => m.Id == "iso27001-2022_to_soc2-2017").Links;

        var import = OscalMappingImport.Parse(bytes, "export.json", ShippedContent.Catalog).Value;

        static IEnumerable<string> Triples(IEnumerable<MappingLink> links) =>
            links.Select(l => $"{l.From} {l.Relationship.ToWire()} {l.To?.ToString() ?? "-"}").Order(StringComparer.Ordinal);
        Assert.Equal((Iso, Soc), (import.SourceFramework, import.TargetFramework));
        Assert.Equal(Triples(shipped), Triples(import.Mappings.Links));
        Assert.Empty(import.Ignored);
    }

    [Fact]
    public void Load_ShippedIsoToSocExport_KeepsRationaleStrengthAndJustificationOfEveryMappedLink()
    {
        var export = OscalMappingExport.Build(ShippedContent.Engine, Iso, Soc, new MappingExportOptions { Time = FixedClock.On(2026, 11, 27) }).Value;
        var bytes = Encoding.UTF8.GetBytes(OscalMappingExport.ToJson(export));
        var shipped = ShippedContent.Catalog.Mappings.Single(m => m.Id == "iso27001-2022_to_soc2-2017").Links.Where(l => l.To is not null);

        var import = OscalMappingImport.Parse(bytes, "export.json", ShippedContent.Catalog).Value;

        static IEnumerable<string> Details(IEnumerable<MappingLink> links) => links
            .Where(l => l.To is not null)
            .Select(l => $"{l.From}>{l.To} {l.Rationale.ToWire()} {l.Strength} {l.Justification}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(Details(shipped), Details(import.Mappings.Links));
    }

    [Fact]
    public void Load_HandWrittenMapping_ResolvesBothFrameworksFromTitleAndHref()
    {
        var import = ImportHandWritten();

        Assert.Equal(Iso, import.SourceFramework);
        Assert.Equal(Soc, import.TargetFramework);
        Assert.Equal(Iso, import.Mappings.From);
        Assert.Equal(Soc, import.Mappings.To);
    }

    [Fact]
    public void Load_HandWrittenMapping_ReadsEachRelationshipTypeLinkByLink()
    {
        var import = ImportHandWritten();

        var equal = Link(import, "A.8.32", "CC8.1");
        Assert.Equal(Relationship.Equal, equal.Relationship);
        Assert.Equal(Rationale.Semantic, equal.Rationale);
        Assert.Equal(9, equal.Strength);
        Assert.Equal("Both require changes to be planned, tested and approved.", equal.Justification);
        Assert.Equal(LinkOrigin.Curated, equal.Origin);

        var subset = Link(import, "A.8.13", "A1.2");
        Assert.Equal(Relationship.SubsetOf, subset.Relationship);
        Assert.Equal(Rationale.Functional, subset.Rationale);
        Assert.Equal(7, subset.Strength);
        Assert.Equal("", subset.Justification);

        var superset = Link(import, "6.1.2", "CC3.2");
        Assert.Equal(Relationship.SupersetOf, superset.Relationship);
        Assert.Equal(Rationale.Syntactic, superset.Rationale);
        Assert.Equal(6, superset.Strength);

        var intersects = Link(import, "A.5.15", "CC6.1");
        Assert.Equal(Relationship.IntersectsWith, intersects.Relationship);
        Assert.Equal(Rationale.Syntactic, intersects.Rationale);
        Assert.Equal(5, intersects.Strength);

        Assert.Equal(Relationship.IntersectsWith, Link(import, "4.1", "CC3.1").Relationship);
        Assert.Equal(Relationship.SubsetOf, Link(import, "4.2", "CC2.3").Relationship);
    }

    [Fact]
    public void Load_HandWrittenMapping_ReadsSourceGapsAsNoRelationshipLinks()
    {
        var import = ImportHandWritten();

        var gaps = import.Mappings.Links.Where(l => l.To is null).ToList();

        Assert.Equal(["4.4", "10.1", "10.2"], gaps.Select(g => g.From.Requirement));
        Assert.All(gaps, g => Assert.Equal(Relationship.NoRelationship, g.Relationship));
        Assert.Equal(9, import.Mappings.Links.Count);
    }

    [Fact]
    public void Load_HandWrittenMapping_CitesTheDocumentAndTheMapsReference()
    {
        var import = ImportHandWritten();
        const string Document = "OSCAL mapping-collection \"Hand-written test mapping: ISO/IEC 27001:2022 to SOC 2\" (ea99b790-b1fa-4e27-9f91-14025f10d0c9, version 0.3)";

        Assert.Equal(Document + "; Example Co. change-management crosswalk review, 2026", Link(import, "A.8.32", "CC8.1").Source);
        Assert.Equal(Document, Link(import, "A.8.13", "A1.2").Source);
        Assert.Equal("Example Co. change-management crosswalk review, 2026", import.Mappings.Sources["change-review"]);
        Assert.Equal(Document, import.Mappings.Sources["oscal:ea99b790-b1fa-4e27-9f91-14025f10d0c9"]);
        Assert.StartsWith("A few ISO/IEC 27001:2022 requirements", import.Mappings.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HandWrittenMapping_ListsWhatItIgnoredWithPathAndReason()
    {
        var import = ImportHandWritten();

        Assert.Equal(
            [$"{Maps}[6]", $"{Maps}[7]", $"{Maps}[8]", $"{Maps}[9]", $"{Maps}[10]", "$.mapping-collection.mappings[0].target-gap-summary"],
            import.Ignored.Select(i => i.Path));
        Assert.Contains("no-relationship", import.Ignored[0].Reason, StringComparison.Ordinal);
        Assert.Contains("https://example.org/ns/mapping", import.Ignored[1].Reason, StringComparison.Ordinal);
        Assert.Contains("statement", import.Ignored[2].Reason, StringComparison.Ordinal);
        Assert.Contains("2 sources to 1 target", import.Ignored[3].Reason, StringComparison.Ordinal);
        Assert.Contains($"{Maps}[0]", import.Ignored[4].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameFileTwice_GivesEqualResults()
    {
        var first = ImportHandWritten();
        var second = ImportHandWritten();

        Assert.Null(DeepEquality.FirstDifference(first, second));
    }

    [Fact]
    public void Load_ImportedCatalogNamedByTitle_ResolvesToItsFramework()
    {
        var imported = OscalFrameworkImport.Load(Path.Combine(PublishedSchemas.OscalFolder, "basic-catalog.json"), id: "basic").Value.Framework;
        var catalog = ShippedContent.Catalog.With(imported);
        var json = MappingDocuments.Collection(
            source: MappingDocuments.Titled(imported.Name),
            target: """{"type": "catalog", "href": "soc2-2017.json"}""",
            maps: [MappingDocuments.Map("equal", imported.Requirements.First(r => r.Kind == Core.Frameworks.RequirementKind.Control).Id, "CC1.1")],
            resources: [MappingDocuments.Resource(imported.Name)]);

        var import = OscalMappingImport.Parse(Encoding.UTF8.GetBytes(json), "m.json", catalog).Value;

        Assert.Equal(("basic", Soc), (import.SourceFramework, import.TargetFramework));
        Assert.Single(import.Mappings.Links);
    }
}
