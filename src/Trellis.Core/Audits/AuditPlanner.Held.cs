using Trellis.Core.Frameworks;

namespace Trellis.Core.Audits;

/// <summary>
/// What a plan starts from when the organization already holds a certificate or a SOC 2 report: both are shown as
/// done, and nothing is planned before today.
/// </summary>
internal sealed partial class PlanBuilder
{
    /// <summary>Audits of the held certificate's current cycle already done (0 without a held certificate).</summary>
    private int IsoAuditsDone => r.IsoCertificate?.AuditsDone(r.Today) ?? 0;

    /// <summary>The first day an ISO audit may be placed: today for a held certificate (the past is done), else unbounded.</summary>
    private DateOnly NotBefore => r.IsoCertificate is null ? DateOnly.MinValue : r.Today;

    private void AddHeldDecision(HeldCertificate held, CertificationCycle cycle)
    {
        var stage = held.StageOn(r.Today);
        var how = held.Stage is null ? " (inferred from the due dates already passed; say otherwise with the cycle stage)" : "";
        var doneAudits = stage switch
        {
            CycleStage.Certified => "no surveillance audit of this cycle yet",
            CycleStage.AfterSurveillance1 => "surveillance audit 1 done",
            _ => "surveillance audits 1 and 2 done",
        };
        Add(PlanEventKind.IsoCertificationDecision, "iso-certification-decision", DateRange.Day(held.IssuedOn), r.IsoFramework,
            "ISO/IEC 27001 certificate held (current cycle's decision)",
            $"Certificate valid through {CalendarDates.Format(cycle.Expiry)}; {doneAudits}{how}. Surveillance in years 1 and 2 (the first within 12 months), recertification before expiry (ISO/IEC 17021-1 9.1.3; docs/audit-cycle.md §2.2).",
            state: PlanEventState.Done);
    }

    private void AddHeldSoc2()
    {
        if (r.Soc2LastPeriod is not { } last)
        {
            return;
        }

        var current = CalendarDates.Format(last.End.AddMonths(AuditRules.ReportCurrencyMonths));
        var bridge = CalendarDates.Format(last.End.AddMonths(AuditRules.BridgeLetterMonths));
        if (last.Days == 1)
        {
            Add(PlanEventKind.Soc2Type1, "soc2-last-report", last, FrameworkIds.Soc2v2017, "SOC 2 Type 1 report held",
                $"Design as of {CalendarDates.Format(last.Start)}; treated as current until {current}. The first Type 2 window starts the next day (docs/audit-cycle.md §1.1, 1.3).",
                state: PlanEventState.Done);
            return;
        }

        Add(PlanEventKind.Soc2Type2Window, "soc2-last-report", last, FrameworkIds.Soc2v2017, "SOC 2 Type 2 report held (last period)",
            $"Period {last}; treated as current until {current}; a bridge letter can cover up to about 3 months after it ({bridge}). The next window starts the next day, back to back (docs/audit-cycle.md §1.3, 1.4).",
            state: PlanEventState.Done);
    }

    /// <summary>An overdue audit: as soon as the internal audit and management review can be held before it (9.2, 9.3).</summary>
    private DateRange Overdue(int days) => AvoidForward(DateRange.Starting(r.Today.AddDays(r.InternalAuditLeadDays), days));
}
