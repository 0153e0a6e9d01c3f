using Trellis.Core.Audits;
using static Trellis.Testing.AuditFixtures;

namespace Trellis.Core.Tests.Audits;

/// <summary>
/// The planner against what a compliance lead checks: the 12-month rule, surveillance every calendar year,
/// recertification before expiry (2.2), Type 2 windows back to back (1.3, 1.4), an internal audit and a
/// management review before every external audit (9.2, 9.3).
/// </summary>
public class AuditPlannerTests
{
    private static readonly PlanRequest Example = new()
    {
        CertificationDecision = D("2026-03-15"),
        Soc2Start = D("2026-01-01"),
        Years = 3,
        Today = D("2025-11-01"),
    };

    private static IReadOnlyList<PlanEvent> Plan(PlanRequest request) => AuditPlanner.Plan(request).Value.Events;

    private static PlanEvent One(IReadOnlyList<PlanEvent> events, PlanEventKind kind) => Assert.Single(events, e => e.Kind == kind);

    [Fact]
    public void Example_Surveillance1_EndsWithinTwelveMonthsOfTheDecision()
    {
        var s1 = One(Plan(Example), PlanEventKind.IsoSurveillance1);

        Assert.True(s1.End <= D("2027-03-15"), $"surveillance 1 ends {s1.End}");
        Assert.True(s1.Start > D("2026-03-15"));
    }

    [Fact]
    public void Example_Surveillance2_IsIn2028BeforeTheSecondAnniversary()
    {
        var s2 = One(Plan(Example), PlanEventKind.IsoSurveillance2);

        Assert.Equal(2028, s2.Start.Year);
        Assert.True(s2.End < D("2028-03-15"));
    }

    [Fact]
    public void Example_Recertification_EndsBeforeTheCertificateExpires()
    {
        var events = Plan(Example);
        var recert = One(events, PlanEventKind.IsoRecertification);

        Assert.True(recert.End < D("2029-03-15"));
        Assert.True(recert.Start > One(events, PlanEventKind.IsoSurveillance2).End);
    }

    [Fact]
    public void Example_StagesPrecedeTheDecision()
    {
        var events = Plan(Example);
        var (stage1, stage2, decision) = (One(events, PlanEventKind.IsoStage1), One(events, PlanEventKind.IsoStage2), One(events, PlanEventKind.IsoCertificationDecision));

        Assert.True(stage1.End < stage2.Start);
        Assert.True(stage2.End < decision.Start);
        Assert.Equal(D("2026-03-15"), decision.Start);
        Assert.InRange(stage2.Start.DayNumber - stage1.End.DayNumber, 14, 56); // "within weeks" (2.2)
    }

    [Fact]
    public void Example_Type2Windows_AreBackToBackFromTheStartWithNoGap()
    {
        var windows = Plan(Example).Where(e => e.Kind == PlanEventKind.Soc2Type2Window).ToList();

        Assert.Equal(3, windows.Count);
        Assert.Equal(D("2026-01-01"), windows[0].Start);
        for (var i = 1; i < windows.Count; i++)
        {
            Assert.Equal(windows[i - 1].End.AddDays(1), windows[i].Start);
        }

        Assert.All(windows, w => Assert.InRange(new ObservationWindow(w.Start, w.End).Months, 3, 12));
        Assert.All(windows.Skip(1), w => Assert.Equal(12, new ObservationWindow(w.Start, w.End).Months));
    }

    [Fact]
    public void Example_EveryExternalAudit_HasAnInternalAuditThenAManagementReviewBeforeIt()
    {
        var events = Plan(Example);
        foreach (var x in events.Where(e => e.Kind.IsExternalFieldwork()))
        {
            var audit = events.Where(e => e.Kind == PlanEventKind.InternalAudit && e.End < x.Start && x.Start.DayNumber - e.End.DayNumber <= 120).MaxBy(e => e.End);
            Assert.True(audit is not null, $"no internal audit before {x.Title} {x.Start}");
            Assert.Contains(events, m => m.Kind == PlanEventKind.ManagementReview && m.Start > audit!.End && m.End < x.Start);
        }
    }

    [Fact]
    public void Example_IsoSurveillance_SharesTheEvidenceSeasonOfASoc2Fieldwork()
    {
        var events = Plan(Example);
        var soc2 = events.Where(e => e.Kind == PlanEventKind.Soc2Fieldwork).ToList();
        foreach (var iso in events.Where(e => e.Kind is PlanEventKind.IsoSurveillance1 or PlanEventKind.IsoSurveillance2 or PlanEventKind.IsoRecertification))
        {
            Assert.Contains(soc2, f => Math.Abs(iso.Start.DayNumber - f.End.DayNumber) <= 60);
        }
    }

    [Fact]
    public void Example_FieldworksAreAtLeastTheMinimumSpacingApart_AndThePlanHasNoWarnings()
    {
        var events = Plan(Example);
        var fieldwork = events.Where(e => e.Kind.IsExternalFieldwork() && e.Kind is not PlanEventKind.IsoStage1 and not PlanEventKind.IsoStage2).OrderBy(e => e.Start).ToList();

        for (var i = 1; i < fieldwork.Count; i++)
        {
            Assert.True(fieldwork[i].Start.DayNumber - fieldwork[i - 1].End.DayNumber >= 30, $"{fieldwork[i - 1].Title} → {fieldwork[i].Title}");
        }

        Assert.Empty(events.SelectMany(e => e.Warnings));
    }

    [Fact]
    public void Reports_FollowEachWindowEndBySixWeeks()
    {
        var events = Plan(Example);
        var windows = events.Where(e => e.Kind == PlanEventKind.Soc2Type2Window).ToList();
        var reports = events.Where(e => e.Kind == PlanEventKind.Soc2Report).ToList();

        Assert.Equal(windows.Select(w => w.End.AddDays(42)), reports.Select(r => r.Start));
    }

    [Fact]
    public void DecisionInThePast_PlansNoStages_AndStartsTheInternalAuditToday()
    {
        var events = Plan(Example with { Today = D("2026-11-27") });

        Assert.DoesNotContain(events, e => e.Kind is PlanEventKind.IsoStage1 or PlanEventKind.IsoStage2);
        Assert.Empty(One(events, PlanEventKind.IsoCertificationDecision).Warnings);
        Assert.Equal(D("2026-11-27"), events.First(e => e.Kind == PlanEventKind.InternalAudit).Start);
        Assert.Contains(events.First(e => e.Kind == PlanEventKind.Soc2Type2Window).Warnings, w => w.Code == "window-started");
    }

    [Fact]
    public void EventsBeforeToday_AreFlaggedAsAtRisk()
    {
        var events = Plan(Example with { Today = D("2027-03-01") });

        var fieldwork = events.First(e => e.Kind == PlanEventKind.Soc2Fieldwork);
        Assert.Contains(fieldwork.Warnings, w => w.Code == "in-the-past" && w.Message.Contains("2027-03-01", StringComparison.Ordinal));
    }

    [Fact]
    public void Blackout_IsAvoidedByMovingTheFieldwork()
    {
        var blackout = new DateRange(D("2027-01-01"), D("2027-01-20"));
        var events = Plan(Example with { Blackouts = [blackout] });

        Assert.DoesNotContain(events, e => e.Kind.IsActivity() && e.Range.Overlaps(blackout));
        Assert.Equal(D("2027-01-21"), events.First(e => e.Kind == PlanEventKind.Soc2Fieldwork).Start);
        Assert.True(One(events, PlanEventKind.IsoSurveillance1).End <= D("2027-03-15"));
        Assert.DoesNotContain(events.SelectMany(e => e.Warnings), w => w.Firmness == Firmness.Rule);
    }

    [Fact]
    public void Checks_FieldworksTooCloseAndInABlackout_AreReportedOnTheEvent()
    {
        static PlanEvent Fieldwork(string id, PlanEventKind kind, string start, string end) =>
            new() { Id = id, Kind = kind, Start = D(start), End = D(end), Framework = "x", Title = id };
        var events = new[]
        {
            Fieldwork("a", PlanEventKind.Soc2Fieldwork, "2027-01-07", "2027-01-16"),
            Fieldwork("b", PlanEventKind.IsoSurveillance1, "2027-02-05", "2027-02-06"),
        };
        var request = Example with { Blackouts = [new DateRange(D("2027-02-06"), D("2027-02-10"))] };

        var b = PlanChecks.Apply(events, [], request).Single(e => e.Id == "b");

        Assert.Contains(b.Warnings, w => w.Code == "fieldwork-spacing" && w.Message.Contains("20 days", StringComparison.Ordinal));
        Assert.Contains(b.Warnings, w => w.Code == "blackout");
    }

    [Fact]
    public void PlanChecks_ExactlyTheMinimumSpacing_IsNotAConflict() =>
        Assert.False(PlanChecks.TooClose(new DateRange(D("2027-01-07"), D("2027-01-16")), new DateRange(D("2027-02-15"), D("2027-02-16")), 30));

    [Fact]
    public void FirstWindowMonths_IsHonoured_AndLaterWindowsAreTwelveMonths()
    {
        var windows = Plan(Example with { FirstWindowMonths = 6 }).Where(e => e.Kind == PlanEventKind.Soc2Type2Window).ToList();

        Assert.Equal((D("2026-01-01"), D("2026-06-30")), (windows[0].Start, windows[0].End));
        Assert.Equal((D("2026-07-01"), D("2027-06-30")), (windows[1].Start, windows[1].End));
    }

    [Fact]
    public void FirstWindow_FromThirtyFirstJanuary_EndsOnAMonthEndAndTheNextStartsTheDayAfter()
    {
        var windows = Plan(Example with { Soc2Start = D("2026-01-31") }).Where(e => e.Kind == PlanEventKind.Soc2Type2Window).ToList();

        Assert.True(CalendarDates.IsMonthEnd(windows[0].End));
        Assert.InRange(new ObservationWindow(windows[0].Start, windows[0].End).Months, 3, 12);
        Assert.Equal(windows[0].End.AddDays(1), windows[1].Start);
    }

    [Fact]
    public void FiveYears_ContinuesIntoTheNextCycle_WithItsOwnTwelveMonthRule()
    {
        var plan = AuditPlanner.Plan(Example with { Years = 5 }).Value;
        var next = plan.Cycles[1];
        var s1 = plan.Events.Single(e => e.Id == "iso-surveillance-1-c2");

        Assert.Equal(D("2032-03-14"), next.Expiry); // recertified before expiry: runs on from 2029-03-14
        Assert.True(s1.End <= next.Surveillance1Deadline);
        Assert.DoesNotContain(plan.Warnings, w => w.Firmness == Firmness.Rule);
    }

    [Fact]
    public void Soc2Only_HasNoIsoEventsAndAnInternalReviewBeforeEachFieldwork()
    {
        var events = Plan(new PlanRequest { Soc2Start = D("2027-02-01"), Years = 2, Today = D("2026-11-27") });

        Assert.DoesNotContain(events, e => e.Kind.IsIsoAudit() || e.Kind is PlanEventKind.ManagementReview or PlanEventKind.IsoCertificationDecision);
        Assert.Equal(2, events.Count(e => e.Kind == PlanEventKind.InternalAudit));
        Assert.Empty(events.SelectMany(e => e.Warnings));
    }

    [Fact]
    public void Soc2StartedLongBeforeTheDecision_StillSharesSeasonsThroughRecertification()
    {
        var events = Plan(new PlanRequest { CertificationDecision = D("2026-07-20"), Soc2Start = D("2025-04-01"), Today = D("2025-03-01") });

        Assert.DoesNotContain(events.SelectMany(e => e.Warnings), w => w.Code == "iso-not-synchronized");
        Assert.True(One(events, PlanEventKind.IsoRecertification).End <= D("2029-07-19"));
    }

    [Fact]
    public void AnyDecisionAndStart_PlanKeepsEveryIsoRuleAndLeavesNoSoc2Gap()
    {
        var failures = new List<string>();
        foreach (var decision in Enumerable.Range(0, 24).SelectMany(m => new[] { 1, 15, 31 }.Select(d => CalendarDates.MonthEnd(D("2026-01-01").AddMonths(m)) is var end && d > end.Day ? end : new DateOnly(end.Year, end.Month, d))))
        {
            foreach (var offset in new[] { -14, -9, -3, 0, 2, 5 })
            {
                var start = new DateOnly(decision.Year, decision.Month, 1).AddMonths(offset);
                var events = Plan(new PlanRequest { CertificationDecision = decision, Soc2Start = start, Today = start.AddMonths(-4) });
                failures.AddRange(events.SelectMany(e => e.Warnings)
                    .Where(w => w.Firmness == Firmness.Rule || w.Code is "soc2-coverage-gap" or "fieldwork-spacing" or "no-internal-audit" or "no-management-review" or "type2-window-short" or "type2-window-long" or "iso-not-synchronized")
                    .Select(w => $"decision {decision}, SOC 2 start {start}: {w}"));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }

    [Theory]
    [InlineData(null, null, 3, "nothing-to-plan")]
    [InlineData("2026-03-15", null, 0, "invalid-years")]
    [InlineData("2026-03-15", null, 11, "invalid-years")]
    public void InvalidRequest_IsTypedError(string? decision, string? start, int years, string code)
    {
        var request = new PlanRequest
        {
            CertificationDecision = decision is null ? null : D(decision),
            Soc2Start = start is null ? null : D(start),
            Years = years,
            Today = D("2026-01-01"),
        };

        Assert.Equal(code, AuditPlanner.Plan(request).Error!.Code);
    }

    [Fact]
    public void InvalidFirstWindow_IsTypedError() => Assert.Equal("invalid-window", AuditPlanner.Plan(Example with { FirstWindowMonths = 13 }).Error!.Code);

    [Fact]
    public void EventIds_AreStableWhenDatesChange()
    {
        var a = Plan(Example).Select(e => e.Id).Order(StringComparer.Ordinal);
        var b = Plan(Example with { Blackouts = [new DateRange(D("2027-01-01"), D("2027-01-20"))] }).Select(e => e.Id).Order(StringComparer.Ordinal);

        Assert.Equal(a, b);
        Assert.Equal(Plan(Example).Count, Plan(Example).Select(e => e.Id).Distinct().Count());
    }
}
