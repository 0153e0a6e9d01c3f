using Trellis.Core.Audits;
using Trellis.Core.Common;
using static Trellis.Testing.AuditFixtures;

namespace Trellis.Core.Tests.Audits;

/// <summary>
/// Planning forward from a certificate and a SOC 2 report already held (issue 16 item 6). Expected dates are
/// computed by hand from docs/audit-cycle.md: the certificate runs 3 years from the decision less a day (§2.2), the
/// first surveillance within 12 months, surveillance every calendar year but the recertification year, recertification
/// before expiry; the next Type 2 window starts the day after the last report's period and runs 12 months (§1.3, 1.4).
/// </summary>
public class HeldCertificatePlanTests
{
    // Certified 2025-03-20: valid through 2028-03-19; surveillance 1 was due by 2026-03-20 (done);
    // surveillance 2 falls in 2027 (2026 had surveillance 1, 2028 is the recertification year).
    private static readonly PlanRequest Certified2025 = new()
    {
        IsoCertificate = new HeldCertificate { IssuedOn = D("2025-03-20"), Stage = CycleStage.AfterSurveillance1 },
        Soc2LastPeriod = new DateRange(D("2025-10-01"), D("2026-09-30")),
        Today = D("2026-12-03"),
    };

    private static IReadOnlyList<PlanEvent> Plan(PlanRequest request) => AuditPlanner.Plan(request).Value.Events;

    [Fact]
    public void Plan_CertifiedIn2025_NextExternalAuditIsSurveillance2BeforeTheSecondAnniversary()
    {
        var events = Plan(Certified2025);
        var next = events.Where(e => e.Kind.IsExternalFieldwork() && e.Start >= D("2026-12-03")).MinBy(e => e.Start)!;

        Assert.Equal(PlanEventKind.IsoSurveillance2, next.Kind);
        Assert.Equal(2027, next.Start.Year);
        Assert.True(next.End <= D("2027-03-20"), $"surveillance 2 ends {next.End}");
    }

    [Fact]
    public void Plan_CertifiedIn2025_NextSoc2WindowIsContiguousTwelveMonths()
    {
        var window = Plan(Certified2025).Where(e => e.Kind == PlanEventKind.Soc2Type2Window && e.State == PlanEventState.Planned).MinBy(e => e.Start)!;

        Assert.Equal(D("2026-10-01"), window.Start);
        Assert.Equal(D("2027-09-30"), window.End);
        Assert.DoesNotContain(window.Warnings, w => w.Code is "window-started" or "soc2-gap");
    }

    [Fact]
    public void Plan_CertifiedIn2025_HeldFactsAreDoneAndNothingIsAtRisk()
    {
        var events = Plan(Certified2025);

        var decision = Assert.Single(events, e => e.Kind == PlanEventKind.IsoCertificationDecision && e.Start == D("2025-03-20"));
        Assert.Equal(PlanEventState.Done, decision.State);
        var report = Assert.Single(events, e => e.Id == "soc2-last-report");
        Assert.Equal(PlanEventState.Done, report.State);
        Assert.Equal((D("2025-10-01"), D("2026-09-30")), (report.Start, report.End));
        Assert.DoesNotContain(events, e => e.Kind is PlanEventKind.IsoStage1 or PlanEventKind.IsoStage2);
        Assert.DoesNotContain(events, e => e.Warnings.Any(w => w.Code == "in-the-past"));
        Assert.All(events.Where(e => e.State == PlanEventState.Planned && e.Kind.IsIsoAudit()), e => Assert.True(e.Start >= D("2026-12-03"), e.Id));
    }

    [Fact]
    public void Plan_CertifiedIn2025_RecertificationEndsBeforeTheCertificateExpires()
    {
        var recert = Assert.Single(Plan(Certified2025), e => e.Id == "iso-recertification-c1");

        // Expiry 2028-03-19; with the 21-day decision lag the audit must end by 2028-02-27.
        Assert.True(recert.End <= D("2028-02-27"), $"recertification ends {recert.End}");
        Assert.DoesNotContain(recert.Warnings, w => w.Firmness == Firmness.Rule);
    }

    [Fact]
    public void Plan_CertifiedIn2025_PlansTheGivenYearsAfterTheAuditsDone()
    {
        var ids = Plan(Certified2025).Where(e => e.Kind.IsIsoAudit()).Select(e => e.Id).ToList();

        Assert.Equal(["iso-surveillance-2-c1", "iso-recertification-c1", "iso-surveillance-1-c2"], ids);
    }

    [Fact]
    public void Plan_StageNotGiven_InfersSurveillance1DoneOnceItsDeadlinePassed()
    {
        var request = Certified2025 with { IsoCertificate = new HeldCertificate { IssuedOn = D("2025-03-20") } };

        Assert.Equal(CycleStage.AfterSurveillance1, request.IsoCertificate!.StageOn(D("2026-12-03")));
        Assert.Equal(CycleStage.Certified, request.IsoCertificate.StageOn(D("2026-03-20")));
        Assert.Equal(CycleStage.AfterSurveillance2, request.IsoCertificate.StageOn(D("2027-03-21")));
        Assert.Equal("iso-surveillance-2-c1", Plan(request).First(e => e.Kind.IsIsoAudit()).Id);
    }

    [Fact]
    public void Plan_Surveillance1NotDoneAfterItsDeadline_IsPlacedAfterTodayAndFlaggedLate()
    {
        var request = Certified2025 with { IsoCertificate = new HeldCertificate { IssuedOn = D("2025-03-20"), Stage = CycleStage.Certified } };

        var s1 = Assert.Single(Plan(request), e => e.Id == "iso-surveillance-1-c1");

        Assert.True(s1.Start > D("2026-12-03"));
        Assert.Contains(s1.Warnings, w => w.Code == "iso-surveillance1-late" && w.Firmness == Firmness.Rule);
    }

    [Fact]
    public void Plan_HeldType1_FirstType2WindowStartsTheNextDay()
    {
        var request = new PlanRequest { Soc2LastPeriod = DateRange.Day(D("2026-06-30")), Today = D("2026-12-03") };

        var events = Plan(request);
        var window = events.First(e => e.Kind == PlanEventKind.Soc2Type2Window);

        Assert.Equal(D("2026-07-01"), window.Start);
        Assert.Equal(D("2027-06-30"), window.End);
        Assert.Equal(PlanEventKind.Soc2Type1, Assert.Single(events, e => e.State == PlanEventState.Done).Kind);
    }

    [Theory]
    [InlineData("2027-01-10", null, "after today")]
    [InlineData("2023-03-20", null, "expired after 2026-03-19")]
    [InlineData("2025-03-20", "2026-12-31", "has not ended")]
    public void Validate_HeldFactsThatCannotBe_AreRefused(string issuedOn, string? periodEnd, string message)
    {
        var request = Certified2025 with
        {
            IsoCertificate = new HeldCertificate { IssuedOn = D(issuedOn) },
            Soc2LastPeriod = new DateRange(D("2026-01-01"), D(periodEnd ?? "2026-09-30")),
        };

        var error = AuditPlanner.Plan(request).Error!;

        Assert.Equal(ErrorCodes.InvalidAnchor, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PlannedDecisionAndHeldCertificate_AreRefusedTogether()
    {
        var error = AuditPlanner.Plan(Certified2025 with { CertificationDecision = D("2027-06-01") }).Error!;

        Assert.Equal(ErrorCodes.InvalidAnchor, error.Code);
    }

    [Fact]
    public void FromPlan_HeldReport_IsAnEngagementWithItsWindowOnly()
    {
        var held = Assert.Single(PlanEngagements.FromPlan(Plan(Certified2025)), e => e.Id == "soc2-last-report");

        Assert.Equal(D("2026-09-30"), held.Window!.End);
        Assert.Null(held.Fieldwork);
        Assert.Null(held.ReportDate);
    }
}
