using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using ClosedXML.Excel;
using Trellis.Core.Program;
using Trellis.Exchange.Reports;
using Trellis.Exchange.Reports.Writers;
using static Trellis.Exchange.Tests.Reports.ReportFixtures;
using R = Trellis.Core.Crosswalk.Relationship;

namespace Trellis.Exchange.Tests.Reports;

/// <summary>
/// Formula injection (OWASP CSV injection): text starting with =, +, -, @, tab, CR or NUL must reach spreadsheets
/// and CSV as inert text with a leading apostrophe, never as a formula.
/// </summary>
public class NeutralizationTests
{
    private const string Hyperlink = "=HYPERLINK(\"http://x\")";
    private const string Sum = "@SUM(1+1)*cmd|' /C calc'!A0";

    private static ComplianceProgram Hostile() => Program()
        .Control("HX-01", ImplementationStatus.Implemented, Cadence.Annual, ("soc2-2017:CC1.1", R.Equal))
        .ControlTitle("HX-01", Hyperlink)
        .Control("HX-02", ImplementationStatus.Planned, Cadence.Annual, ("soc2-2017:CC1.2", R.SubsetOf))
        .ControlTitle("HX-02", Sum)
        .Build();

    [Fact]
    public void MatrixXlsx_FormulaLikeControlTitles_AreTextWithALeadingApostrophe()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Render("matrix", "xlsx", Hostile())));
        var sheet = workbook.Worksheet("Control matrix");
        var titles = sheet.RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString() + "/" + r.Cell(4).GetString(), r => r.Cell(5));

        foreach (var (key, expected) in new[] { ("CC1.1/HX-01", Hyperlink), ("CC1.2/HX-02", Sum) })
        {
            var cell = titles[key];
            Assert.Equal("'" + expected, cell.GetString());
            Assert.False(cell.HasFormula);
            Assert.Equal(XLDataType.Text, cell.DataType);
        }
    }

    [Fact]
    public void MatrixXlsx_SheetXml_HasNoFormulaElements()
    {
        using var zip = new ZipArchive(new MemoryStream(Render("matrix", "xlsx", Hostile())));
        XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).ToList();
        var strings = XDocument.Load(zip.GetEntry("xl/sharedStrings.xml")!.Open()).Descendants(x + "t").Select(t => t.Value).ToList();

        Assert.NotEmpty(sheets);
        Assert.All(sheets, e => Assert.Empty(XDocument.Load(e.Open()).Descendants(x + "f")));
        Assert.Contains("'" + Hyperlink, strings);
        Assert.DoesNotContain(Hyperlink, strings);
    }

    [Fact]
    public void MatrixCsv_FormulaLikeControlTitles_AreNeutralized()
    {
        var records = Rfc4180.Parse(Encoding.UTF8.GetString(Render("matrix", "csv", Hostile())));
        var title = records[0].IndexOf("controlTitle");
        var titles = records.Skip(1).Select(r => r[title]).ToList();

        Assert.Contains("'" + Hyperlink, titles);
        Assert.Contains("'" + Sum, titles);
        Assert.DoesNotContain(titles, t => t.Length > 0 && t[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\0');
    }

    [Theory]
    [InlineData("=1+2")]
    [InlineData("+1+2")]
    [InlineData("-1+2")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    [InlineData("\0=1")]
    public void Writers_EveryDangerousFirstCharacter_IsNeutralizedInCsvAndXlsx(string value)
    {
        var document = new ReportDocument
        {
            Kind = "test",
            Title = "t",
            GeneratedAt = Now,
            Sections = [new ReportSection("S", new ReportTable([new ReportColumn("value", "Value")], [[value]]))],
        };

        var csv = Rfc4180.Parse(Encoding.UTF8.GetString(CsvReportWriter.Write(document)));
        using var workbook = new XLWorkbook(new MemoryStream(XlsxReportWriter.Write(document)));
        var cell = workbook.Worksheet("S").Cell(2, 1);

        Assert.StartsWith("'", csv[1][0], StringComparison.Ordinal);
        Assert.StartsWith("'", cell.GetString(), StringComparison.Ordinal);
        Assert.False(cell.HasFormula);
        Assert.Equal(value.Length + 1, cell.GetString().Length);
    }
}
