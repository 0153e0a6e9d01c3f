using Trellis.Exchange.Reports;
using Trellis.Exchange.Reports.Writers;
using static Trellis.Exchange.Tests.Reports.ReportFixtures;

namespace Trellis.Exchange.Tests.Reports;

/// <summary>The PDF table layout: wrapping, page breaks with repeated headers, rows taller than a page, empty tables.</summary>
public class PdfLayoutTests
{
    private static ReportDocument Document(params ReportSection[] sections) => new()
    {
        Kind = "test",
        Title = "Layout test",
        GeneratedAt = Now,
        Sections = sections,
    };

    [Fact]
    public void Pdf_RowTallerThanAPage_ContinuesOnTheNextPagesWithEveryWord()
    {
        var words = Enumerable.Range(1, 1500).Select(i => $"word{i}").ToList();
        var table = new ReportTable([new("id", "Identifier"), new("text", "Long text", 4)], [["R-1", string.Join(" ", words)], ["R-2", "after"]]);

        var pages = PdfPages(PdfReportWriter.Write(Document(new ReportSection("Long", table))));
        var all = string.Join(" ", pages).Split(' ');

        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        Assert.Equal(words, all.Where(w => w.StartsWith("word", StringComparison.Ordinal)));
        Assert.All(pages, p => Assert.Contains("Identifier", p, StringComparison.Ordinal));
        Assert.Contains("after", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_UnbrokenHash_WrapsInsideANarrowColumnWithoutLosingCharacters()
    {
        var hash = new string('a', 32) + new string('b', 32);
        var table = new ReportTable([new("id", "Id", 1), new("sha", "SHA", 1), new("x", "Other", 8)], [["E-1", hash, "x"]]);

        var words = PdfPages(PdfReportWriter.Write(Document(new ReportSection("Hash", table))))[0].Split(' ');
        var pieces = words.Where(w => w.Length > 0 && w.All(c => c is 'a' or 'b')).ToList();

        Assert.True(pieces.Count > 1, "the hash should wrap over several lines");
        Assert.Equal(hash, string.Concat(pieces));
    }

    [Fact]
    public void Pdf_EmptyTable_SaysNoRows()
    {
        var table = new ReportTable([new("id", "Id")], []);

        var page = PdfPages(PdfReportWriter.Write(Document(new ReportSection("Nothing", table))))[0];

        Assert.Contains("No rows.", page, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_NarrowDocument_IsA4Portrait()
    {
        var table = new ReportTable([new("id", "Id")], [["x"]]);

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(PdfReportWriter.Write(Document(new ReportSection("Narrow", table))));
        var page = pdf.GetPage(1);

        Assert.Equal(595, page.Width, 0);
        Assert.Equal(842, page.Height, 0);
    }

    [Fact]
    public void Pdf_ControlCharactersAndNonLatinText_Render()
    {
        var table = new ReportTable([new("t", "Text")], [["a\0b\u0007c Zürich – Ελλάδα → ok"]]);

        var page = PdfPages(PdfReportWriter.Write(Document(new ReportSection("Text", table))))[0];

        Assert.Contains("Zürich", page, StringComparison.Ordinal);
        Assert.Contains("Ελλάδα", page, StringComparison.Ordinal);
    }
}
