using Trellis.Core.Audits;
using Trellis.Core.Crosswalk;
using static Trellis.Testing.AuditFixtures;

namespace Trellis.Core.Tests.Audits;

/// <summary>ISO/IEC 27001 10.2 (nonconformity and corrective action) as one lifecycle for ISO and SOC 2 findings.</summary>
public class FindingLifecycleTests
{
    private static readonly Finding Minor = new()
    {
        Id = "F-01",
        Kind = FindingKind.MinorNonconformity,
        EngagementId = "ISO-S1",
        Title = "Two leavers kept access for 10 days",
        RaisedOn = D("2027-02-16"),
        ControlIds = ["AC-03"],
        Requirements = [new RequirementRef("iso27001-2022", "A.5.18"), new RequirementRef("soc2-2017", "CC6.2")],
    };

    private static readonly CorrectiveAction Automate = new("CA-1", "Automate deprovisioning from the HR system", "it-lead@example.test", D("2027-04-30"));

    private static Finding Planned() => FindingLifecycle.PlanActions(Minor, "Leavers were removed by hand from a weekly list", [Automate], D("2027-02-20")).Value;

    [Fact]
    public void FullLifecycle_OpenToClosed_RecordsEveryStep()
    {
        var f = Planned();
        f = FindingLifecycle.CompleteAction(f, "CA-1", D("2027-04-10")).Value;
        f = FindingLifecycle.Resolve(f, D("2027-04-10")).Value;
        f = FindingLifecycle.VerifyEffectiveness(f, new EffectivenessCheck(D("2027-07-01"), "internal audit", true, "no late removals in Q2")).Value;
        f = FindingLifecycle.Close(f, D("2027-07-02")).Value;

        Assert.Equal(FindingStatus.Closed, f.Status);
        Assert.Equal(
            [FindingStatus.ActionPlanned, FindingStatus.Resolved, FindingStatus.VerifiedEffective, FindingStatus.Closed],
            f.History.Select(h => h.To));
        Assert.Equal(D("2027-04-10"), f.Actions.Single().CompletedOn);
        Assert.Empty(FindingLifecycle.NextSteps(f));
    }

    [Fact]
    public void Close_FromOpenNonconformity_IsInvalidTransitionNamingTheNextStep()
    {
        var error = FindingLifecycle.Close(Minor, D("2027-03-01")).Error!;

        Assert.Equal("invalid-transition", error.Code);
        Assert.Contains("action-planned", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_FromOpen_IsInvalidTransition() => Assert.Equal("invalid-transition", FindingLifecycle.Resolve(Minor, D("2027-03-01")).Error!.Code);

    [Fact]
    public void VerifyEffectiveness_BeforeResolved_IsInvalidTransition() =>
        Assert.Equal("invalid-transition", FindingLifecycle.VerifyEffectiveness(Planned(), new EffectivenessCheck(D("2027-05-01"), "auditor", true)).Error!.Code);

    [Fact]
    public void PlanActions_WithoutRootCause_IsRejectedFor10_2b() =>
        Assert.Equal("missing-root-cause", FindingLifecycle.PlanActions(Minor, " ", [Automate], D("2027-02-20")).Error!.Code);

    [Fact]
    public void PlanActions_WithoutActions_IsRejected() =>
        Assert.Equal("missing-corrective-action", FindingLifecycle.PlanActions(Minor, "cause", [], D("2027-02-20")).Error!.Code);

    [Fact]
    public void PlanActions_ActionWithoutOwnerOrDueInThePast_IsRejected()
    {
        Assert.Equal("invalid-action", FindingLifecycle.PlanActions(Minor, "cause", [Automate with { Owner = "" }], D("2027-02-20")).Error!.Code);
        Assert.Equal("invalid-action", FindingLifecycle.PlanActions(Minor, "cause", [Automate with { DueDate = D("2027-02-19") }], D("2027-02-20")).Error!.Code);
    }

    [Fact]
    public void Resolve_WithAnOpenAction_IsRejected() =>
        Assert.Equal("actions-open", FindingLifecycle.Resolve(Planned(), D("2027-04-10")).Error!.Code);

    [Fact]
    public void IneffectiveActions_ReopenTheFinding_ForANewCauseAnalysis()
    {
        var resolved = FindingLifecycle.Resolve(FindingLifecycle.CompleteAction(Planned(), "CA-1", D("2027-04-10")).Value, D("2027-04-10")).Value;

        var reopened = FindingLifecycle.VerifyEffectiveness(resolved, new EffectivenessCheck(D("2027-07-01"), "internal audit", false, "one late removal in June")).Value;
        var replanned = FindingLifecycle.PlanActions(reopened, "The HR feed skipped contractors", [new CorrectiveAction("CA-2", "Add contractors to the feed", "hr@example.test", D("2027-08-31"))], D("2027-07-02")).Value;

        Assert.Equal(FindingStatus.Open, reopened.Status);
        Assert.Equal(FindingStatus.ActionPlanned, replanned.Status);
        Assert.Equal(["CA-1", "CA-2"], replanned.Actions.Select(a => a.Id));
        Assert.Single(replanned.EffectivenessChecks);
    }

    [Fact]
    public void OpportunityForImprovement_ClosesWithoutCorrectiveAction_ButNeedsADecisionNote()
    {
        var ofi = Minor with { Id = "F-02", Kind = FindingKind.OpportunityForImprovement };

        Assert.Equal("invalid-action", FindingLifecycle.Close(ofi, D("2027-03-01")).Error!.Code);
        Assert.Equal(FindingStatus.Closed, FindingLifecycle.Close(ofi, D("2027-03-01"), "accepted: add to next year's roadmap").Value.Status);
    }

    [Fact]
    public void Soc2Exception_FollowsTheSameLifecycle()
    {
        var exception = Minor with { Id = "F-03", Kind = FindingKind.Exception, EngagementId = "SOC2-2026" };

        Assert.Equal(FindingStatus.ActionPlanned, FindingLifecycle.PlanActions(exception, "manual process", [Automate], D("2027-02-20")).Value.Status);
        Assert.Equal("soc2-exception", exception.Kind.ToWire());
        Assert.True(FindingWire.TryParse("soc2-deviation", out FindingKind k) && k == FindingKind.Exception);
    }

    [Fact]
    public void Step_DatedBeforeTheLastStep_IsRejected() =>
        Assert.Equal("date-before-history", FindingLifecycle.PlanActions(Minor, "cause", [Automate], D("2027-02-15")).Error!.Code);

    [Fact]
    public void OverdueActions_AreThoseOpenPastTheirDueDate()
    {
        var f = Planned();

        Assert.Empty(f.OverdueActions(D("2027-04-30")));
        Assert.Equal(["CA-1"], f.OverdueActions(D("2027-05-01")).Select(a => a.Id));
    }
}
