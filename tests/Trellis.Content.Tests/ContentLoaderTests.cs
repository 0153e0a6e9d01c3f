using Trellis.Content;

namespace Trellis.Content.Tests;

/// <summary>Content validation errors name the file and line (issue 2, item 8).</summary>
public class ContentLoaderTests
{
    private const string Framework = """
        format: trellis-framework/1
        id: fw
        name: Test framework
        version: "1"
        requirements:
          - id: "1"
            title: One
            kind: function
          - id: "1.1"
            title: One one
            kind: category
            parent: "1"
        """;

    private static LoadedContent Load(params (string Name, string Text)[] files) =>
        ContentLoader.Load(files.Select(f => new ContentFile(f.Name, f.Text)));

    private static string Mapping(string body) => """
        format: trellis-mapping/1
        id: m
        from: fw
        to: fw
        sources:
          s: a source
        links:
        """ + "\n" + body;

    [Fact]
    public void ValidFiles_Load()
    {
        var loaded = Load(("fw.yaml", Framework), ("m.yaml", Mapping("  - { from: \"1\", to: \"1.1\", relationship: superset-of, rationale: semantic, strength: 5, source: s, justification: parent }")));

        Assert.Empty(loaded.Errors);
        Assert.Single(loaded.Catalog!.Mappings);
    }

    [Fact]
    public void DuplicateId_NamesFileAndLine()
    {
        var text = Framework + "\n  - id: \"1\"\n    title: Again\n    kind: function\n";

        var error = Assert.Single(Load(("dup.yaml", text)).Errors);

        Assert.Equal("duplicate-id", error.Code);
        Assert.Equal("dup.yaml:13", error.Location);
        Assert.Contains("first at line 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownParent_NamesFileAndLine()
    {
        var text = Framework.Replace("parent: \"1\"", "parent: \"9\"", StringComparison.Ordinal);

        var error = Assert.Single(Load(("p.yaml", text)).Errors);

        Assert.Equal("unknown-parent", error.Code);
        Assert.Equal("p.yaml:9", error.Location);
    }

    [Fact]
    public void ParentCycle_IsReported()
    {
        var text = Framework.Replace("    kind: function", "    kind: function\n    parent: \"1.1\"", StringComparison.Ordinal);

        var errors = Load(("c.yaml", text)).Errors;

        Assert.Contains(errors, e => e.Code == "parent-cycle" && e.Location == "c.yaml:6");
    }

    [Fact]
    public void MappingEndpointThatDoesNotExist_NamesFileLineAndNearestIds()
    {
        var errors = Load(("fw.yaml", Framework), ("m.yaml", Mapping("  - from: \"1\"\n    to: \"1.2\"\n    relationship: equal\n    rationale: semantic\n    strength: 5\n    source: s\n    justification: x"))).Errors;

        var error = Assert.Single(errors);
        Assert.Equal("unknown-requirement", error.Code);
        Assert.Equal("m.yaml:9", error.Location);
        Assert.Contains("1.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRelationship_ListsTheValidOnes()
    {
        var errors = Load(("fw.yaml", Framework), ("m.yaml", Mapping("  - from: \"1\"\n    to: \"1.1\"\n    relationship: overlaps\n    rationale: semantic\n    strength: 5\n    source: s\n    justification: x"))).Errors;

        var error = Assert.Single(errors);
        Assert.Equal("unknown-relationship", error.Code);
        Assert.Equal("m.yaml:10", error.Location);
        Assert.Contains("intersects-with", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    strength: 11", "invalid-number")]
    [InlineData("    strenght: 5", "unknown-field")]
    public void BadLinkFields_AreReported(string line, string code)
    {
        var body = "  - from: \"1\"\n    to: \"1.1\"\n    relationship: equal\n    rationale: semantic\n" + line + "\n    source: s\n    justification: x";

        Assert.Contains(Load(("fw.yaml", Framework), ("m.yaml", Mapping(body))).Errors, e => e.Code == code && e.Location == "m.yaml:12");
    }

    [Fact]
    public void NoRelationshipWithTarget_IsRejected()
    {
        var errors = Load(("fw.yaml", Framework), ("m.yaml", Mapping("  - { from: \"1\", to: \"1.1\", relationship: no-relationship, rationale: semantic, strength: 1, source: s, justification: none }"))).Errors;

        Assert.Equal("invalid-link", Assert.Single(errors).Code);
    }

    [Fact]
    public void ErrorsInSeveralFiles_AreAllReported_AndNoCatalogIsBuilt()
    {
        var loaded = Load(("a.yaml", "a: [1"), ("b.yaml", Framework.Replace("kind: category", "kind: chapter", StringComparison.Ordinal)));

        Assert.Null(loaded.Catalog);
        Assert.Contains(loaded.Errors, e => e.Location!.StartsWith("a.yaml:", StringComparison.Ordinal));
        Assert.Contains(loaded.Errors, e => e.Code == "unknown-kind" && e.Location == "b.yaml:11");
    }
}
