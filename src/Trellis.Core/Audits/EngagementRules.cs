using Trellis.Core.Common;
using Trellis.Core.Frameworks;

namespace Trellis.Core.Audits;

/// <summary>A stretch of days no SOC 2 Type 2 window covers, between two consecutive windows.</summary>
/// <param name="Uncovered">The days no report speaks for.</param>
/// <param name="Before">ID of the engagement (or event) whose window ends before the gap.</param>
/// <param name="After">ID of the engagement (or event) whose window starts after the gap.</param>
public sealed record CoverageGap(DateRange Uncovered, string Before, string After);

/// <summary>
/// Checks of single engagements and of sequences of SOC 2 periods. Pure functions; each warning cites its
/// rule (docs/audit-cycle.md section) and says whether it is a rule or practice.
/// </summary>
public static class EngagementRules
{
    /// <summary>
    /// Structural validation: a Type 2 needs a window, a Type 1 an as-of date and no window, a bridge letter
    /// must end after the period end. Returns the engagement or the first problem.
    /// </summary>
    public static Result<Engagement> Validate(Engagement engagement)
    {
        var where = $"engagement {engagement.Id}";
        if (string.IsNullOrWhiteSpace(engagement.Id))
        {
            return new Error(ErrorCodes.InvalidEngagement, "engagement ID is empty");
        }

        if (engagement.Kind == EngagementKind.Soc2Type2 && engagement.Window is null)
        {
            return new Error(ErrorCodes.InvalidEngagement, "a SOC 2 Type 2 engagement needs an observation window (start and end)", where);
        }

        if (engagement.Kind == EngagementKind.Soc2Type1 && (engagement.AsOf is null || engagement.Window is not null))
        {
            return new Error(ErrorCodes.InvalidEngagement, "a SOC 2 Type 1 engagement has an as-of date and no observation window", where);
        }

        if (engagement.BridgeLetterEnd is { } bridge && (engagement.PeriodEnd is not { } end || bridge <= end))
        {
            return new Error(ErrorCodes.InvalidEngagement, $"bridge letter end {CalendarDates.Format(bridge)} must be after the period end", where);
        }

        return engagement;
    }

    /// <summary>
    /// Rule checks of one engagement: Type 2 window length [practice 1.3], bridge letter length [practice
    /// 1.4], report dated before the period ends [rule 1.1], report no longer current at <paramref name="today"/>
    /// [practice 1.4], audits against the withdrawn 2013 edition [rule 2.3].
    /// </summary>
    public static IReadOnlyList<RuleWarning> Check(Engagement engagement, DateOnly? today = null)
    {
        var warnings = new List<RuleWarning>();
        if (engagement.Kind == EngagementKind.Soc2Type2 && engagement.Window is { } window)
        {
            warnings.AddRange(CheckWindow(window));
        }

        if (engagement.Kind.IsSoc2() && engagement.PeriodEnd is { } periodEnd)
        {
            if (engagement.BridgeLetterEnd is { } bridge && bridge > periodEnd.AddMonths(AuditRules.BridgeLetterMonths))
            {
                // 1.4: a bridge letter is management's, carries no assurance, and normally covers up to about 3 months.
                warnings.Add(new RuleWarning(
                    "bridge-letter-long",
                    $"bridge letter runs to {CalendarDates.Format(bridge)}, more than {AuditRules.BridgeLetterMonths} months after the period end {CalendarDates.Format(periodEnd)} (limit {CalendarDates.Format(periodEnd.AddMonths(AuditRules.BridgeLetterMonths))})",
                    Firmness.Practice,
                    AuditRules.Currency));
            }

            if (engagement.ReportDate is { } report && report < periodEnd)
            {
                warnings.Add(new RuleWarning(
                    "report-before-period-end",
                    $"report dated {CalendarDates.Format(report)}, before the period it covers ends on {CalendarDates.Format(periodEnd)}",
                    Firmness.Rule,
                    "AICPA: a Type 2 opinion covers the whole period, a Type 1 the as-of date; docs/audit-cycle.md §1.1"));
            }

            if (today is { } t && engagement.CurrentUntil is { } current && t > current && (engagement.BridgeLetterEnd is not { } b || t > b))
            {
                warnings.Add(new RuleWarning(
                    "report-not-current",
                    $"report for the period ending {CalendarDates.Format(periodEnd)} was current until {CalendarDates.Format(current)}; customers will ask for a newer one",
                    Firmness.Practice,
                    AuditRules.Currency));
            }
        }

        if (engagement.Framework == FrameworkIds.Iso27001v2013)
        {
            var day = engagement.Fieldwork?.Start ?? engagement.ReportDate ?? engagement.Window?.End;
            warnings.AddRange(Check2013Edition(engagement.Kind, day));
        }

        return warnings;
    }

    /// <summary>Type 2 window length: under 3 or over 12 calendar months warns [practice, docs/audit-cycle.md §1.3].</summary>
    public static IReadOnlyList<RuleWarning> CheckWindow(ObservationWindow window, string? subject = null)
    {
        if (window.IsShorterThan(AuditRules.MinimumType2Months))
        {
            return [new RuleWarning(
                "type2-window-short",
                $"Type 2 window {window} is shorter than {AuditRules.MinimumType2Months} months ({window.Days} days); few auditors accept it, even for a first report",
                Firmness.Practice,
                AuditRules.Type2Window,
                subject)];
        }

        if (window.IsLongerThan(AuditRules.MaximumType2Months))
        {
            return [new RuleWarning(
                "type2-window-long",
                $"Type 2 window {window} is longer than {AuditRules.MaximumType2Months} months; reports normally cover at most 12",
                Firmness.Practice,
                AuditRules.Type2Window,
                subject)];
        }

        return [];
    }

    /// <summary>
    /// Days between consecutive SOC 2 Type 2 windows that no report covers. Windows are ordered by start; an
    /// overlap is not a gap. Customers expect each period to start where the last one ended (1.4).
    /// </summary>
    public static IReadOnlyList<CoverageGap> Gaps(IEnumerable<(string Id, ObservationWindow Window)> windows)
    {
        var ordered = windows.OrderBy(w => w.Window.Start).ThenBy(w => w.Window.End).ToList();
        var gaps = new List<CoverageGap>();
        for (var i = 1; i < ordered.Count; i++)
        {
            var coveredThrough = ordered.Take(i).Max(w => w.Window.End);
            var next = ordered[i];
            if (next.Window.Start > coveredThrough.AddDays(1))
            {
                var before = ordered.Take(i).Last(w => w.Window.End == coveredThrough);
                gaps.Add(new CoverageGap(new DateRange(coveredThrough.AddDays(1), next.Window.Start.AddDays(-1)), before.Id, next.Id));
            }
        }

        return gaps;
    }

    /// <summary>Gaps between consecutive Type 2 engagements, as warnings naming the uncovered days [practice 1.4].</summary>
    public static IReadOnlyList<RuleWarning> CheckSequence(IEnumerable<Engagement> engagements) =>
        Gaps(engagements.Where(e => e.Kind == EngagementKind.Soc2Type2 && e.Window is not null).Select(e => (e.Id, e.Window!)))
            .Select(g => GapWarning(g))
            .ToList();

    /// <summary>The warning for one coverage gap [practice 1.4].</summary>
    public static RuleWarning GapWarning(CoverageGap gap, string? subject = null) => new(
        "soc2-coverage-gap",
        $"{gap.Uncovered.Days} uncovered days ({gap.Uncovered}) between {gap.Before} and {gap.After}: no SOC 2 report speaks for them",
        Firmness.Practice,
        "customers expect the next period to start where the last one ended; docs/audit-cycle.md §1.4",
        subject);

    internal static IEnumerable<RuleWarning> Check2013Edition(EngagementKind kind, DateOnly? day)
    {
        if (day is not { } d)
        {
            yield break;
        }

        if (d > AuditRules.Iso2013Lapsed)
        {
            yield return new RuleWarning(
                "iso2013-lapsed",
                $"ISO/IEC 27001:2013 certificates lapsed after 2025-10-31; an audit on {CalendarDates.Format(d)} must be against the 2022 edition",
                Firmness.Rule,
                AuditRules.Transition);
        }
        else if (d >= AuditRules.Iso2013NoNewAudits && kind is EngagementKind.IsoStage1 or EngagementKind.IsoStage2 or EngagementKind.IsoRecertification)
        {
            yield return new RuleWarning(
                "iso2013-no-new-audits",
                $"no initial or recertification audit against ISO/IEC 27001:2013 from 2024-05-01 (this one: {CalendarDates.Format(d)})",
                Firmness.Rule,
                AuditRules.Transition);
        }
    }
}
