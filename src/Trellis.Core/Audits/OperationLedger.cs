using Trellis.Core.Common;
using Trellis.Core.Evidence;
using Trellis.Core.Program;

namespace Trellis.Core.Audits;

/// <summary>One evidence version seen as an occurrence of a control, over the days it is effective for.</summary>
/// <param name="EvidenceId">Evidence item ID.</param>
/// <param name="Version">Version number.</param>
/// <param name="Effective">The day or period the version shows the control operating.</param>
public sealed record Occurrence(string EvidenceId, int Version, DateRange Effective);

/// <summary>One expected occurrence: a calendar period of the control's cadence, and the part of it inside the window.</summary>
public sealed record ExpectedOccurrence
{
    /// <summary>The whole calendar period (e.g. all of January).</summary>
    public required DateRange Period { get; init; }

    /// <summary>The part of the period inside the window; evidence must fall here to count.</summary>
    public required DateRange InWindow { get; init; }

    /// <summary>True when the window cuts the period (the window starts or ends inside it).</summary>
    public bool Partial => Period != InWindow;

    /// <summary>True once the in-window part has ended before today; only due occurrences can be missing.</summary>
    public required bool Due { get; init; }

    /// <summary>Evidence versions that speak for this occurrence.</summary>
    public IReadOnlyList<Occurrence> Evidence { get; init; } = [];

    /// <summary>True when some evidence speaks for it.</summary>
    public bool Observed => Evidence.Count > 0;

    /// <summary>
    /// Why the control had nothing to operate on in this period, as its owner recorded it ("did not occur", a
    /// <see cref="Operations.ControlTaskNote"/>); null when nobody said so. Such an occurrence is neither missing nor
    /// part of the population an auditor samples — the reason is shown instead.
    /// </summary>
    public string? DidNotOccurReason { get; init; }

    /// <summary>True when due, not observed, and not recorded as "did not occur".</summary>
    public bool Missing => Due && !Observed && DidNotOccurReason is null;
}

/// <summary>Expected against observed occurrences of one control in one window.</summary>
public sealed record ControlLedger
{
    /// <summary>Control ID.</summary>
    public required string ControlId { get; init; }

    /// <summary>Control title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The control's cadence.</summary>
    public required Cadence Cadence { get; init; }

    /// <summary>The window looked at.</summary>
    public required DateRange Window { get; init; }

    /// <summary>Expected occurrences in date order; empty for on-event controls (no fixed expectation).</summary>
    public IReadOnlyList<ExpectedOccurrence> Expected { get; init; } = [];

    /// <summary>Every evidence version of the control that overlaps the window.</summary>
    public IReadOnlyList<Occurrence> Observed { get; init; } = [];

    /// <summary>False for on-event controls: only what was observed is reported.</summary>
    public bool HasFixedExpectation => Cadence != Cadence.OnEvent;

    /// <summary>Expected occurrences that are due and have no evidence.</summary>
    public IReadOnlyList<ExpectedOccurrence> Missing => Expected.Where(e => e.Missing).ToList();
}

/// <summary>The ledger of one engagement: every control in scope over the engagement's window.</summary>
/// <param name="EngagementId">Engagement ID.</param>
/// <param name="Window">The window.</param>
/// <param name="Controls">One ledger per control in scope, by control ID.</param>
public sealed record EngagementLedger(string EngagementId, DateRange Window, IReadOnlyList<ControlLedger> Controls)
{
    /// <summary>Due occurrences without evidence, over all controls.</summary>
    public int MissingCount => Controls.Sum(c => c.Missing.Count);
}

/// <summary>Which engagements one evidence item serves: the evidence reuse across audits, made visible.</summary>
/// <param name="EvidenceId">Evidence item ID.</param>
/// <param name="Title">Evidence title.</param>
/// <param name="ControlIds">Controls it speaks for in those engagements.</param>
/// <param name="EngagementIds">Engagements whose windows contain at least one of its occurrences.</param>
public sealed record EvidenceUse(string EvidenceId, string Title, IReadOnlyList<string> ControlIds, IReadOnlyList<string> EngagementIds);

/// <summary>
/// The control operation ledger: from a control's <see cref="Cadence"/>, the occurrences expected in a window;
/// from evidence effective dates, the occurrences observed; the difference, per engagement.
/// </summary>
/// <remarks>
/// Periods are calendar periods: daily = each day; weekly = each ISO week, Monday to Sunday; monthly and
/// continuous (sampled monthly) = each calendar month; quarterly = January–March, April–June, …; semi-annual =
/// January–June and July–December; annual = the calendar year; on-event = no fixed expectation.
/// Partial periods: every period the window touches is expected (monthly over 2026-01-15..2026-03-14 expects
/// January, February and March), marked <see cref="ExpectedOccurrence.Partial"/>; evidence counts for it only
/// when its effective dates overlap the part inside the window, so one occurrence counts for exactly the
/// engagements whose windows contain it. An evidence version covers every period its
/// [EffectiveFrom, EffectiveEnd] overlaps.
/// </remarks>
public static class OperationLedger
{
    /// <summary>The calendar period of <paramref name="cadence"/> that contains <paramref name="day"/> (a day for on-event).</summary>
    public static DateRange PeriodContaining(Cadence cadence, DateOnly day) => cadence switch
    {
        Cadence.Daily or Cadence.OnEvent => DateRange.Day(day),
        Cadence.Weekly => DateRange.Starting(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), 7),
        Cadence.Monthly or Cadence.Continuous => Months(day, 1),
        Cadence.Quarterly => Months(day, 3),
        Cadence.SemiAnnual => Months(day, 6),
        Cadence.Annual => Months(day, 12),
        _ => throw new ArgumentOutOfRangeException(nameof(cadence)),
    };

    /// <summary>The whole calendar periods the window touches, in order; empty for on-event controls.</summary>
    public static IReadOnlyList<DateRange> Periods(Cadence cadence, DateRange window)
    {
        if (cadence == Cadence.OnEvent)
        {
            return [];
        }

        var periods = new List<DateRange>();
        for (var p = PeriodContaining(cadence, window.Start); p.Start <= window.End; p = PeriodContaining(cadence, p.End.AddDays(1)))
        {
            periods.Add(p);
        }

        return periods;
    }

    /// <summary>Expected against observed for one control over <paramref name="window"/>, judged on <paramref name="today"/>.</summary>
    public static ControlLedger ForControl(Control control, IEnumerable<EvidenceItem> evidence, DateRange window, DateOnly today) =>
        ForControl(control, evidence, window, today, null);

    /// <summary>
    /// <see cref="ForControl(Control, IEnumerable{EvidenceItem}, DateRange, DateOnly)"/> with the owners' notes: a
    /// period whose note says the control did not occur carries the reason and is not missing.
    /// </summary>
    public static ControlLedger ForControl(Control control, IEnumerable<EvidenceItem> evidence, DateRange window, DateOnly today, IReadOnlyDictionary<(string ControlId, DateOnly PeriodStart), string>? didNotOccur)
    {
        ArgumentNullException.ThrowIfNull(control);
        var observed = Occurrences(control.Id, evidence).Where(o => o.Effective.Overlaps(window)).ToList();
        var expected = Periods(control.Cadence, window).Select(p =>
        {
            var inWindow = p.Intersect(window)!.Value;
            return new ExpectedOccurrence
            {
                Period = p,
                InWindow = inWindow,
                Due = inWindow.End < today,
                Evidence = observed.Where(o => o.Effective.Overlaps(inWindow)).ToList(),
                DidNotOccurReason = didNotOccur is not null && didNotOccur.TryGetValue((control.Id, p.Start), out var why) ? why : null,
            };
        }).ToList();
        return new ControlLedger { ControlId = control.Id, Title = control.Title, Cadence = control.Cadence, Window = window, Expected = expected, Observed = observed };
    }

    /// <summary>
    /// The ledger of an engagement over its <see cref="Engagement.Window"/>, for the controls in scope
    /// (<see cref="EngagementScope.Controls"/>). Fails when the engagement has no window (a Type 1 is as of one
    /// date: it tests design, not operation over time).
    /// </summary>
    public static Result<EngagementLedger> ForEngagement(
        Engagement engagement, IEnumerable<Control> controls, IEnumerable<EvidenceItem> evidence, DateOnly today,
        IReadOnlyDictionary<(string ControlId, DateOnly PeriodStart), string>? didNotOccur = null)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        if (engagement.Window is not { } window)
        {
            return new Error(ErrorCodes.NoWindow, $"engagement {engagement.Id} ({engagement.Kind.ToWire()}) has no observation window to build a ledger over");
        }

        var byControl = ByControl(evidence);
        var ledgers = EngagementScope.Controls(engagement, controls)
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => ForControl(c, byControl.TryGetValue(c.Id, out var linked) ? linked : [], window.Range, today, didNotOccur))
            .ToList();
        return new EngagementLedger(engagement.Id, window.Range, ledgers);
    }

    /// <summary>The "did not occur" reasons of the owners' notes, by control and period start.</summary>
    public static IReadOnlyDictionary<(string ControlId, DateOnly PeriodStart), string> DidNotOccur(IEnumerable<Operations.ControlTaskNote> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        return notes.Where(n => n.DidNotOccurReason is not null).ToDictionary(n => (n.ControlId, n.PeriodStart), n => n.DidNotOccurReason!);
    }

    /// <summary>
    /// Per evidence item, the engagements it serves: those whose ledger counts one of its versions (for an
    /// expected occurrence, or as an observed occurrence of an on-event control). Items serving nothing are listed
    /// with no engagements.
    /// </summary>
    public static IReadOnlyList<EvidenceUse> EvidenceReuse(IEnumerable<EngagementLedger> ledgers, IEnumerable<EvidenceItem> evidence)
    {
        var uses = ledgers
            .SelectMany(l => l.Controls.SelectMany(c => (c.HasFixedExpectation ? c.Expected.SelectMany(e => e.Evidence) : c.Observed)
                .Select(o => (o.EvidenceId, c.ControlId, l.EngagementId))))
            .ToList();
        return evidence
            .OrderBy(i => i.Id, StringComparer.Ordinal)
            .Select(i => new EvidenceUse(
                i.Id,
                i.Title,
                uses.Where(u => u.EvidenceId == i.Id).Select(u => u.ControlId).Distinct().Order(StringComparer.Ordinal).ToList(),
                uses.Where(u => u.EvidenceId == i.Id).Select(u => u.EngagementId).Distinct().Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }

    /// <summary>
    /// Each control's evidence items, in the program's order, indexed in one pass: looking them up per control by
    /// scanning every item cost controls × items (tens of seconds at 2,000 controls and 200,000 items, issue 18).
    /// </summary>
    internal static Dictionary<string, List<EvidenceItem>> ByControl(IEnumerable<EvidenceItem> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var byControl = new Dictionary<string, List<EvidenceItem>>(StringComparer.Ordinal);
        foreach (var item in evidence)
        {
            var ids = item.ControlIds;
            for (var i = 0; i < ids.Count; i++)
            {
                // Each item once per control, even if it names the control twice; without an allocation per item.
                if (Named(ids, i))
                {
                    continue;
                }

                if (!byControl.TryGetValue(ids[i], out var list))
                {
                    byControl[ids[i]] = list = [];
                }

                list.Add(item);
            }
        }

        return byControl;
    }

    // True when ids[at] already appears before position at.
    private static bool Named(IReadOnlyList<string> ids, int at)
    {
        for (var j = 0; j < at; j++)
        {
            if (string.Equals(ids[j], ids[at], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal static IEnumerable<Occurrence> Occurrences(string controlId, IEnumerable<EvidenceItem> evidence) =>
        evidence
            .Where(i => i.ControlIds.Contains(controlId))
            .SelectMany(i => i.Versions.Select(v => new Occurrence(
                i.Id,
                v.Number,
                v.EffectiveEnd < v.EffectiveFrom ? DateRange.Day(v.EffectiveFrom) : new DateRange(v.EffectiveFrom, v.EffectiveEnd))));

    private static DateRange Months(DateOnly day, int length)
    {
        var first = new DateOnly(day.Year, (((day.Month - 1) / length) * length) + 1, 1);
        return new DateRange(first, first.AddMonths(length).AddDays(-1));
    }
}
