using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Trellis.Core.Program;
using static Trellis.Exchange.Tests.Reports.ReportFixtures;
using R = Trellis.Core.Crosswalk.Relationship;

namespace Trellis.Exchange.Tests.Reports;

/// <summary>HTML is well-formed, self-contained and escapes everything; JSON parses.</summary>
public class HtmlAndJsonTests
{
    private const string Script = "<script>alert('x')</script> & \"quotes\"";

    private static ComplianceProgram Hostile() => Program()
        .Control("HX-01", ImplementationStatus.Implemented, Cadence.Annual, ("soc2-2017:CC1.1", R.Equal))
        .ControlTitle("HX-01", Script)
        .Soa("A.5.1", applicable: true)
        .Organization("<b>Evil</b> Co")
        .Build();

    [Theory]
    [InlineData("soa")]
    [InlineData("matrix")]
    [InlineData("gap")]
    [InlineData("readiness")]
    [InlineData("evidence-index")]
    public void Html_EveryProgramReport_IsWellFormedWithoutScriptsOrExternalResources(string kind)
    {
        var html = Encoding.UTF8.GetString(Render(kind, "html", Hostile()));
        var document = Parse(html);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Empty(document.Descendants("script"));
        Assert.Empty(document.Descendants("link"));
        Assert.DoesNotContain(document.Descendants().Attributes(), a => a.Name.LocalName is "src" or "href" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        Assert.Empty(document.Descendants("b"));
        Assert.Contains("<b>Evil</b> Co", document.Descendants("h1").Concat(document.Descendants("p")).Concat(document.Descendants("dd")).Select(e => e.Value), StringComparer.Ordinal);
    }

    [Fact]
    public void MatrixHtml_ControlTitleWithScript_IsEscapedText()
    {
        var html = Encoding.UTF8.GetString(Render("matrix", "html", Hostile()));
        var cells = Parse(html).Descendants("td").Select(td => td.Value).ToList();

        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Script, cells);
    }

    [Fact]
    public void SoaHtml_PrintStyles_RepeatTheHeaderAndUseLandscapeA4()
    {
        var html = Encoding.UTF8.GetString(Render("soa", "html", Program().Build()));
        var document = Parse(html);
        var table = document.Descendants("table").Single(t => (string?)t.Attribute("class") == "data");

        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("thead { display: table-header-group; }", html, StringComparison.Ordinal);
        Assert.Contains("size: A4 landscape", html, StringComparison.Ordinal);
        Assert.Equal(10, table.Element("thead")!.Descendants("th").Count());
        Assert.Equal(AnnexA().Select(a => a.Id), table.Element("tbody")!.Elements("tr").Select(tr => tr.Elements("td").First().Value));
    }

    [Theory]
    [InlineData("soa")]
    [InlineData("matrix")]
    [InlineData("gap")]
    [InlineData("readiness")]
    [InlineData("evidence-index")]
    public void Json_EveryProgramReport_ParsesWithCamelCaseProperties(string kind)
    {
        using var json = JsonDocument.Parse(Render(kind, "json", Hostile()));
        var root = json.RootElement;

        Assert.Equal(kind, root.GetProperty("kind").GetString());
        foreach (var section in root.GetProperty("sections").EnumerateArray())
        {
            var keys = section.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()!).ToList();
            Assert.All(keys, k => Assert.Matches("^[a-z][A-Za-z0-9]*$", k));
            Assert.All(section.GetProperty("rows").EnumerateArray(), r => Assert.Equal(keys, r.EnumerateObject().Select(p => p.Name)));
        }
    }

    private static XDocument Parse(string html) =>
        XDocument.Parse(html.Replace("<!DOCTYPE html>", "", StringComparison.Ordinal), LoadOptions.None);
}
