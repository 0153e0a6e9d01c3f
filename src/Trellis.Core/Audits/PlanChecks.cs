namespace Trellis.Core.Audits;

/// <summary>
/// The checks run over a plan's events; each finding is attached to the event it concerns and cites its rule:
/// fieldwork closer than the minimum spacing and activities in a blackout [planning]; Type 2 window length
/// [practice 1.3] and uncovered SOC 2 days [practice 1.4]; the certification cycle rules [rule 2.2, 2.3]; an
/// activity or report dated before today [planning]; an external audit without an internal audit (9.2) and
/// management review (9.3) before it [practice 2.5].
/// </summary>
public static class PlanChecks
{
    /// <summary>How far back an internal audit still counts as "before" an external audit.</summary>
    public const int InternalAuditReachDays = 180;

    /// <summary>
    /// True when neither range starts at least <paramref name="spacingDays"/> days after the other ends
    /// (2027-01-16 to 2027-02-15 is 30 days).
    /// </summary>
    public static bool TooClose(DateRange a, DateRange b, int spacingDays) =>
        b.Start.DayNumber - a.End.DayNumber < spacingDays && a.Start.DayNumber - b.End.DayNumber < spacingDays;

    /// <summary>Returns the events, ordered by start date, with every check's warnings added to those they already carry.</summary>
    public static IReadOnlyList<PlanEvent> Apply(IEnumerable<PlanEvent> events, IReadOnlyList<CertificationCycle> cycles, PlanRequest request)
    {
        var all = events.ToList();
        var found = all.ToDictionary(e => e.Id, e => new List<RuleWarning>(e.Warnings));

        // What already happened (a held certificate's decision, a held report's period) is not checked again.
        var list = all.Where(e => e.State == PlanEventState.Planned).ToList();
        void Warn(PlanEvent e, RuleWarning w) => found[e.Id].Add(w);

        CheckSpacing(list, request.MinimumFieldworkSpacingDays, Warn);
        foreach (var e in list.Where(e => e.Kind.IsActivity()))
        {
            foreach (var b in request.Blackouts.Where(b => b.Overlaps(e.Range)))
            {
                Warn(e, new RuleWarning("blackout", $"{e.Title} ({e.Range}) falls in the blackout {b}", Firmness.Planning, "planning setting: blackout dates"));
            }
        }

        CheckSoc2Coverage(list, request, Warn);
        for (var i = 0; i < cycles.Count; i++)
        {
            foreach (var w in cycles[i].Check())
            {
                var id = w.Subject is "iso-stage1" or "iso-stage2" or "iso-certification-decision" ? w.Subject : $"{w.Subject}-c{i + 1}";

                // A cycle part outside the planned years is not "missing": the plan deliberately stops there.
                if (list.FirstOrDefault(e => e.Id == id) is { } target)
                {
                    Warn(target, w);
                }
            }
        }

        foreach (var e in list.Where(e => (e.Kind.IsActivity() || e.Kind is PlanEventKind.Soc2Report or PlanEventKind.Soc2Type1) && e.Start < request.Today))
        {
            Warn(e, new RuleWarning(
                "in-the-past",
                $"{e.Title} is planned for {CalendarDates.Format(e.Start)}, before today ({CalendarDates.Format(request.Today)}): the date is at risk; record what happened or reschedule",
                Firmness.Planning,
                "today's date"));
        }

        CheckInternalAudits(list, request.IsoDecision is not null, Warn);
        return all
            .Select(e => e with { Warnings = found[e.Id] })
            .OrderBy(e => e.Start).ThenBy(e => e.Kind).ThenBy(e => e.End)
            .ToList();
    }

    private static void CheckSpacing(List<PlanEvent> events, int spacing, Action<PlanEvent, RuleWarning> warn)
    {
        var fieldwork = events.Where(e => e.Kind.IsExternalFieldwork()).OrderBy(e => e.Start).ThenBy(e => e.End).ToList();
        for (var j = 1; j < fieldwork.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                var (a, b) = (fieldwork[i], fieldwork[j]);

                // Stage 1 and stage 2 are two stages of one initial audit, "usually within weeks" (2.2).
                var stages = a.Kind == PlanEventKind.IsoStage1 && b.Kind == PlanEventKind.IsoStage2;
                if (!stages && TooClose(a.Range, b.Range, spacing))
                {
                    var days = b.Start.DayNumber - a.End.DayNumber;
                    var how = days <= 0 ? $"overlaps {a.Title} ({a.Range})" : $"starts {days} days after {a.Title} ({a.Range}) ends";
                    warn(b, new RuleWarning("fieldwork-spacing", $"{b.Title} {how}; the minimum spacing between fieldworks is {spacing} days", Firmness.Planning, "planning setting: minimum spacing between fieldworks"));
                }
            }
        }
    }

    private static void CheckSoc2Coverage(List<PlanEvent> events, PlanRequest request, Action<PlanEvent, RuleWarning> warn)
    {
        var windows = events.Where(e => e.Kind == PlanEventKind.Soc2Type2Window).OrderBy(e => e.Start).ToList();
        foreach (var e in windows)
        {
            foreach (var w in EngagementRules.CheckWindow(new ObservationWindow(e.Start, e.End)))
            {
                warn(e, w);
            }

            // The window right after a held report's period is the running one: evidence accrues as it always has.
            if (e.Start < request.Today && e.Start != request.Soc2LastPeriod?.End.AddDays(1))
            {
                warn(e, new RuleWarning(
                    "window-started",
                    $"window starts {CalendarDates.Format(e.Start)}, before today ({CalendarDates.Format(request.Today)}): the auditor tests operation from its first day, so evidence must already exist for the days gone by",
                    Firmness.Practice,
                    "a Type 2 opinion covers operating effectiveness throughout the period; docs/audit-cycle.md §1.1"));
            }
        }

        foreach (var gap in EngagementRules.Gaps(windows.Select(e => (e.Id, new ObservationWindow(e.Start, e.End)))))
        {
            warn(windows.First(e => e.Id == gap.After), EngagementRules.GapWarning(gap));
        }

        if (events.FirstOrDefault(e => e.Kind == PlanEventKind.Soc2Type1) is { } type1 && windows.FirstOrDefault() is { } first && first.Start > type1.Start.AddDays(1))
        {
            warn(first, EngagementRules.GapWarning(new CoverageGap(new DateRange(type1.Start.AddDays(1), first.Start.AddDays(-1)), type1.Id, first.Id)));
        }
    }

    private static void CheckInternalAudits(List<PlanEvent> events, bool iso, Action<PlanEvent, RuleWarning> warn)
    {
        var audits = events.Where(e => e.Kind == PlanEventKind.InternalAudit).ToList();
        var reviews = events.Where(e => e.Kind == PlanEventKind.ManagementReview).ToList();
        foreach (var x in events.Where(e => e.Kind.IsExternalFieldwork()))
        {
            var audit = audits.Where(a => a.End < x.Start && x.Start.DayNumber - a.End.DayNumber <= InternalAuditReachDays).MaxBy(a => a.End);
            if (audit is null)
            {
                warn(x, new RuleWarning("no-internal-audit", $"no internal audit ends in the {InternalAuditReachDays} days before {x.Title} ({CalendarDates.Format(x.Start)})", Firmness.Practice, AuditRules.InternalAudit));
            }
            else if (iso && !reviews.Any(m => m.Start > audit.End && m.End < x.Start))
            {
                warn(x, new RuleWarning("no-management-review", $"no management review between the internal audit ({audit.Range}) and {x.Title} ({CalendarDates.Format(x.Start)})", Firmness.Practice, AuditRules.InternalAudit));
            }
        }
    }
}
