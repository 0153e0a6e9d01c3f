namespace Trellis.Core.Audits;

/// <summary>Turns an accepted plan into the engagements to keep on the calendar (<c>trellis plan --save</c>).</summary>
public static class PlanEngagements
{
    /// <summary>
    /// One engagement per audit event: a SOC 2 Type 2 window takes the first fieldwork and report after its end;
    /// a Type 1 its as-of date; ISO audits, internal audits and management reviews their dates as fieldwork; stage 2
    /// takes the certification decision as its report date. Decisions, fieldworks and reports are not engagements
    /// of their own. A held report's period (done) becomes an engagement with its window only.
    /// </summary>
    public static IReadOnlyList<Engagement> FromPlan(IReadOnlyList<PlanEvent> events, string firm = "", string certificationBody = "")
    {
        ArgumentNullException.ThrowIfNull(events);
        PlanEvent? After(PlanEventKind kind, DateOnly day) =>
            events.Where(e => e.Kind == kind && e.Start >= day).OrderBy(e => e.Start).FirstOrDefault();

        var result = new List<Engagement>();
        foreach (var e in events.OrderBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            Engagement? engagement = e.Kind switch
            {
                PlanEventKind.Soc2Type2Window => new Engagement
                {
                    Id = e.Id,
                    Kind = EngagementKind.Soc2Type2,
                    Title = e.Title,
                    Firm = firm,
                    Window = new ObservationWindow(e.Start, e.End),
                    // A held report's period had its own fieldwork and report, not the next window's.
                    Fieldwork = e.State == PlanEventState.Planned && After(PlanEventKind.Soc2Fieldwork, e.End) is { } f ? new DateRange(f.Start, f.End) : null,
                    ReportDate = e.State == PlanEventState.Planned ? After(PlanEventKind.Soc2Report, e.End)?.Start : null,
                },
                PlanEventKind.Soc2Type1 => new Engagement { Id = e.Id, Kind = EngagementKind.Soc2Type1, Title = e.Title, Firm = firm, AsOf = e.Start },
                PlanEventKind.IsoStage1 => Fieldwork(e, EngagementKind.IsoStage1, certificationBody),
                PlanEventKind.IsoStage2 => Fieldwork(e, EngagementKind.IsoStage2, certificationBody) with
                {
                    ReportDate = After(PlanEventKind.IsoCertificationDecision, e.End)?.Start,
                },
                PlanEventKind.IsoSurveillance1 => Fieldwork(e, EngagementKind.IsoSurveillance1, certificationBody),
                PlanEventKind.IsoSurveillance2 => Fieldwork(e, EngagementKind.IsoSurveillance2, certificationBody),
                PlanEventKind.IsoRecertification => Fieldwork(e, EngagementKind.IsoRecertification, certificationBody),
                PlanEventKind.InternalAudit => Fieldwork(e, EngagementKind.InternalAudit, ""),
                PlanEventKind.ManagementReview => Fieldwork(e, EngagementKind.ManagementReview, ""),
                _ => null,
            };
            if (engagement is not null)
            {
                result.Add(engagement);
            }
        }

        return result;
    }

    private static Engagement Fieldwork(PlanEvent e, EngagementKind kind, string firm) =>
        new() { Id = e.Id, Kind = kind, Title = e.Title, Firm = firm, Fieldwork = new DateRange(e.Start, e.End) };
}
