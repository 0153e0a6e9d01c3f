using System.Text;
using Trellis.Core.Audits;
using Trellis.Exchange.Reports;
using Trellis.Exchange.Reports.Builders;
using static Trellis.Exchange.Tests.Reports.ReportFixtures;

namespace Trellis.Exchange.Tests.Reports;

/// <summary>
/// The draft bridge letter as HTML and PDF (issue 16 item 5): the bridge period after the report's period, a change
/// recorded in it, and not one recorded before it.
/// </summary>
public class BridgeLetterReportTests
{
    private static readonly Engagement Report = new()
    {
        Id = "soc2-2026",
        Kind = EngagementKind.Soc2Type2,
        Title = "SOC 2 Type 2 2025-26",
        Firm = "Example CPA LLP",
        Window = new ObservationWindow(new DateOnly(2025, 10, 1), new DateOnly(2026, 9, 30)),
    };

    private static readonly BridgeLetter Letter = BridgeLetter.Draft(
        Report,
        new DateOnly(2026, 11, 30),
        [
            new ControlChange(new DateOnly(2026, 9, 15), "OLD-07", ControlChangeKind.Changed, "lead@example.com", "Badge access reviewed"),
            new ControlChange(new DateOnly(2026, 10, 20), "VR-09", ControlChangeKind.Added, "lead@example.com", "Quarterly vendor risk review"),
        ],
        [],
        Today).Value;

    private static byte[] Render(ReportFormat format) => ReportService.Write(BridgeLetterReport.Build(Letter, "Example Co", Now), format);

    [Fact]
    public void Html_NamesThePeriodAndTheChangeInIt_NotTheOneBefore()
    {
        var html = Encoding.UTF8.GetString(Render(ReportFormat.Html));

        Assert.Contains("2026-10-01 to 2026-11-30", html, StringComparison.Ordinal);
        Assert.Contains("2025-10-01 to 2026-09-30", html, StringComparison.Ordinal);
        Assert.Contains("VR-09", html, StringComparison.Ordinal);
        Assert.Contains("Quarterly vendor risk review", html, StringComparison.Ordinal);
        Assert.DoesNotContain("OLD-07", html, StringComparison.Ordinal);
        Assert.Contains("not by the service auditor", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_NothingRecorded_StatesNoChanges()
    {
        var quiet = Letter with { Changes = [] };

        var html = Encoding.UTF8.GetString(ReportService.Write(BridgeLetterReport.Build(quiet, "Example Co", Now), ReportFormat.Html));

        Assert.Contains("No change to the system or to its controls was recorded", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Pdf_Pdftotext_SaysTheSame()
    {
        var text = PdfToText(Render(ReportFormat.Pdf));
        Skip.If(text is null, "pdftotext (poppler-utils) is not installed");

        Assert.Contains("Bridge letter (draft)", text, StringComparison.Ordinal);
        Assert.Contains("2026-10-01 to 2026-11-30", text, StringComparison.Ordinal);
        Assert.Contains("VR-09", text, StringComparison.Ordinal);
        Assert.DoesNotContain("OLD-07", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_PdfPig_ReadsThePeriodAndTheChange()
    {
        var text = string.Join(" ", PdfPages(Render(ReportFormat.Pdf)));

        Assert.Contains("VR-09", text, StringComparison.Ordinal);
        Assert.DoesNotContain("OLD-07", text, StringComparison.Ordinal);
    }
}
