namespace Trellis.Core.Audits;

/// <summary>
/// Turns recorded engagements into calendar events (for <c>trellis calendar</c>): windows, as-of dates,
/// fieldwork, reports and certification decisions, with each engagement's rule warnings, the gaps between
/// Type 2 periods, and the certification cycle checks attached to the events they concern.
/// </summary>
public static class EngagementCalendar
{
    /// <summary>
    /// The certification cycles the ISO engagements form, in date order. A cycle starts at a stage 2 or
    /// recertification engagement's <see cref="Engagement.ReportDate"/> (the certification decision); the stage
    /// 1, surveillance and recertification fieldworks are assigned to the cycle they fall in.
    /// </summary>
    public static IReadOnlyList<CertificationCycle> Cycles(IEnumerable<Engagement> engagements)
    {
        var iso = engagements.Where(e => e.Kind.IsIsoCertification()).OrderBy(e => e.Fieldwork?.Start ?? e.ReportDate).ToList();
        var cycles = new List<CertificationCycle>();
        DateRange? stage1 = null;
        foreach (var e in iso)
        {
            switch (e.Kind)
            {
                case EngagementKind.IsoStage1:
                    stage1 = e.Fieldwork;
                    break;
                case EngagementKind.IsoStage2 when e.ReportDate is { } decision:
                    cycles.Add(new CertificationCycle { Framework = e.Framework, CertificationBody = e.Firm, CertificationDecision = decision, Stage1 = stage1, Stage2 = e.Fieldwork });
                    break;
                case EngagementKind.IsoSurveillance1 when cycles.Count > 0:
                    cycles[^1] = cycles[^1] with { Surveillance1 = e.Fieldwork };
                    break;
                case EngagementKind.IsoSurveillance2 when cycles.Count > 0:
                    cycles[^1] = cycles[^1] with { Surveillance2 = e.Fieldwork };
                    break;
                case EngagementKind.IsoRecertification when cycles.Count > 0:
                    cycles[^1] = cycles[^1] with { Recertification = e.Fieldwork, RecertificationDecision = e.ReportDate };
                    if (e.ReportDate is not null)
                    {
                        cycles.Add(cycles[^1].NextCycle().Value);
                    }

                    break;
            }
        }

        return cycles;
    }

    /// <summary>
    /// The events of the engagements, in date order, with warnings judged on <paramref name="today"/>; an event whose
    /// last day is before <paramref name="today"/> is <see cref="PlanEventState.Past"/>.
    /// </summary>
    public static IReadOnlyList<PlanEvent> ToEvents(IEnumerable<Engagement> engagements, DateOnly today)
    {
        var list = engagements.ToList();
        var events = new List<PlanEvent>();
        var warnings = new Dictionary<string, List<RuleWarning>>();
        foreach (var e in list)
        {
            var own = EngagementRules.Check(e, today).ToList();
            var produced = Events(e).ToList();
            if (produced.Count > 0)
            {
                warnings[produced[0].Id] = own;
            }

            events.AddRange(produced);
        }

        foreach (var gap in EngagementRules.Gaps(list.Where(e => e.Kind == EngagementKind.Soc2Type2 && e.Window is not null).Select(e => (e.Id, e.Window!))))
        {
            Add(warnings, $"{gap.After}-window", EngagementRules.GapWarning(gap));
        }

        var cycles = Cycles(list);
        foreach (var cycle in cycles)
        {
            foreach (var w in cycle.Check())
            {
                var target = w.Subject == "iso-certification-decision"
                    ? list.Where(e => e.Kind is EngagementKind.IsoStage2 or EngagementKind.IsoRecertification && e.ReportDate == cycle.CertificationDecision)
                        .Select(e => $"{e.Id}-report").FirstOrDefault()
                    : list.Where(e => e.Kind.IsIsoCertification() && e.Kind.ToWire() == w.Subject
                            && e.Fieldwork is { } f && f.Start >= cycle.CertificationDecision.AddYears(-1) && f.Start <= cycle.Expiry)
                        .Select(e => $"{e.Id}-fieldwork").FirstOrDefault();
                if (target is not null)
                {
                    Add(warnings, target, w);
                }
            }
        }

        return events
            .Select(e => warnings.TryGetValue(e.Id, out var w) ? e with { Warnings = [.. e.Warnings, .. w] } : e)
            .Select(e => e.End < today ? e with { State = PlanEventState.Past } : e)
            .OrderBy(e => e.Start).ThenBy(e => e.Kind)
            .ToList();
    }

    private static IEnumerable<PlanEvent> Events(Engagement e)
    {
        var title = e.DisplayTitle;
        var firm = e.Firm.Length > 0 ? $" ({e.Firm})" : "";
        if (e.Window is { } window && e.Kind == EngagementKind.Soc2Type2)
        {
            yield return Event(e, "window", PlanEventKind.Soc2Type2Window, window.Range, $"{title}: observation window{firm}",
                $"Categories: {string.Join(", ", e.Categories)}. Current until {(e.CurrentUntil is { } c ? CalendarDates.Format(c) : "?")}.");
        }

        if (e.Kind == EngagementKind.Soc2Type1 && e.AsOf is { } asOf)
        {
            yield return Event(e, "as-of", PlanEventKind.Soc2Type1, DateRange.Day(asOf), $"{title}: as of{firm}", $"Categories: {string.Join(", ", e.Categories)}.");
        }

        if (e.Fieldwork is { } fieldwork)
        {
            var kind = e.Kind switch
            {
                EngagementKind.IsoStage1 => PlanEventKind.IsoStage1,
                EngagementKind.IsoStage2 => PlanEventKind.IsoStage2,
                EngagementKind.IsoSurveillance1 => PlanEventKind.IsoSurveillance1,
                EngagementKind.IsoSurveillance2 => PlanEventKind.IsoSurveillance2,
                EngagementKind.IsoRecertification => PlanEventKind.IsoRecertification,
                EngagementKind.InternalAudit => PlanEventKind.InternalAudit,
                EngagementKind.ManagementReview => PlanEventKind.ManagementReview,
                _ => PlanEventKind.Soc2Fieldwork,
            };
            yield return Event(e, "fieldwork", kind, fieldwork, $"{title}: fieldwork{firm}", "");
        }

        if (e.ReportDate is { } report)
        {
            var (kind, what) = e.Kind switch
            {
                EngagementKind.IsoStage2 or EngagementKind.IsoRecertification => (PlanEventKind.IsoCertificationDecision, "certification decision"),
                EngagementKind.ManagementReview when e.Fieldwork is null => (PlanEventKind.ManagementReview, "management review"),
                EngagementKind.InternalAudit => (PlanEventKind.InternalAudit, "internal audit report"),
                _ when e.Kind.IsSoc2() => (PlanEventKind.Soc2Report, "report issued"),
                _ => ((PlanEventKind?)null, ""),
            };
            if (kind is { } k)
            {
                yield return Event(e, "report", k, DateRange.Day(report), $"{title}: {what}", "");
            }
        }
    }

    private static PlanEvent Event(Engagement e, string part, PlanEventKind kind, DateRange range, string title, string description) => new()
    {
        Id = $"{e.Id}-{part}",
        Kind = kind,
        Start = range.Start,
        End = range.End,
        Framework = e.Framework,
        Title = title,
        Description = description,
    };

    private static void Add(Dictionary<string, List<RuleWarning>> warnings, string id, RuleWarning w)
    {
        if (!warnings.TryGetValue(id, out var list))
        {
            warnings[id] = list = [];
        }

        list.Add(w);
    }
}
