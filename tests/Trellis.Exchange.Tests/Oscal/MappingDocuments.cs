using System.Text.Json;
using Trellis.Exchange.Oscal;

namespace Trellis.Exchange.Tests.Oscal;

/// <summary>Small OSCAL mapping-collection documents written out in the test, piece by piece.</summary>
internal static class MappingDocuments
{
    /// <summary>A whole document: one mapping from <paramref name="source"/> to <paramref name="target"/>.</summary>
    public static string Collection(string source, string target, IEnumerable<string> maps, IEnumerable<string>? resources = null, string version = "1.2.1", string gaps = "", string more = "")
    {
        var backMatter = resources?.ToList() is { Count: > 0 } list ? $$""", "back-matter": {"resources": [{{string.Join(", ", list)}}]}""" : "";
        return $$$"""
            {"mapping-collection": {
              "uuid": "925cf6b6-71e8-4e2a-ba14-4aaf69422c21",
              "metadata": {"title": "Test mapping", "last-modified": "2026-11-20T10:00:00Z", "version": "1", "oscal-version": {{{Quote(version)}}}},
              "provenance": {"method": "human", "matching-rationale": "semantic", "status": "complete", "mapping-description": "For tests."},
              "mappings": [{
                "uuid": "9cc76f4b-c846-4f1a-b1d7-90196bad35fe",
                "source-resource": {{{source}}},
                "target-resource": {{{target}}},
                "maps": [{{{string.Join(",\n", maps)}}}]{{{gaps}}}
              }{{{more}}}]{{{backMatter}}}
            }}
            """;
    }

    /// <summary>A second mapping, to pass as <c>more</c> to <see cref="Collection"/>.</summary>
    public static string Mapping(string source, string target, params string[] maps) =>
        $$"""
        , {"uuid": "{{NameBasedUuid.Create($"test-mapping:{source}>{target}")}}", "source-resource": {{source}}, "target-resource": {{target}}, "maps": [{{string.Join(",\n", maps)}}]}
        """;

    /// <summary>A one-to-one map between two controls.</summary>
    public static string Map(string relationship, string from, string to) =>
        $$"""
        {"uuid": "{{NameBasedUuid.Create($"test-map:{from}>{to}:{relationship}")}}", "relationship": {{Quote(relationship)}},
         "sources": [{"type": "control", "id-ref": {{Quote(from)}}}], "targets": [{"type": "control", "id-ref": {{Quote(to)}}}]}
        """;

    /// <summary>A resource reference to the back-matter resource <see cref="Resource"/> makes for <paramref name="title"/>.</summary>
    public static string Titled(string title) => $$"""{"type": "catalog", "href": "#{{UuidOf(title)}}"}""";

    /// <summary>A back-matter resource with only a title.</summary>
    public static string Resource(string title) => $$"""{"uuid": "{{UuidOf(title)}}", "title": {{Quote(title)}}}""";

    /// <summary>A resource reference naming a Trellis framework by a framework-id prop, as the exporter does.</summary>
    public static string Known(string frameworkId) =>
        $$"""{"type": "catalog", "href": "{{frameworkId}}", "props": [{"name": "framework-id", "ns": "urn:trellis:oscal", "value": {{Quote(frameworkId)}}}]}""";

    private static Guid UuidOf(string title) => NameBasedUuid.Create($"test-resource:{title}");

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
