using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using ClosedXML.Excel;
using static Trellis.Exchange.Tests.Reports.ReportFixtures;

namespace Trellis.Exchange.Tests.Reports;

/// <summary>The Statement of Applicability read back from every format and checked against the Annex A reference list.</summary>
public class SoaReportTests
{
    private static readonly byte[] Xlsx = Render("soa", "xlsx", Program().Build());
    private static readonly byte[] Pdf = Render("soa", "pdf", Program().Build());

    [Fact]
    public void SoaXlsx_DataRows_AreThe93AnnexAControlsInOrder()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Xlsx));
        var sheet = workbook.Worksheet("Annex A controls");
        var expected = AnnexA();
        var last = sheet.LastRowUsed().RowNumber();

        Assert.Equal(93, expected.Count);
        Assert.Equal(93, last - 1);
        Assert.Equal(expected.Select(e => e.Id), Enumerable.Range(2, 93).Select(r => sheet.Cell(r, 1).GetString()));
        Assert.Equal(expected.Select(e => e.Title), Enumerable.Range(2, 93).Select(r => sheet.Cell(r, 2).GetString()));
    }

    [Fact]
    public void SoaXlsx_HeaderRow_IsBoldFrozenAndFiltered()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Xlsx));
        var sheet = workbook.Worksheet("Annex A controls");

        Assert.Equal("Control", sheet.Cell(1, 1).GetString());
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal("A1:J94", sheet.AutoFilter.Range.RangeAddress.ToString());
        Assert.All(Enumerable.Range(1, 9), c => Assert.NotEqual(sheet.ColumnWidth, sheet.Column(c).Width));
    }

    [Fact]
    public void SoaXlsx_FrozenPaneAndFilter_AreInTheSheetXml()
    {
        // Read the OOXML itself, not through ClosedXML: Excel honours these elements.
        using var zip = new ZipArchive(new MemoryStream(Xlsx));
        var sheetXml = XDocument.Load(zip.GetEntry("xl/worksheets/sheet2.xml")!.Open());
        XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

        var pane = sheetXml.Descendants(x + "pane").Single();
        Assert.StartsWith("frozen", (string?)pane.Attribute("state"), StringComparison.Ordinal); // frozen or frozenSplit
        Assert.Equal("A2", (string?)pane.Attribute("topLeftCell"));
        Assert.Equal("A1:J94", (string?)sheetXml.Descendants(x + "autoFilter").Single().Attribute("ref"));
        Assert.Empty(sheetXml.Descendants(x + "f"));
    }

    [Fact]
    public void SoaXlsx_Rows_CarryDecisionsStatusAndDrift()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Xlsx));
        var sheet = workbook.Worksheet("Annex A controls");
        var rows = Enumerable.Range(2, 93).ToDictionary(r => sheet.Cell(r, 1).GetString(), r => sheet.Row(r));

        Assert.Equal("no", rows["A.7.1"].Cell(3).GetString());
        Assert.Equal("No own premises: hosted on a cloud provider (carve-out)", rows["A.7.1"].Cell(4).GetString());
        Assert.Contains("excluded, but risk R-02 needs it", rows["A.7.1"].Cell(9).GetString(), StringComparison.Ordinal);
        Assert.Equal("AC-01", rows["A.5.15"].Cell(7).GetString());
        Assert.Equal("R-01", rows["A.5.15"].Cell(8).GetString());
        Assert.Contains("says implemented", rows["A.8.13"].Cell(9).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SoaXlsx_Cover_ShowsVersionAndApproval()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Xlsx));
        var cover = Cover(workbook);

        Assert.Equal("v3", cover["SoA version"]);
        Assert.Equal("approved by ciso@example.com on 2026-10-01", cover["Approval"]);
        Assert.Equal("2026-11-27 09:30 UTC", cover["Generated"]);
    }

    [Fact]
    public void SoaXlsx_WithoutApproval_SaysNotApproved()
    {
        var program = Program().Build() with { SoaApproval = null };
        using var workbook = new XLWorkbook(new MemoryStream(Render("soa", "xlsx", program)));

        Assert.Equal("not approved", Cover(workbook)["Approval"]);
    }

    [Fact]
    public void SoaPdf_Text_HasFirstAndLastAnnexAControlAndPageNumbers()
    {
        var pages = PdfPages(Pdf);
        var all = string.Join("\n", pages);

        Assert.True(pages.Count > 1, $"{pages.Count} page(s)");
        Assert.Contains("A.5.1", all, StringComparison.Ordinal);
        Assert.Contains("A.8.34", all, StringComparison.Ordinal);
        Assert.Contains("Page 1 of", pages[0], StringComparison.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SoaPdf_EveryPage_RepeatsTheHeaderRowAndIsA4Landscape()
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(Pdf);
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().Select(w => w.Text).ToList();
            Assert.Contains("Justification", words);
            Assert.Contains("Applicable", words);
            Assert.Equal(842, page.Width, 0);
            Assert.Equal(595, page.Height, 0);
        }
    }

    [SkippableFact]
    public void SoaPdf_Pdftotext_ReadsEveryAnnexAControl()
    {
        var text = PdfToText(Pdf);
        Skip.If(text is null, "pdftotext (poppler-utils) is not installed; the PdfPig tests read the text");

        Assert.Contains("Page 1 of", text, StringComparison.Ordinal);
        Assert.All(AnnexA(), a => Assert.Matches($@"(?m)^\s*{System.Text.RegularExpressions.Regex.Escape(a.Id)}\s", text));
        Assert.Contains("Statement of Applicability", text, StringComparison.Ordinal);
        Assert.Contains("not approved", PdfToText(Render("soa", "pdf", Program().Build() with { SoaApproval = null }))!, StringComparison.Ordinal);
    }

    [Fact]
    public void SoaJson_Parses_With93CamelCaseRows()
    {
        using var json = JsonDocument.Parse(Render("soa", "json", Program().Build()));
        var root = json.RootElement;
        var rows = root.GetProperty("sections")[0].GetProperty("rows");

        Assert.Equal("soa", root.GetProperty("kind").GetString());
        Assert.Equal(AnnexA().Select(a => a.Id), rows.EnumerateArray().Select(r => r.GetProperty("control").GetString()));
        Assert.Equal("no", rows.EnumerateArray().Single(r => r.GetProperty("control").GetString() == "A.7.1").GetProperty("applicable").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero), root.GetProperty("generatedAt").GetDateTimeOffset());
    }

    [Fact]
    public void SoaCsv_Has93RecordsAfterTheHeader()
    {
        var records = Rfc4180.Parse(Encoding.UTF8.GetString(Render("soa", "csv", Program().Build())));

        Assert.Equal(["control", "title", "applicable", "justification", "reasons", "status", "controls", "risks", "drift", "policies"], records[0]);
        Assert.Equal(AnnexA().Select(a => a.Id), records.Skip(1).Select(r => r[0]));
    }

    private static Dictionary<string, string> Cover(XLWorkbook workbook)
    {
        var cover = workbook.Worksheet("Cover");
        return cover.RowsUsed()
            .Where(r => !r.Cell(1).IsEmpty() && !r.Cell(2).IsEmpty())
            .GroupBy(r => r.Cell(1).GetString())
            .ToDictionary(g => g.Key, g => g.First().Cell(2).GetString());
    }
}
