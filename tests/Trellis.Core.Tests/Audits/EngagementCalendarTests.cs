using Trellis.Core.Audits;
using static Trellis.Testing.AuditFixtures;

namespace Trellis.Core.Tests.Audits;

public class EngagementCalendarTests
{
    private static readonly Engagement[] Recorded =
    [
        new() { Id = "SOC2-2026", Kind = EngagementKind.Soc2Type2, Firm = "CPA LLP", Window = new ObservationWindow(D("2026-01-01"), D("2026-12-31")), Fieldwork = new DateRange(D("2027-01-11"), D("2027-01-22")), ReportDate = D("2027-02-12") },
        new() { Id = "SOC2-2027", Kind = EngagementKind.Soc2Type2, Window = new ObservationWindow(D("2027-02-01"), D("2028-01-31")) },
        new() { Id = "ISO-ST2", Kind = EngagementKind.IsoStage2, Firm = "CB", Fieldwork = new DateRange(D("2026-02-16"), D("2026-02-19")), ReportDate = D("2026-03-15") },
        new() { Id = "ISO-S1", Kind = EngagementKind.IsoSurveillance1, Fieldwork = new DateRange(D("2027-03-15"), D("2027-03-16")) },
    ];

    [Fact]
    public void ToEvents_HasWindowsFieldworkReportsAndTheDecision()
    {
        var events = EngagementCalendar.ToEvents(Recorded, D("2026-06-01"));

        Assert.Contains(events, e => e.Id == "SOC2-2026-window" && e.Kind == PlanEventKind.Soc2Type2Window);
        Assert.Contains(events, e => e.Id == "SOC2-2026-report" && e.Start == D("2027-02-12"));
        Assert.Contains(events, e => e.Id == "ISO-ST2-report" && e.Kind == PlanEventKind.IsoCertificationDecision && e.Start == D("2026-03-15"));
    }

    [Fact]
    public void ToEvents_AttachesGapsAndCycleRulesToTheEventsTheyConcern()
    {
        var events = EngagementCalendar.ToEvents(Recorded, D("2026-06-01")).ToDictionary(e => e.Id);

        Assert.Contains(events["SOC2-2027-window"].Warnings, w => w.Code == "soc2-coverage-gap" && w.Message.Contains("31 uncovered days", StringComparison.Ordinal));
        Assert.Contains(events["ISO-S1-fieldwork"].Warnings, w => w.Code == "iso-surveillance1-late"); // ends 2027-03-16, deadline 2027-03-15
    }

    [Fact]
    public void Cycles_StartAtTheStage2Decision() =>
        Assert.Equal(D("2029-03-14"), Assert.Single(EngagementCalendar.Cycles(Recorded)).Expiry);
}
