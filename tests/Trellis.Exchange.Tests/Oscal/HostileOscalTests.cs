using System.Diagnostics;
using System.Text;
using Trellis.Exchange.Oscal;
using Trellis.Exchange.Oscal.Profiles;

namespace Trellis.Exchange.Tests.Oscal;

/// <summary>OSCAL content built to make the importer work exponentially or forever.</summary>
public class HostileOscalTests
{
    [Theory]
    [InlineData("au-*", "au-2", true)]
    [InlineData("au-*", "au-2.3", true)]
    [InlineData("au-2.?", "au-2.3", true)]
    [InlineData("au-2.?", "au-2.10", false)]
    [InlineData("*.1", "ac-2.1", true)]
    [InlineData("ac-2", "ac-2.1", false)]
    [InlineData("a[c]-1", "a[c]-1", true)]
    [InlineData("ac-.", "ac-1", false)]
    public void Glob_OscalPattern_MatchesLikeAShellGlob(string pattern, string id, bool expected)
    {
        Assert.Equal(expected, ControlSelection.Glob(pattern, id));
    }

    [Fact]
    public void Glob_PathologicalPattern_RunsInPolynomialTime()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 200)) + "*b";
        var id = new string('a', 5000);
        var clock = Stopwatch.StartNew();

        Assert.False(ControlSelection.Glob(pattern, id));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Load_ParameterInsertionBomb_IsCutOffNotExpanded()
    {
        // p0 offers 10 choices that each insert p1, which offers 10 choices that each insert p2, …: 10^10 renderings.
        var parameters = Enumerable.Range(0, 10).Select(i =>
            "{\"id\": \"p" + i + "\", \"select\": {\"choice\": ["
            + string.Join(", ", Enumerable.Repeat("\"x {{ insert: param, p" + (i + 1) + " }}\"", 10)) + "]}}");
        var json = """
            {"catalog": {
              "uuid": "5b66677f-0d64-48d5-bd88-fac6f6d31fc0",
              "metadata": {"title": "Bomb", "last-modified": "2024-05-01T12:00:00Z", "version": "1", "oscal-version": "1.1.2"},
              "controls": [{"id": "c-1", "title": "One", "params": [PARAMS],
                "parts": [{"id": "c-1_smt", "name": "statement", "prose": "Do {{ insert: param, p0 }}."}]}]
            }}
            """.Replace("PARAMS", string.Join(", ", parameters), StringComparison.Ordinal);
        var clock = Stopwatch.StartNew();

        var text = OscalFrameworkImport.FromCatalogJson(json, "bomb").Value.Framework.Find("c-1")!.Text!;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.True(text.Length < 200_000, $"{text.Length} characters");
        Assert.Contains("[Assignment: p", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DeeplyNestedControls_FailWithTheDepthLimitNotACrash()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            sb.Append("{\"id\": \"c-" + i + "\", \"title\": \"C\", \"controls\": [");
        }

        sb.Append("{\"id\": \"leaf\", \"title\": \"Leaf\"}");
        sb.Append(string.Concat(Enumerable.Repeat("]}", 40)));
        var json = """
            {"catalog": {"uuid": "5b66677f-0d64-48d5-bd88-fac6f6d31fc0",
              "metadata": {"title": "Deep", "last-modified": "2024-05-01T12:00:00Z", "version": "1", "oscal-version": "1.2.1"},
              "controls": [CONTROLS]}}
            """.Replace("CONTROLS", sb.ToString(), StringComparison.Ordinal);

        var error = OscalFrameworkImport.FromCatalogJson(json, "deep", "deep.json").Error!;

        Assert.Equal("json-too-deep", error.Code);
        Assert.StartsWith("deep.json:$.catalog.controls[0].controls[0]", error.Location, StringComparison.Ordinal);
    }
}
