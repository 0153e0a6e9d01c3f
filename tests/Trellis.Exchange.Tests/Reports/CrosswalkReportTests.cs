using System.Text;
using ClosedXML.Excel;
using static Trellis.Exchange.Tests.Reports.ReportFixtures;

namespace Trellis.Exchange.Tests.Reports;

/// <summary>The crosswalk report against ISO/IEC 27002:2022 Annex B (tests/reference/domain/iso27001-2013-to-2022.csv).</summary>
public class CrosswalkReportTests
{
    [Fact]
    public void CrosswalkCsv_Iso2013To2022_Has115RecordsMatchingAnnexB()
    {
        var records = Rfc4180.Parse(Encoding.UTF8.GetString(Render("crosswalk", "csv", program: null, "iso27001-2013", "iso27001-2022")));
        var header = records[0];
        var rows = records.Skip(1).ToList();
        var expected = Testing.ReferenceData.Csv("iso27001-2013-to-2022.csv").Select(r => (r["from_2013"], r["to_2022"])).Order().ToList();

        Assert.Equal(115, rows.Count);
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));
        Assert.Equal(expected, rows.Select(r => (r[header.IndexOf("source")], r[header.IndexOf("target")])).Order().ToList());
        Assert.All(rows, r => Assert.StartsWith("ISO/IEC 27002:2022 Annex B", r[header.IndexOf("citation")], StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains(r[header.IndexOf("relationship")], new[] { "equal", "subset-of", "superset-of", "intersects-with" }));
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r[header.IndexOf("justification")])));
    }

    [Fact]
    public void CrosswalkCsv_ReadBackwards_HasTheSame115PairsInverted()
    {
        var records = Rfc4180.Parse(Encoding.UTF8.GetString(Render("crosswalk", "csv", program: null, "iso27001-2022", "iso27001-2013")));
        var header = records[0];
        var rows = records.Skip(1).ToList();
        var expected = Testing.ReferenceData.Csv("iso27001-2013-to-2022.csv").Select(r => (r["to_2022"], r["from_2013"])).Order().ToList();

        Assert.Equal(expected, rows.Select(r => (r[header.IndexOf("source")], r[header.IndexOf("target")])).Order().ToList());
        Assert.All(rows, r => Assert.Equal("inverted", r[header.IndexOf("origin")]));
    }

    [Fact]
    public void CrosswalkXlsx_SourceTitles_AreThe2013OfficialNames()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Render("crosswalk", "xlsx", program: null, "iso27001-2013", "iso27001-2022")));
        var sheet = workbook.Worksheet("Links");
        var titles = Testing.ReferenceData.Csv("iso27001-2013.csv").ToDictionary(r => r["id"], r => r["title"]);

        Assert.Equal(116, sheet.LastRowUsed().RowNumber());
        foreach (var row in sheet.RowsUsed().Skip(1))
        {
            Assert.Equal(titles[row.Cell(1).GetString()], row.Cell(2).GetString());
        }
    }
}
