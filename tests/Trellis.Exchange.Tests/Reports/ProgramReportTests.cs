using System.Security.Cryptography;
using System.Text;
using ClosedXML.Excel;
using Trellis.Core.Program;
using Trellis.Testing;
using static Trellis.Exchange.Tests.Reports.ReportFixtures;
using R = Trellis.Core.Crosswalk.Relationship;

namespace Trellis.Exchange.Tests.Reports;

/// <summary>Matrix, gap, readiness and evidence-index reports checked against the SOC 2 and ISO reference lists.</summary>
public class ProgramReportTests
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Tsc = ReferenceData.Csv("soc2-tsc-2017.csv");

    [Fact]
    public void MatrixCsv_SecurityAndAvailabilityInScope_ListsExactlyThoseCriteria()
    {
        var program = Program().Categories("security", "availability").Build();
        var records = Rfc4180.Parse(Encoding.UTF8.GetString(Render("matrix", "csv", program)));
        var expected = Tsc.Where(r => r["category"].StartsWith("Security", StringComparison.Ordinal) || r["category"].StartsWith("Availability", StringComparison.Ordinal))
            .Select(r => r["id"]).ToList();

        Assert.Equal(36, expected.Count);
        Assert.Equal(expected, records.Skip(1).Select(r => r[0]).Distinct());
    }

    [Fact]
    public void MatrixXlsx_DirectlyMappedControl_ShowsRelationshipAndEvidenceHash()
    {
        var content = Encoding.UTF8.GetBytes("access review Q3 2026");
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        using var workbook = new XLWorkbook(new MemoryStream(Render("matrix", "xlsx", Program().Build())));
        var row = workbook.Worksheet("Control matrix").RowsUsed().Single(r => r.Cell(1).GetString() == "CC6.1" && r.Cell(4).GetString() == "AC-01");

        Assert.Contains("subset-of", row.Cell(6).GetString().Split('\n'));
        Assert.Equal("implemented", row.Cell(7).GetString());
        Assert.Contains("EV-0001 Access review Q3 · 2026-07-01 to 2026-09-30 · sha256 " + sha[..12], row.Cell(8).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GapCsv_EmptyProgramSecurityOnly_ListsThe33SecurityCriteriaAndEvery2022Requirement()
    {
        var program = new ProgramBuilder().Build();
        var records = Rfc4180.Parse(Encoding.UTF8.GetString(Render("gap", "csv", program)));
        var header = records[0];
        var bySection = records.Skip(1).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Select(r => r[header.IndexOf("requirement")]).ToList());
        var security = Tsc.Where(r => r["category"].StartsWith("Security", StringComparison.Ordinal)).Select(r => r["id"]).ToList();
        var iso = ReferenceData.Csv("iso27001-2022.csv").Select(r => r["id"]).ToList();

        Assert.Equal("section", header[0]);
        Assert.Equal(iso, bySection.Single(s => s.Key.StartsWith("ISO/IEC 27001:2022", StringComparison.Ordinal)).Value);
        Assert.Equal(security, bySection.Single(s => s.Key.StartsWith("SOC 2", StringComparison.Ordinal)).Value);
        Assert.All(records.Skip(1), r => Assert.Equal("gap", r[header.IndexOf("status")]));
        Assert.All(records.Skip(1), r => Assert.StartsWith("add or map a control that meets", r[header.IndexOf("closers")], StringComparison.Ordinal));
    }

    [Fact]
    public void ReadinessXlsx_Summary_CountsEveryRequirementOfTheReferenceLists()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Render("readiness", "xlsx", new ProgramBuilder().Build())));
        var summary = workbook.Worksheet("Summary");
        var rows = summary.RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString()[..7], r => r);

        Assert.Equal(ReferenceData.Csv("iso27001-2022.csv").Count.ToString(System.Globalization.CultureInfo.InvariantCulture), rows["ISO/IEC"].Cell(6).GetString());
        Assert.Equal(Tsc.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), rows["SOC 2 —"].Cell(6).GetString());
        Assert.Equal("33", rows["SOC 2 —"].Cell(4).GetString());
        Assert.Equal("28", rows["SOC 2 —"].Cell(5).GetString());
    }

    [Fact]
    public void ReadinessPdf_Charts_LabelEveryStatusForBothFrameworks()
    {
        var first = PdfPages(Render("readiness", "pdf", Program().Build()))[0];
        var words = first.Split(' ');

        // Two charts (one per framework) and the summary table's header each name every status.
        Assert.All(new[] { "Covered", "Partial", "Gap", "applicable" }, label => Assert.True(words.Count(w => w == label) >= 3, label));
        Assert.Contains("ISO/IEC 27001:2022", first, StringComparison.Ordinal);
        Assert.Contains("SOC 2", first, StringComparison.Ordinal);
    }

    [Fact]
    public void EvidenceIndex_Window_ListsOnlyVersionsEffectiveInsideItWithFullHash()
    {
        var inside = Encoding.UTF8.GetBytes("firewall rules export, May 2026");
        var program = new ProgramBuilder()
            .Control("NW-01", ImplementationStatus.Implemented, Cadence.Monthly, ("iso27001-2022:A.8.20", R.Equal))
            .FileEvidence("EV-IN", "NW-01", "firewall-2026-05.json", inside, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31))
            .FileEvidence("EV-EDGE", "NW-01", "firewall-2025-12.json", [1, 2, 3], new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 1))
            .FileEvidence("EV-OUT", "NW-01", "firewall-2025-11.json", [4, 5, 6], new DateOnly(2025, 11, 1), new DateOnly(2025, 11, 30))
            .Build();
        var options = new Exchange.Reports.ReportOptions { Format = "csv", WindowStart = new DateOnly(2026, 1, 1), WindowEnd = new DateOnly(2026, 6, 30) };

        var records = Rfc4180.Parse(Encoding.UTF8.GetString(Ok(Service.Render("evidence-index", options, program, Content.ShippedContent.Engine, Today))));
        var header = records[0];
        var rows = records.Skip(1).Where(r => r[0] == "Evidence").ToDictionary(r => r[header.IndexOf("evidence")]);

        Assert.Equal(["EV-EDGE", "EV-IN"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(inside)), rows["EV-IN"][header.IndexOf("sha256")]);
        Assert.Equal(inside.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), rows["EV-IN"][header.IndexOf("size")]);
        Assert.Equal("2026-05-01", rows["EV-IN"][header.IndexOf("effectiveFrom")]);
        Assert.Equal("firewall-2026-05.json", rows["EV-IN"][header.IndexOf("file")]);
        Assert.Equal("NW-01", rows["EV-IN"][header.IndexOf("controls")]);
    }

    [Fact]
    public void EvidenceIndex_ListsEachTaskOccurrence_DoneWithItsEvidence_DidNotOccurWithItsReason_AndOverdue()
    {
        // A monthly control over a January–March 2026 window, generated in November (the window ends first). By hand: January has EV-JAN effective in it, February's owner recorded that it did not occur,
        // March ended with nothing: overdue.
        var program = new ProgramBuilder()
            .Control("NW-01", ImplementationStatus.Implemented, Cadence.Monthly, ("iso27001-2022:A.8.20", R.Equal))
            .FileEvidence("EV-JAN", "NW-01", "firewall-2026-01.json", [1, 2, 3], new DateOnly(2026, 1, 31), new DateOnly(2026, 1, 31))
            .Build();
        program = program with
        {
            Controls = [program.Controls[0] with { Owner = "netops@example.com" }],
            TaskNotes = [new Trellis.Core.Operations.ControlTaskNote("NW-01", new DateOnly(2026, 2, 1)) { DidNotOccurReason = "change freeze: no rule changes" }],
        };
        var options = new Exchange.Reports.ReportOptions { Format = "csv", WindowStart = new DateOnly(2026, 1, 1), WindowEnd = new DateOnly(2026, 3, 31) };

        var records = Rfc4180.Parse(Encoding.UTF8.GetString(Ok(Service.Render("evidence-index", options, program, Content.ShippedContent.Engine, Today))));
        var header = records[0];
        var tasks = records.Skip(1).Where(r => r[0] == "Recurring task occurrences").ToList();

        Assert.Equal(["NW-01@2026-01-01", "NW-01@2026-02-01", "NW-01@2026-03-01"], tasks.Select(r => r[header.IndexOf("task")]));
        Assert.Equal(["done", "did-not-occur", "overdue"], tasks.Select(r => r[header.IndexOf("status")]));
        Assert.Equal(["EV-JAN", "change freeze: no rule changes", ""], tasks.Select(r => r[header.IndexOf("shownBy")]));
        Assert.All(tasks, r => Assert.Equal("netops@example.com", r[header.IndexOf("owner")]));
    }
}
