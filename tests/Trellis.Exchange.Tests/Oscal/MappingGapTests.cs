using System.Diagnostics;
using System.Text;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Exchange.Oscal;
using static Trellis.Exchange.Tests.Oscal.MappingDocuments;

namespace Trellis.Exchange.Tests.Oscal;

/// <summary>source-gap-summary: source requirements the author found no counterpart for.</summary>
public class MappingGapTests
{
    // Framework "outer": P with children P.1 (with child P.1.a) and P.2, then Q; framework "inner": X.
    private static FrameworkCatalog Catalog()
    {
        static Requirement R(string id, string? parent = null) => new() { Id = id, Title = id, Kind = RequirementKind.Control, Parent = parent };
        return new FrameworkCatalog(
            [
                new Framework("outer", "Outer", "1", [R("P"), R("P.1", "P"), R("P.1.a", "P.1"), R("P.2", "P"), R("Q")]),
                new Framework("inner", "Inner", "1", [R("X")]),
            ],
            []);
    }

    private static string WithGaps(string selectors, params string[] maps) => Collection(
        Known("outer"), Known("inner"), maps.Length > 0 ? maps : [Map("equal", "Q", "X")],
        gaps: $$""", "source-gap-summary": {"uuid": "2ad90434-ada9-4318-933d-a6c475d0c877", "unmapped-controls": [{{selectors}}]}""");

    private static Core.Common.Result<MappingImport> Import(string json) =>
        OscalMappingImport.Parse(Encoding.UTF8.GetBytes(json), "m.json", Catalog());

    [Fact]
    public void Parse_GapWithChildControls_AddsTheWholeSubtree()
    {
        var json = WithGaps("""{"with-child-controls": "yes", "with-ids": ["P"]}""");

        var gaps = Import(json).Value.Mappings.Links.Where(l => l.To is null);

        Assert.Equal(["P", "P.1", "P.1.a", "P.2"], gaps.Select(g => g.From.Requirement));
    }

    [Fact]
    public void Parse_GapOfALinkedRequirement_IsIgnoredAndTheLinkKept()
    {
        var json = WithGaps("""{"with-ids": ["Q", "P.2"]}""");

        var import = Import(json).Value;

        Assert.Equal(["Q X", "P.2 -"], import.Mappings.Links.Select(l => $"{l.From.Requirement} {l.To?.Requirement ?? "-"}"));
        var ignored = Assert.Single(import.Ignored);
        Assert.Equal("$.mapping-collection.mappings[0].source-gap-summary.unmapped-controls[0].with-ids[0]", ignored.Path);
    }

    [Fact]
    public void Parse_PathologicalGapPattern_FailsQuicklyAsMatchingNothing()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 5000)) + "*b";
        var json = WithGaps($$"""{"matching": [{"pattern": "{{pattern}}"}]}""");
        var clock = Stopwatch.StartNew();

        var error = Import(json).Error!;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal("unknown-requirement", error.Code);
        Assert.Equal("m.json:$.mapping-collection.mappings[0].source-gap-summary.unmapped-controls[0].matching[0].pattern", error.Location);
    }
}
