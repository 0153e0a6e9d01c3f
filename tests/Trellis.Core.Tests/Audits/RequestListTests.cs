using Trellis.Core.Audits;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using static Trellis.Testing.AuditFixtures;

namespace Trellis.Core.Tests.Audits;

public class RequestListTests
{
    private static readonly Engagement Soc2 = new() { Id = "SOC2-2026", Kind = EngagementKind.Soc2Type2, Window = new ObservationWindow(D("2026-01-01"), D("2026-06-30")) };

    private static readonly Engagement Iso = new() { Id = "ISO-S1", Kind = EngagementKind.IsoSurveillance1, Window = new ObservationWindow(D("2026-04-01"), D("2026-09-30")) };

    private static IReadOnlyList<EvidenceRequest> Requests(Control[] controls, EvidenceItem[] evidence, string today = "2026-10-15") =>
        RequestList.Build(
            [OperationLedger.ForEngagement(Soc2, controls, evidence, D(today)).Value, OperationLedger.ForEngagement(Iso, controls, evidence, D(today)).Value],
            D(today));

    [Fact]
    public void ControlServingBothRegimes_IsOneRequestAnsweredByTheSameEvidence()
    {
        var control = Control("BK-01", Cadence.Quarterly, "soc2-2017:A1.2", "soc2-2017:CC7.1", "iso27001-2022:A.8.13");
        var evidence = EvidenceFor("EV-BACKUP", ["BK-01"], "2026-03-20", "2026-06-20", "2026-09-20");

        var request = Assert.Single(Requests([control], [evidence]));

        Assert.Equal(["ISO-S1", "SOC2-2026"], request.EngagementIds);
        Assert.Equal(["EV-BACKUP"], request.EvidenceIds);
        Assert.Equal(RequestStatus.Answered, request.Status);

        // Q2 2026 is in both windows: one occurrence, asked by both audits, answered once.
        var q2 = Assert.Single(request.Occurrences, o => o.Period.Start == D("2026-04-01"));
        Assert.Equal(["ISO-S1", "SOC2-2026"], q2.EngagementIds);
        Assert.Equal(["EV-BACKUP"], q2.EvidenceIds);
    }

    [Fact]
    public void DueOccurrenceWithoutEvidence_MakesTheRequestStale()
    {
        var control = Control("AC-01", Cadence.Monthly, "soc2-2017:CC6.1", "iso27001-2022:A.5.15");
        var evidence = EvidenceFor("EV-AR", ["AC-01"], "2026-01-10", "2026-02-10", "2026-03-10", "2026-04-10", "2026-06-10", "2026-07-10", "2026-08-10", "2026-09-10");

        var request = Assert.Single(Requests([control], [evidence]));

        Assert.Equal(RequestStatus.Stale, request.Status);
        Assert.Contains("2026-05-01..2026-05-31", request.Reason, StringComparison.Ordinal);
        Assert.Equal(["ISO-S1", "SOC2-2026"], Assert.Single(request.Occurrences, o => o.Missing).EngagementIds);
    }

    [Fact]
    public void NoEvidence_IsMissing() =>
        Assert.Equal(RequestStatus.Missing, Assert.Single(Requests([Control("HR-01", Cadence.Annual, "iso27001-2022:A.6.3")], [])).Status);

    [Fact]
    public void OnEventControl_IsAnsweredWhileItsNewestOccurrenceIsWithinAYearPlusGrace()
    {
        var control = Control("IR-01", Cadence.OnEvent, "iso27001-2022:A.5.26");
        var once = EvidenceFor("EV-INC", ["IR-01"], "2026-04-15");

        Assert.Equal(RequestStatus.Answered, Assert.Single(Requests([control], [once])).Status);
    }

    [Fact]
    public void Requests_AreOnePerControl_OrderedById()
    {
        var controls = new[] { Control("ZZ-9", Cadence.Annual, "soc2-2017:CC1.1"), Control("AA-1", Cadence.Annual, "iso27001-2022:5.1"), Control("MM-5", Cadence.Annual, "soc2-2017:CC2.1", "iso27001-2022:5.2") };

        Assert.Equal(["PBC-AA-1", "PBC-MM-5", "PBC-ZZ-9"], Requests(controls, []).Select(r => r.Id));
    }
}
