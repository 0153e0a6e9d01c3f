using Trellis.Core.Audits;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using static Trellis.Testing.AuditFixtures;

namespace Trellis.Core.Tests.Audits;

public class OperationLedgerTests
{
    private static readonly Control AccessReview = Control("AC-01", Cadence.Monthly, "soc2-2017:CC6.1", "iso27001-2022:A.5.15");

    private static readonly Engagement Soc2 = new() { Id = "SOC2-2026", Kind = EngagementKind.Soc2Type2, Window = new ObservationWindow(D("2026-01-01"), D("2026-12-31")) };

    private static readonly Engagement Surveillance = new()
    {
        Id = "ISO-S1",
        Kind = EngagementKind.IsoSurveillance1,
        Window = new ObservationWindow(D("2026-03-15"), D("2027-03-14")),
    };

    [Theory]
    [InlineData(Cadence.Daily, "2026-01-01", "2026-12-31", 365)]
    [InlineData(Cadence.Daily, "2024-01-01", "2024-12-31", 366)] // leap year
    [InlineData(Cadence.Daily, "2024-02-28", "2024-03-01", 3)]
    [InlineData(Cadence.Weekly, "2026-01-05", "2026-02-01", 4)] // Monday 5 January to Sunday 1 February
    [InlineData(Cadence.Weekly, "2026-01-01", "2026-12-31", 53)] // 2026 starts on a Thursday: 53 ISO weeks
    [InlineData(Cadence.Monthly, "2026-01-15", "2026-03-14", 3)] // touches January, February, March
    [InlineData(Cadence.Monthly, "2026-01-01", "2026-12-31", 12)]
    [InlineData(Cadence.Continuous, "2026-01-01", "2026-12-31", 12)] // sampled monthly
    [InlineData(Cadence.Quarterly, "2026-01-01", "2026-12-31", 4)]
    [InlineData(Cadence.Quarterly, "2026-02-15", "2026-05-15", 2)]
    [InlineData(Cadence.SemiAnnual, "2026-01-01", "2026-12-31", 2)]
    [InlineData(Cadence.SemiAnnual, "2026-06-30", "2026-07-01", 2)]
    [InlineData(Cadence.Annual, "2026-07-01", "2027-06-30", 2)]
    [InlineData(Cadence.Annual, "2026-01-01", "2026-12-31", 1)]
    [InlineData(Cadence.OnEvent, "2026-01-01", "2026-12-31", 0)] // no fixed expectation
    public void Periods_CountTheCalendarPeriodsTheWindowTouches(Cadence cadence, string start, string end, int expected) =>
        Assert.Equal(expected, OperationLedger.Periods(cadence, new DateRange(D(start), D(end))).Count);

    [Theory]
    [InlineData(Cadence.Monthly, "2024-02-10", "2024-02-01", "2024-02-29")]
    [InlineData(Cadence.Monthly, "2026-02-10", "2026-02-01", "2026-02-28")]
    [InlineData(Cadence.Quarterly, "2026-05-31", "2026-04-01", "2026-06-30")]
    [InlineData(Cadence.SemiAnnual, "2026-07-01", "2026-07-01", "2026-12-31")]
    [InlineData(Cadence.Weekly, "2026-03-01", "2026-02-23", "2026-03-01")] // a Sunday ends its ISO week
    [InlineData(Cadence.Annual, "2024-02-29", "2024-01-01", "2024-12-31")]
    public void PeriodContaining_UsesCalendarBoundaries(Cadence cadence, string day, string start, string end) =>
        Assert.Equal(new DateRange(D(start), D(end)), OperationLedger.PeriodContaining(cadence, D(day)));

    [Fact]
    public void PartialPeriods_AreMarked_AndEvidenceMustFallInsideTheWindow()
    {
        var evidence = EvidenceFor("EV-1", ["AC-01"], "2026-01-05", "2026-02-05", "2026-03-05");

        var ledger = OperationLedger.ForControl(AccessReview, [evidence], new DateRange(D("2026-01-15"), D("2026-03-14")), D("2026-06-01"));

        Assert.Equal([true, false, true], ledger.Expected.Select(e => e.Partial));
        Assert.Equal(new DateRange(D("2026-01-15"), D("2026-01-31")), ledger.Expected[0].InWindow);
        // 5 January is before the window: January's in-window part has no occurrence.
        Assert.Equal([false, true, true], ledger.Expected.Select(e => e.Observed));
        Assert.Equal(new DateRange(D("2026-01-01"), D("2026-01-31")), Assert.Single(ledger.Missing).Period);
    }

    [Fact]
    public void MissingOccurrences_AreListed_AndPeriodsNotYetEndedAreNotMissing()
    {
        var evidence = EvidenceFor("EV-1", ["AC-01"], "2026-01-20", "2026-02-20", "2026-04-20");

        var ledger = OperationLedger.ForControl(AccessReview, [evidence], Soc2.Window!.Range, D("2026-05-15"));

        Assert.Equal(12, ledger.Expected.Count);
        Assert.Equal(4, ledger.Expected.Count(e => e.Due)); // January to April have ended by 15 May
        Assert.Equal(new DateRange(D("2026-03-01"), D("2026-03-31")), Assert.Single(ledger.Missing).Period);
    }

    [Fact]
    public void DidNotOccur_MarchIsNotMissing_AndCarriesItsReason()
    {
        var evidence = EvidenceFor("EV-1", ["AC-01"], "2026-01-20", "2026-02-20", "2026-04-20");
        var notes = OperationLedger.DidNotOccur([new Trellis.Core.Operations.ControlTaskNote("AC-01", D("2026-03-01")) { DidNotOccurReason = "no accounts changed in March" }]);

        var ledger = OperationLedger.ForControl(AccessReview, [evidence], Soc2.Window!.Range, D("2026-05-15"), notes);

        Assert.Empty(ledger.Missing);
        var march = ledger.Expected.Single(e => e.Period.Start == D("2026-03-01"));
        Assert.Equal(("no accounts changed in March", false), (march.DidNotOccurReason, march.Observed));
    }

    [Fact]
    public void OneVersionCoveringAQuarter_CoversEachMonthItOverlaps()
    {
        var evidence = EvidenceFor("EV-Q", ["AC-01"], "2026-01-01..2026-03-31");

        var ledger = OperationLedger.ForControl(AccessReview, [evidence], new DateRange(D("2026-01-01"), D("2026-06-30")), D("2026-12-31"));

        Assert.Equal([true, true, true, false, false, false], ledger.Expected.Select(e => e.Observed));
    }

    [Fact]
    public void OneOccurrence_CountsForEveryEngagementWhoseWindowContainsIt()
    {
        var shared = EvidenceFor("EV-JUN", ["AC-01"], "2026-06-10");
        var soc2Only = EvidenceFor("EV-FEB", ["AC-01"], "2026-02-10");
        var isoOnly = EvidenceFor("EV-FEB27", ["AC-01"], "2027-02-10");
        EvidenceItem[] evidence = [shared, soc2Only, isoOnly];

        var soc2 = OperationLedger.ForEngagement(Soc2, [AccessReview], evidence, D("2027-06-01")).Value;
        var iso = OperationLedger.ForEngagement(Surveillance, [AccessReview], evidence, D("2027-06-01")).Value;
        var reuse = OperationLedger.EvidenceReuse([soc2, iso], evidence).ToDictionary(u => u.EvidenceId);

        Assert.Contains(soc2.Controls[0].Expected, e => e.Period.Start == D("2026-06-01") && e.Evidence.Any(o => o.EvidenceId == "EV-JUN"));
        Assert.Contains(iso.Controls[0].Expected, e => e.Period.Start == D("2026-06-01") && e.Evidence.Any(o => o.EvidenceId == "EV-JUN"));
        Assert.Equal(["ISO-S1", "SOC2-2026"], reuse["EV-JUN"].EngagementIds);
        Assert.Equal(["SOC2-2026"], reuse["EV-FEB"].EngagementIds);
        Assert.Equal(["ISO-S1"], reuse["EV-FEB27"].EngagementIds);
    }

    [Fact]
    public void Scope_Soc2_CountsOnlyCategoriesInScopeAndSkipsNotApplicable()
    {
        var privacy = Control("PR-01", Cadence.Annual, "soc2-2017:P4.1");
        var excluded = Control("AC-02", Cadence.Annual, "soc2-2017:CC6.2") with { Status = ImplementationStatus.NotApplicable };
        var isoOnly = Control("HR-01", Cadence.Annual, "iso27001-2022:A.6.3");

        Assert.Equal(["AC-01"], EngagementScope.Controls(Soc2, [AccessReview, privacy, excluded, isoOnly]).Select(c => c.Id));
        Assert.Equal(["AC-01", "PR-01"], EngagementScope.Controls(Soc2 with { Categories = ["privacy"] }, [AccessReview, privacy, excluded, isoOnly]).Select(c => c.Id));
        Assert.Equal(["AC-01", "HR-01"], EngagementScope.Controls(Surveillance, [AccessReview, privacy, excluded, isoOnly]).Select(c => c.Id));
    }

    [Fact]
    public void OnEventControl_ReportsObservedOnly()
    {
        var incident = Control("IR-01", Cadence.OnEvent, "soc2-2017:CC7.4");
        var evidence = EvidenceFor("EV-INC", ["IR-01"], "2026-04-02", "2026-09-18", "2025-12-01");

        var ledger = OperationLedger.ForEngagement(Soc2, [incident], [evidence], D("2027-01-01")).Value.Controls.Single();

        Assert.False(ledger.HasFixedExpectation);
        Assert.Empty(ledger.Expected);
        Assert.Equal(2, ledger.Observed.Count);
    }

    [Fact]
    public void Type1Engagement_HasNoLedger() =>
        Assert.Equal("no-window", OperationLedger.ForEngagement(new Engagement { Id = "T1", Kind = EngagementKind.Soc2Type1, AsOf = D("2026-01-31") }, [AccessReview], [], D("2026-03-01")).Error!.Code);
}
