using Trellis.Core.Common;

namespace Trellis.Core.Audits;

/// <summary>What happened to a control in a bridge period.</summary>
public enum ControlChangeKind
{
    /// <summary>The control was added to the program (wire name <c>added</c>).</summary>
    Added,

    /// <summary>The control's description, owner, status, cadence or mappings changed (wire name <c>changed</c>).</summary>
    Changed,

    /// <summary>The control was removed from the program (wire name <c>retired</c>).</summary>
    Retired,

    /// <summary>The whole program was replaced by an import (wire name <c>program-replaced</c>).</summary>
    ProgramReplaced,
}

/// <summary>Wire names of <see cref="ControlChangeKind"/>.</summary>
public static class ControlChangeKinds
{
    private static readonly WireNames<ControlChangeKind> Wire = new(new Dictionary<ControlChangeKind, string>
    {
        [ControlChangeKind.Added] = "added",
        [ControlChangeKind.Changed] = "changed",
        [ControlChangeKind.Retired] = "retired",
        [ControlChangeKind.ProgramReplaced] = "program-replaced",
    });

    /// <summary>Wire name, e.g. <c>retired</c>.</summary>
    public static string ToWire(this ControlChangeKind kind) => Wire[kind];

    /// <summary>Parses a wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out ControlChangeKind kind) => Wire.TryParse(text, out kind);
}

/// <summary>One change to the program's controls, as the audit trail recorded it.</summary>
/// <param name="On">The calendar day (UTC) of the change.</param>
/// <param name="Control">The control ID, or empty for a whole-program change.</param>
/// <param name="Kind">What happened.</param>
/// <param name="By">Who made it (the audit trail's actor).</param>
/// <param name="Detail">The control's title or what was imported.</param>
public sealed record ControlChange(DateOnly On, string Control, ControlChangeKind Kind, string By, string Detail = "");

/// <summary>
/// A draft bridge (gap) letter: management's statement about the days between the end of the last SOC 2 report's period
/// and a date a customer asks about (docs/audit-cycle.md §1.4). It names the report and its period, states that no
/// changes to controls were recorded or lists them, lists the findings open at the end of the bridge period, and
/// reminds customers of their complementary user entity controls. Management writes and signs it, not the auditor:
/// it carries no assurance.
/// </summary>
/// <param name="Engagement">The SOC 2 engagement whose report is bridged.</param>
/// <param name="Period">The bridge period: the day after the report's period end to the chosen date.</param>
/// <param name="Changes">Changes to controls recorded in <paramref name="Period"/>, oldest first.</param>
/// <param name="OpenFindings">Findings raised by the end of <paramref name="Period"/> and not closed then.</param>
/// <param name="Warnings">Practice warnings (a bridge over about 3 months, days after today).</param>
public sealed record BridgeLetter(
    Engagement Engagement, DateRange Period, IReadOnlyList<ControlChange> Changes, IReadOnlyList<Finding> OpenFindings, IReadOnlyList<RuleWarning> Warnings)
{
    /// <summary>True when nothing was recorded in the period: the letter states that no material changes occurred.</summary>
    public bool NoChanges => Changes.Count == 0 && OpenFindings.Count == 0;

    /// <summary>
    /// Drafts the letter. The engagement must be a SOC 2 report with a period end (a Type 2 window or a Type 1 date);
    /// <paramref name="until"/> must be after that end (<c>bridge-before-period-end</c>). Changes outside the bridge
    /// period are left out; a finding counts as open when it was raised by <paramref name="until"/> and its history
    /// shows no closing by then.
    /// </summary>
    /// <param name="engagement">The SOC 2 engagement (Type 1 or Type 2).</param>
    /// <param name="until">The last day the letter covers.</param>
    /// <param name="changes">Changes to controls (any dates; those in the period are kept).</param>
    /// <param name="findings">Findings (any; those open at <paramref name="until"/> are kept).</param>
    /// <param name="today">The day the letter is drafted.</param>
    public static Result<BridgeLetter> Draft(Engagement engagement, DateOnly until, IEnumerable<ControlChange> changes, IEnumerable<Finding> findings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(findings);
        if (!engagement.Kind.IsSoc2() || engagement.PeriodEnd is not { } end)
        {
            return new Error(ErrorCodes.InvalidEngagement, $"engagement '{engagement.Id}' is not a SOC 2 report with a period end; a bridge letter follows a SOC 2 Type 1 or Type 2 report", "engagement");
        }

        if (until <= end)
        {
            return new Error(
                ErrorCodes.BridgeBeforePeriodEnd,
                $"the bridge letter's end date {CalendarDates.Format(until)} is not after the end of the report's period ({CalendarDates.Format(end)}); a bridge letter covers the days after it, so give a date from {CalendarDates.Format(end.AddDays(1))}",
                "until");
        }

        var period = new DateRange(end.AddDays(1), until);
        var warnings = new List<RuleWarning>();
        if (until > end.AddMonths(AuditRules.BridgeLetterMonths))
        {
            warnings.Add(new RuleWarning(
                "bridge-letter-long",
                $"the bridge runs to {CalendarDates.Format(until)}, more than {AuditRules.BridgeLetterMonths} months after the period end {CalendarDates.Format(end)}; customers usually expect a new report instead",
                Firmness.Practice,
                AuditRules.Currency));
        }

        if (until > today)
        {
            warnings.Add(new RuleWarning(
                "bridge-letter-future",
                $"the bridge runs to {CalendarDates.Format(until)}, after today ({CalendarDates.Format(today)}): management can speak only for days that have passed; date and sign it then",
                Firmness.Practice,
                AuditRules.Currency));
        }

        var inPeriod = changes.Where(c => period.Contains(c.On)).OrderBy(c => c.On).ThenBy(c => c.Control, StringComparer.Ordinal).ToList();
        var open = findings.Where(f => f.RaisedOn <= until && StatusOn(f, until) != FindingStatus.Closed)
            .OrderBy(f => f.RaisedOn).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        return new BridgeLetter(engagement, period, inPeriod, open, warnings);
    }

    /// <summary>A finding's status on a day, from its history (the last transition on or before it); open before any.</summary>
    public static FindingStatus StatusOn(Finding finding, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.History.Where(t => t.On <= day).LastOrDefault()?.To
            ?? (finding.History.Count == 0 ? finding.Status : FindingStatus.Open);
    }
}
