using Trellis.Core.Common;
using Trellis.Core.Frameworks;

namespace Trellis.Core.Audits;

/// <summary>
/// <c>PlanCertificationCycle</c>: proposes one synchronized multi-year calendar for SOC 2 and ISO/IEC 27001.
/// <list type="bullet">
/// <item>SOC 2 Type 2 windows back to back from the wanted start. The first window is 3–12 months, chosen so
/// that each window ends shortly before an ISO audit is due; later windows are 12 months (1.3).</item>
/// <item>After each window: SOC 2 fieldwork, then the report (default 6 weeks after the window end).</item>
/// <item>ISO: when the decision is in the future, stage 1 and stage 2 before it; then surveillance 1 (no later
/// than decision + 12 months), surveillance 2 (year 2), recertification (before expiry), placed in the same
/// evidence season as the SOC 2 fieldwork, the minimum spacing apart (2.2).</item>
/// <item>Before each season's first external fieldwork: an internal audit (9.2, default 6 weeks before) and a
/// management review (9.3, default 3 weeks before).</item>
/// </list>
/// Blackout dates are avoided where a rule allows it; what cannot be avoided, and every rule at risk, is
/// reported as a warning on the event (see <see cref="PlanChecks"/>).
/// </summary>
public static class AuditPlanner
{
    /// <summary>Proposes a plan, or returns why the request is invalid.</summary>
    public static Result<AuditPlan> Plan(PlanRequest request)
    {
        var valid = request.Validate();
        return valid.IsSuccess ? new PlanBuilder(request).Build() : valid.Error!;
    }
}

/// <summary>Builds one plan; holds the events placed so far.</summary>
internal sealed partial class PlanBuilder(PlanRequest r)
{
    private const int FallbackBufferDays = 14;
    private const int SeasonDays = 90;
    private const int MinimumStageGapDays = 14;
    private readonly List<PlanEvent> _events = [];
    private readonly List<(string Label, DateRange Range)> _soc2Fieldwork = [];
    private readonly List<DateRange> _external = [];

    public AuditPlan Build()
    {
        var windows = Soc2Windows();
        AddHeldSoc2();
        AddSoc2(windows);
        var cycles = r.IsoDecision is { } decision ? AddIso(decision) : [];
        AddInternalAudits();
        return new AuditPlan(PlanChecks.Apply(_events, cycles, r), cycles);
    }

    private List<ObservationWindow> Soc2Windows()
    {
        if (r.FirstWindowStart is not { } start)
        {
            return [];
        }

        var windows = new List<ObservationWindow> { new(start, FirstWindowEnd(start)) };
        // N windows, and more when SOC 2 started well before the ISO decision: every ISO audit of the N years
        // needs a window ending in the 6 months before it is due, so both audits share an evidence season.
        var isoHorizon = r.IsoDecision?.AddMonths((12 * (r.Years + IsoAuditsDone)) - 6);
        while (windows.Count < r.Years || (isoHorizon is { } h && windows[^1].End < h))
        {
            windows.Add(ObservationWindow.OfMonths(windows[^1].End.AddDays(1), AuditRules.MaximumType2Months));
        }

        return windows;
    }

    private DateOnly FirstWindowEnd(DateOnly start)
    {
        if (r.FirstWindowMonths is { } months)
        {
            return start.AddMonths(months).AddDays(-1);
        }

        var longest = start.AddMonths(AuditRules.MaximumType2Months).AddDays(-1);
        if (r.IsoDecision is not { } decision || r.Soc2LastPeriod is { Days: > 1 })
        {
            // After a Type 2 report the next window is the usual 12 months, back to back (1.3, 1.4).
            return longest;
        }

        // Align the windows with the ISO cycle: each window should end a month end early enough that SOC 2
        // fieldwork, the minimum spacing and the ISO audit all fit before that audit is due. The tightest of
        // the cycle's audits sets the month of year; the first window (3–12 months, 1.3) absorbs the offset.
        var cycle = new CertificationCycle { CertificationDecision = decision };
        (DateOnly Due, int Days)[] audits =
        [
            (cycle.Surveillance1Deadline, r.SurveillanceDays),
            (decision.AddMonths(24), r.SurveillanceDays),
            (cycle.Expiry.AddDays(-r.DecisionLagDays), r.RecertificationDays),
        ];
        var phase = audits.Take(Math.Min(r.Years, audits.Length))
            .Select(a => CalendarDates.MonthEndOnOrBefore(a.Due.AddDays(-IsoLead(a.Days))))
            .Select((end, year) => CalendarDates.MonthEnd(end.Year - year, end.Month))
            .Min();
        var shortest = start.AddMonths(AuditRules.MinimumType2Months).AddDays(-1);
        var aligned = Enumerable.Range(-20, 41)
            .Select(k => CalendarDates.MonthEnd(phase.Year + k, phase.Month))
            .Where(e => e >= shortest && e <= longest)
            .ToList();
        return aligned.Count > 0 ? aligned.Max() : longest;
    }

    /// <summary>Days from a window end to the end of an ISO audit placed after that window's SOC 2 fieldwork.</summary>
    private int IsoLead(int isoDays) => r.Soc2FieldworkOffsetDays + r.Soc2FieldworkDays - 1 + r.MinimumFieldworkSpacingDays + isoDays - 1;

    private void AddSoc2(List<ObservationWindow> windows)
    {
        if (r.Soc2Type1AsOf is { } asOf)
        {
            Add(PlanEventKind.Soc2Type1, "soc2-type1", DateRange.Day(asOf), FrameworkIds.Soc2v2017,
                $"SOC 2 Type 1 as of {CalendarDates.Format(asOf)}", "Design of controls as of one date (AICPA; docs/audit-cycle.md §1.1).");
            AddSeason(asOf, "t1", "Type 1");
        }

        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            Add(PlanEventKind.Soc2Type2Window, $"soc2-type2-window-{i + 1}", w.Range, FrameworkIds.Soc2v2017,
                $"SOC 2 Type 2 observation window {i + 1} ({w.Months} months)",
                $"Controls must operate, and leave evidence, throughout {w} (AICPA; docs/audit-cycle.md §1.1, 1.3).");
            AddSeason(w.End, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"window {i + 1}");
        }
    }

    private void AddSeason(DateOnly periodEnd, string label, string what)
    {
        var fieldwork = AvoidForward(DateRange.Starting(periodEnd.AddDays(r.Soc2FieldworkOffsetDays), r.Soc2FieldworkDays));
        var report = CalendarDates.Max(periodEnd.AddDays(r.Soc2ReportLagDays), fieldwork.End.AddDays(7));
        Add(PlanEventKind.Soc2Fieldwork, $"soc2-fieldwork-{label}", fieldwork, FrameworkIds.Soc2v2017,
            $"SOC 2 fieldwork for {what}", $"The CPA firm tests controls over the period ending {CalendarDates.Format(periodEnd)}.");
        Add(PlanEventKind.Soc2Report, $"soc2-report-{label}", DateRange.Day(report), FrameworkIds.Soc2v2017,
            $"SOC 2 report for {what} issued",
            $"Treated as current until {CalendarDates.Format(periodEnd.AddMonths(AuditRules.ReportCurrencyMonths))} (period end + 12 months; docs/audit-cycle.md §1.4).");
        _soc2Fieldwork.Add((what, fieldwork));
        _external.Add(fieldwork);
    }

    private List<CertificationCycle> AddIso(DateOnly decision)
    {
        var fw = r.IsoFramework;
        var cycle = new CertificationCycle { Framework = fw, CertificationDecision = decision };
        var done = IsoAuditsDone;
        if (decision > r.Today && r.IsoCertificate is null)
        {
            // Stage 2 as late as the decision allows, else just before a SOC 2 fieldwork it would crowd; stage 1
            // "within weeks" before it (2.2), moved after or before a SOC 2 fieldwork it would crowd.
            var stage2 = AvoidBackward(DateRange.Ending(decision.AddDays(-r.DecisionLagDays), r.Stage2Days));
            for (var i = 0; i < 10 && _soc2Fieldwork.FirstOrDefault(f => TooClose(f.Range, stage2)) is { Label: not null } clash; i++)
            {
                stage2 = AvoidBackward(DateRange.Ending(clash.Range.Start.AddDays(-r.MinimumFieldworkSpacingDays), r.Stage2Days));
            }

            var stage1 = AvoidBackward(DateRange.Ending(stage2.Start.AddDays(-r.Stage1ToStage2Days), r.Stage1Days));
            if (_soc2Fieldwork.FirstOrDefault(f => TooClose(f.Range, stage1)) is { Label: not null } crowded)
            {
                var after = AvoidForward(DateRange.Starting(crowded.Range.End.AddDays(r.MinimumFieldworkSpacingDays), r.Stage1Days));
                stage1 = after.End.DayNumber <= stage2.Start.DayNumber - MinimumStageGapDays && !TooCloseToPlaced(after)
                    ? after
                    : AvoidBackward(DateRange.Ending(crowded.Range.Start.AddDays(-r.MinimumFieldworkSpacingDays), r.Stage1Days));
            }

            Add(PlanEventKind.IsoStage1, "iso-stage1", stage1, fw, "ISO/IEC 27001 stage 1 audit", "Readiness and documentation review: scope, policy, risk method, SoA (docs/audit-cycle.md §2.2).");
            Add(PlanEventKind.IsoStage2, "iso-stage2", stage2, fw, "ISO/IEC 27001 stage 2 audit", "Implementation and effectiveness of the ISMS and the Annex A controls (2.2).");
            _external.Add(stage1);
            _external.Add(stage2);
            cycle = cycle with { Stage1 = stage1, Stage2 = stage2 };
        }

        if (r.IsoCertificate is { } held)
        {
            AddHeldDecision(held, cycle);
        }
        else
        {
            Add(PlanEventKind.IsoCertificationDecision, "iso-certification-decision", DateRange.Day(decision), fw,
                "ISO/IEC 27001 certification decision",
                $"Starts the 3-year cycle; certificate valid through {CalendarDates.Format(cycle.Expiry)}; first surveillance due by {CalendarDates.Format(cycle.Surveillance1Deadline)} (ISO/IEC 17021-1 9.1.3).");
        }

        var cycles = new List<CertificationCycle>();
        var previousEnd = cycle.Stage2?.End ?? decision;
        for (var year = done + 1; year <= done + r.Years; year++)
        {
            var n = ((year - 1) / 3) + 1;
            switch ((year - 1) % 3)
            {
                case 0:
                    var s1 = PlaceIso(PlanEventKind.IsoSurveillance1, n, r.SurveillanceDays, CalendarDates.Max(cycle.CertificationDecision.AddDays(1), cycle.Surveillance1Deadline.AddMonths(-6)), cycle.Surveillance1Deadline,
                        $"due by {CalendarDates.Format(cycle.Surveillance1Deadline)}: no more than 12 months after the certification decision {CalendarDates.Format(cycle.CertificationDecision)}");
                    cycle = cycle with { Surveillance1 = s1 };
                    previousEnd = s1.End;
                    break;
                case 1:
                    var due2 = cycle.CertificationDecision.AddMonths(24);
                    var s2 = PlaceIso(PlanEventKind.IsoSurveillance2, n, r.SurveillanceDays, CalendarDates.Max(previousEnd.AddDays(1), due2.AddMonths(-6)), due2,
                        $"planned by the second anniversary {CalendarDates.Format(due2)}, in the calendar year after surveillance 1");
                    cycle = cycle with { Surveillance2 = s2 };
                    previousEnd = s2.End;
                    break;
                default:
                    var due3 = cycle.Expiry.AddDays(-r.DecisionLagDays);
                    var recert = PlaceIso(PlanEventKind.IsoRecertification, n, r.RecertificationDays, CalendarDates.Max(previousEnd.AddDays(1), due3.AddMonths(-6)), due3,
                        $"ends by {CalendarDates.Format(due3)} so the recertification decision ({r.DecisionLagDays} days later) comes before the certificate expires ({CalendarDates.Format(cycle.Expiry)})");
                    cycle = cycle with { Recertification = recert, RecertificationDecision = recert.End.AddDays(r.DecisionLagDays) };
                    cycles.Add(cycle);
                    cycle = cycle.NextCycle().Value;
                    previousEnd = recert.End;
                    break;
            }
        }

        if ((done + r.Years) % 3 != 0)
        {
            cycles.Add(cycle);
        }

        return cycles;
    }

    private DateRange PlaceIso(PlanEventKind kind, int cycleNumber, int days, DateOnly earliest, DateOnly due, string why)
    {
        // Same evidence season as a SOC 2 fieldwork: right after it (the whole period's evidence is then
        // ready), or just before it; the minimum spacing apart; within the rule's window. Latest wins, to
        // keep audits near their anniversaries.
        earliest = CalendarDates.Max(earliest, NotBefore);
        var candidates = new List<(DateRange Range, string Season)>();
        foreach (var (label, fieldwork) in _soc2Fieldwork)
        {
            var after = AvoidForward(DateRange.Starting(fieldwork.End.AddDays(r.MinimumFieldworkSpacingDays), days));
            var before = AvoidBackward(DateRange.Ending(fieldwork.Start.AddDays(-r.MinimumFieldworkSpacingDays), days));
            candidates.AddRange(new[] { after, before }
                .Where(c => c.Start >= earliest && c.End <= due && !TooCloseToPlaced(c))
                .Select(c => (c, label)));
        }

        var title = $"ISO/IEC 27001 {kind switch { PlanEventKind.IsoSurveillance1 => "surveillance audit 1", PlanEventKind.IsoSurveillance2 => "surveillance audit 2", _ => "recertification audit" }}"
            + (cycleNumber > 1 ? $" (cycle {cycleNumber})" : "");
        var id = $"{kind.ToWire()}-c{cycleNumber}";
        DateRange range;
        string description;
        var warnings = new List<RuleWarning>();
        if (candidates.Count > 0)
        {
            var best = candidates.MaxBy(c => c.Range.Start);
            range = best.Range;
            description = $"{char.ToUpperInvariant(why[0])}{why[1..]}. Same evidence season as the SOC 2 fieldwork for {best.Season}: one internal audit, one management review and one set of evidence serve both audits.";
        }
        else
        {
            range = AvoidBackward(DateRange.Ending(due.AddDays(-FallbackBufferDays), days));
            for (var i = 0; i < 10 && TooCloseToPlaced(range); i++)
            {
                var clash = _external.First(x => TooClose(x, range));
                range = AvoidBackward(DateRange.Ending(clash.Start.AddDays(-r.MinimumFieldworkSpacingDays), days));
            }

            description = $"{char.ToUpperInvariant(why[0])}{why[1..]}.";
            if (range.Start < NotBefore)
            {
                range = Overdue(days);
                description += " Overdue: placed as soon as an internal audit and a management review fit before it.";
            }
            if (_soc2Fieldwork.Count > 0)
            {
                warnings.Add(new RuleWarning(
                    "iso-not-synchronized",
                    $"no SOC 2 evidence season fits between {CalendarDates.Format(earliest)} and {CalendarDates.Format(due)}; this audit needs its own evidence preparation (a different first SOC 2 window length would align them)",
                    Firmness.Planning,
                    "synchronized audit timelines; docs/audit-cycle.md §3"));
            }
        }

        Add(kind, id, range, r.IsoFramework, title, description, warnings);
        _external.Add(range);
        return range;
    }

    private void AddInternalAudits()
    {
        var framework = r.IsoDecision is null ? FrameworkIds.Soc2v2017 : r.IsoFramework;
        var externals = _events.Where(e => e.Kind.IsExternalFieldwork()).OrderBy(e => e.Start).ToList();
        var seasons = new List<List<PlanEvent>>();
        foreach (var e in externals)
        {
            if (seasons.Count == 0 || e.Start.DayNumber - seasons[^1][0].Start.DayNumber > SeasonDays)
            {
                seasons.Add([]);
            }

            seasons[^1].Add(e);
        }

        for (var i = 0; i < seasons.Count; i++)
        {
            var first = seasons[i][0].Start;
            var served = string.Join(", ", seasons[i].Select(e => e.Title));
            var audit = DateRange.Ending(first.AddDays(-r.InternalAuditLeadDays), r.InternalAuditDays);
            if (audit.Start < r.Today && DateRange.Starting(r.Today, r.InternalAuditDays).End <= first.AddDays(-28))
            {
                // Late but still 4 weeks ahead of the external audit: start it today rather than plan it in the past.
                audit = DateRange.Starting(r.Today, r.InternalAuditDays);
            }

            audit = AvoidBackward(audit);
            Add(PlanEventKind.InternalAudit, $"internal-audit-{i + 1}", audit, framework,
                r.IsoDecision is null ? "Internal audit (readiness review, TSC CC4.1)" : "Internal audit (ISO/IEC 27001 9.2)",
                $"Before: {served}. Results feed the management review and are kept as a record (9.2.2).");
            if (r.IsoDecision is null)
            {
                continue;
            }

            var review = AvoidBackward(DateRange.Day(first.AddDays(-r.ManagementReviewLeadDays)));
            if (review.Start <= audit.End)
            {
                review = AvoidForward(DateRange.Day(audit.End.AddDays(1)));
            }

            Add(PlanEventKind.ManagementReview, $"management-review-{i + 1}", review, framework, "Management review (ISO/IEC 27001 9.3)",
                $"Reviews the internal audit results before: {served}. Results kept as a record (9.3.3).");
        }
    }

    private void Add(
        PlanEventKind kind, string id, DateRange range, string framework, string title, string description, IReadOnlyList<RuleWarning>? warnings = null,
        PlanEventState state = PlanEventState.Planned) =>
        _events.Add(new PlanEvent
        {
            Id = id,
            Kind = kind,
            Start = range.Start,
            End = range.End,
            Framework = framework,
            Title = title,
            Description = description,
            Warnings = warnings ?? [],
            State = state,
        });

    private bool TooCloseToPlaced(DateRange candidate) => _external.Any(x => TooClose(x, candidate));

    private bool TooClose(DateRange a, DateRange b) => PlanChecks.TooClose(a, b, r.MinimumFieldworkSpacingDays);

    private DateRange AvoidForward(DateRange range)
    {
        for (var i = 0; i < 50 && Blackout(range) is { } b; i++)
        {
            range = DateRange.Starting(b.End.AddDays(1), range.Days);
        }

        return range;
    }

    private DateRange AvoidBackward(DateRange range)
    {
        for (var i = 0; i < 50 && Blackout(range) is { } b; i++)
        {
            range = DateRange.Ending(b.Start.AddDays(-1), range.Days);
        }

        return range;
    }

    private DateRange? Blackout(DateRange range)
    {
        foreach (var b in r.Blackouts)
        {
            if (b.Overlaps(range))
            {
                return b;
            }
        }

        return null;
    }
}
