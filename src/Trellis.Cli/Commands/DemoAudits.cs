using Trellis.Core.Audits;
using Trellis.Core.Crosswalk;
using Trellis.Data;

namespace Trellis.Cli.Commands;

/// <summary>
/// The demo company's audit calendar: an ISO certification decided eight months ago, SOC 2 Type 2 windows back to
/// back from eleven months ago, both planned by the real planner; and two findings in their lifecycle.
/// </summary>
internal static class DemoAudits
{
    public static async Task<int> SaveAsync(TrellisDatabase database, DateOnly today, CancellationToken ct)
    {
        var decision = new DateOnly(today.Year, today.Month, 15).AddMonths(-8);
        var soc2Start = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var plan = CliContext.Require(AuditPlanner.Plan(new PlanRequest
        {
            CertificationDecision = decision,
            Soc2Start = soc2Start,
            Years = 3,
            Today = soc2Start.AddMonths(-2),
        }));
        var store = new AuditStore(database);
        var engagements = PlanEngagements.FromPlan(plan.Events, firm: "Example CPA LLP", certificationBody: "Example Certification Ltd");
        foreach (var e in engagements)
        {
            CliContext.Require(await store.SaveEngagementAsync(e, cancellationToken: ct).ConfigureAwait(false));
        }

        var stage2 = engagements.FirstOrDefault(e => e.Kind == EngagementKind.IsoStage2);
        Finding[] findings =
        [
            new()
            {
                Id = "F-001", Kind = FindingKind.MinorNonconformity, EngagementId = stage2?.Id,
                Title = "Backup restore tests not recorded for two quarters", RaisedOn = decision.AddDays(-20),
                ControlIds = ["AC-49"], Requirements = [new RequirementRef("iso27001-2022", "A.8.13")],
                Status = FindingStatus.ActionPlanned, RootCause = "Restore test owner left; task not reassigned",
                Actions = [new CorrectiveAction("CA-001", "Reassign restore tests and add a quarterly reminder", "ops@northwind.example", decision.AddMonths(2))],
            },
            new()
            {
                Id = "F-002", Kind = FindingKind.Exception,
                Title = "Two leavers kept access beyond the 24-hour SLA", RaisedOn = today.AddMonths(-1),
                ControlIds = ["AC-03"], Requirements = [new RequirementRef("soc2-2017", "CC6.2"), new RequirementRef("iso27001-2022", "A.5.18")],
            },
        ];
        foreach (var f in findings)
        {
            CliContext.Require(await store.SaveFindingAsync(f, cancellationToken: ct).ConfigureAwait(false));
        }

        return engagements.Count;
    }
}
