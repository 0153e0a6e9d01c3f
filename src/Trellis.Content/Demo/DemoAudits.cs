using Trellis.Core.Audits;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;

namespace Trellis.Content.Demo;

/// <summary>The demo company's engagements and findings.</summary>
/// <param name="Engagements">Engagements in plan order.</param>
/// <param name="Findings">Findings in their lifecycle.</param>
public sealed record DemoAuditSet(IReadOnlyList<Engagement> Engagements, IReadOnlyList<Finding> Findings);

/// <summary>
/// The demo company's audit calendar: an ISO certification decided eight months ago, SOC 2 Type 2 windows back to
/// back from eleven months ago, both planned by the real planner; and two findings in their lifecycle (a minor
/// nonconformity from the stage 2 audit with an action planned, and an open SOC 2 exception).
/// </summary>
public static class DemoAudits
{
    /// <summary>The firm that examines the demo company for SOC 2.</summary>
    public const string CpaFirm = "Example CPA LLP";

    /// <summary>The demo company's certification body.</summary>
    public const string CertificationBody = "Example Certification Ltd";

    /// <summary>Builds the set relative to <paramref name="today"/>.</summary>
    public static DemoAuditSet Create(DateOnly today)
    {
        var decision = new DateOnly(today.Year, today.Month, 15).AddMonths(-8);
        var soc2Start = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var plan = AuditPlanner.Plan(new PlanRequest
        {
            CertificationDecision = decision,
            Soc2Start = soc2Start,
            Years = 3,
            Today = soc2Start.AddMonths(-2),
        });
        if (!plan.IsSuccess)
        {
            throw new InvalidOperationException($"the demo calendar does not plan: {plan.Error}");
        }

        var engagements = PlanEngagements.FromPlan(plan.Value.Events, firm: CpaFirm, certificationBody: CertificationBody);
        var stage2 = engagements.FirstOrDefault(e => e.Kind == EngagementKind.IsoStage2);
        var type2 = engagements.FirstOrDefault(e => e.Kind == EngagementKind.Soc2Type2 && e.Window is { } w && w.Start <= today && today <= w.End)
            ?? engagements.FirstOrDefault(e => e.Kind == EngagementKind.Soc2Type2);
        Finding[] findings =
        [
            new()
            {
                Id = "F-001", Kind = FindingKind.MinorNonconformity, EngagementId = stage2?.Id,
                Title = "Backup restore tests not recorded for two quarters", RaisedOn = decision.AddDays(-20),
                ControlIds = ["AC-49"], Requirements = [new RequirementRef(FrameworkIds.Iso27001v2022, "A.8.13")],
                Status = FindingStatus.ActionPlanned, RootCause = "Restore test owner left; task not reassigned",
                Actions = [new CorrectiveAction("CA-001", "Reassign restore tests and add a quarterly reminder", "ops@northwind.example", decision.AddMonths(2))],
            },
            new()
            {
                Id = "F-002", Kind = FindingKind.Exception, EngagementId = type2?.Id,
                Title = "Two leavers kept access beyond the 24-hour SLA", RaisedOn = today.AddMonths(-1),
                ControlIds = ["AC-03"], Requirements = [new RequirementRef(FrameworkIds.Soc2v2017, "CC6.2"), new RequirementRef(FrameworkIds.Iso27001v2022, "A.5.18")],
            },
        ];
        return new DemoAuditSet(engagements, findings);
    }
}
