using System.Text;
using ClosedXML.Excel;
using Trellis.Content;
using Trellis.Content.Demo;
using Trellis.Core.Policies;
using Trellis.Core.Program;
using Trellis.Exchange.Reports;
using static Trellis.Exchange.Tests.Reports.ReportFixtures;

namespace Trellis.Exchange.Tests.Reports;

/// <summary>
/// Issue 17, item 8: the SoA and the SOC 2 control matrix cite the published policies mapped to each row. The demo's
/// information security policy (mapped to A.5.1 and CC5.3) was approved by its last approver, the CEO, 61 days before
/// the demo's "now" (2026-03-15), so on 2026-01-13; the business continuity policy still waits for an approval.
/// </summary>
public sealed class PolicyCitationTests
{
    private static readonly DateTimeOffset DemoNow = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly ComplianceProgram Demo = DemoProgram.Create(new Trellis.Testing.FixedClock(DemoNow)).Program;
    private static readonly IReadOnlyList<Policy> Policies = DemoPolicies.Create(DemoNow, Demo.Organization);
    private const string Citation = "Information security policy v1, approved 2026-01-13";

    private static byte[] Report(string kind, string format, IReadOnlyList<Policy> policies) =>
        Ok(Service.Render(kind, new ReportOptions { Format = format, Policies = policies }, Demo, ShippedContent.Engine, Today));

    private static List<List<string>> Csv(string kind, IReadOnlyList<Policy> policies) =>
        [.. Rfc4180.Parse(Encoding.UTF8.GetString(Report(kind, "csv", policies))).Select(r => r.ToList())];

    // The policies column of the rows whose first column (the SoA's control, the matrix's criterion) is the ID.
    private static IEnumerable<string> PoliciesOf(List<List<string>> csv, string id)
    {
        var at = csv[0].IndexOf("policies");
        var key = csv[0].IndexOf(csv[0].Contains("criterion") ? "criterion" : "control");
        return csv.Skip(1).Where(r => r.Count > at && r[key] == id).Select(r => r[at]);
    }

    [Fact]
    public void Soa_PublishedPolicy_IsCitedOnA51_WithVersionAndApprovalDate()
    {
        var csv = Csv("soa", Policies);

        Assert.Contains(Citation, PoliciesOf(csv, "A.5.1").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain(csv.Skip(1), r => r[csv[0].IndexOf("policies")].Contains("Business continuity", StringComparison.Ordinal));
    }

    [Fact]
    public void Matrix_PublishedPolicy_IsCitedOnEveryCC53Row()
    {
        var rows = PoliciesOf(Csv("matrix", Policies), "CC5.3").ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(Citation, r, StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyDrafted_IsNotCited()
    {
        var drafted = Policies.Select(p => p with { Versions = [p.Versions[0] with { Status = PolicyStatus.Draft, Approvers = [], Approvals = [], PublishedAt = null }], Acknowledgements = [] }).ToList();

        Assert.All(PoliciesOf(Csv("soa", drafted), "A.5.1"), r => Assert.Equal("", r));
        Assert.All(PoliciesOf(Csv("matrix", drafted), "CC5.3"), r => Assert.Equal("", r));
    }

    [Theory]
    [InlineData("soa")]
    [InlineData("matrix")]
    public void EveryFormat_CarriesTheCitation(string kind)
    {
        Assert.Contains(Citation, Encoding.UTF8.GetString(Report(kind, "html", Policies)), StringComparison.Ordinal);
        Assert.Contains(Citation, Encoding.UTF8.GetString(Report(kind, "json", Policies)), StringComparison.Ordinal);
        using (var workbook = new XLWorkbook(new MemoryStream(Report(kind, "xlsx", Policies))))
        {
            Assert.Contains(workbook.Worksheets.SelectMany(s => s.CellsUsed()), c => c.GetString().Contains(Citation, StringComparison.Ordinal));
        }

        // PdfPig reads a wrapped cell's lines interleaved with its neighbours' lines, so the citation is checked in parts.
        var pdf = string.Join(" ", PdfPages(Report(kind, "pdf", Policies)));
        Assert.Contains("policy v1, approved", pdf, StringComparison.Ordinal);
        Assert.Contains("2026-01-13", pdf, StringComparison.Ordinal);
    }
}
