using System.Globalization;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.Evidence;
using Trellis.Core.Program;

namespace Trellis.Core.Operations;

/// <summary>
/// The recurring work a program's controls call for, derived from each control's <see cref="Cadence"/> on the same
/// calendar periods as the <see cref="OperationLedger"/>, so a task done is an occurrence observed and a task
/// overdue is a missing occurrence.
/// </summary>
/// <remarks>
/// Rules: only <see cref="ImplementationStatus.Implemented"/> controls operate, so only they have tasks. Each period
/// of the cadence is one task, due on the period's last day (a quarterly review of 2026 Q4 is due 2026-12-31).
/// <see cref="Cadence.Continuous"/> controls run by themselves; their task is the monthly sample the ledger expects
/// (keep one month's output of the monitoring as evidence). <see cref="Cadence.OnEvent"/> controls have no fixed
/// expectation and therefore no recurring task: their occurrences are recorded as evidence when the event happens.
/// A task is <see cref="ControlTaskStatus.Done"/> when some evidence version of the control is effective inside
/// its period — whoever uploaded it and however (a completed task, an upload, an import) — and
/// <see cref="ControlTaskStatus.DidNotOccur"/> when its note says so with a reason; otherwise open while its period
/// runs, overdue once it has ended (snoozed while the note's snooze lasts).
/// </remarks>
public static class ControlTasks
{
    /// <summary>How far back tasks are listed when no start is given: 90 days.</summary>
    public const int DefaultLookbackDays = 90;

    /// <summary>The task ID of a control's occurrence: <c>AC-07@2026-10-01</c>.</summary>
    public static string IdOf(string controlId, DateOnly periodStart) =>
        controlId + "@" + periodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Splits a task ID into control and period start; an error naming the expected form otherwise.</summary>
    public static Result<(string ControlId, DateOnly PeriodStart)> ParseId(string? id)
    {
        var at = id?.LastIndexOf('@') ?? -1;
        if (id is null || at <= 0 || !DateOnly.TryParseExact(id[(at + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            return new Error(ErrorCodes.InvalidTask, $"'{id}' is not a task ID: expected <control>@<first day of the period>, e.g. AC-07@2026-10-01", "id");
        }

        return (id[..at], start);
    }

    /// <summary>
    /// Every task of the implemented controls whose period overlaps <paramref name="from"/>..<paramref name="today"/>
    /// (the current period of each control included), ordered by due day, then control ID.
    /// </summary>
    public static IReadOnlyList<ControlTask> Between(
        IEnumerable<Control> controls, IEnumerable<EvidenceItem> evidence, IEnumerable<ControlTaskNote> notes, DateOnly from, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(controls);
        var byNote = notes.ToDictionary(n => (n.ControlId, n.PeriodStart));
        // Each control's evidence, indexed once (OperationLedger.ByControl), not scanned per control.
        var byControl = OperationLedger.ByControl(evidence);

        var window = new DateRange(from <= today ? from : today, today);
        var tasks = new List<ControlTask>();
        foreach (var control in controls.Where(c => c.Status == ImplementationStatus.Implemented && c.Cadence != Cadence.OnEvent))
        {
            var occurrences = byControl.TryGetValue(control.Id, out var linked) ? OperationLedger.Occurrences(control.Id, linked).ToList() : [];
            foreach (var period in OperationLedger.Periods(control.Cadence, window))
            {
                byNote.TryGetValue((control.Id, period.Start), out var note);
                var done = occurrences.Where(o => o.Effective.Overlaps(period)).Select(o => o.EvidenceId).Distinct().Order(StringComparer.Ordinal).ToList();
                tasks.Add(new ControlTask
                {
                    Id = IdOf(control.Id, period.Start),
                    ControlId = control.Id,
                    ControlTitle = control.Title,
                    Cadence = control.Cadence,
                    Period = period,
                    Owner = string.IsNullOrWhiteSpace(note?.Assignee) ? control.Owner : note.Assignee,
                    Status = StatusOf(period, done.Count > 0, note, today),
                    Evidence = done,
                    Note = note,
                });
            }
        }

        return [.. tasks.OrderBy(t => t.Due).ThenBy(t => t.ControlId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The period of <paramref name="control"/>'s cadence that starts on <paramref name="periodStart"/>; an error when
    /// the control has no recurring task or no period of its cadence starts that day.
    /// </summary>
    public static Result<DateRange> PeriodOf(Control control, DateOnly periodStart)
    {
        ArgumentNullException.ThrowIfNull(control);
        if (control.Status != ImplementationStatus.Implemented || control.Cadence == Cadence.OnEvent)
        {
            return new Error(ErrorCodes.UnknownTask, $"control {control.Id} has no recurring tasks (only implemented controls with a fixed cadence do)", "id");
        }

        var period = OperationLedger.PeriodContaining(control.Cadence, periodStart);
        return period.Start == periodStart
            ? period
            : new Error(ErrorCodes.UnknownTask, $"no {control.Cadence.ToWire()} period of {control.Id} starts on {CalendarDates.Format(periodStart)} (its period containing that day starts {CalendarDates.Format(period.Start)})", "id");
    }

    private static ControlTaskStatus StatusOf(DateRange period, bool observed, ControlTaskNote? note, DateOnly today)
    {
        if (observed)
        {
            return ControlTaskStatus.Done;
        }

        if (!string.IsNullOrWhiteSpace(note?.DidNotOccurReason))
        {
            return ControlTaskStatus.DidNotOccur;
        }

        if (period.End >= today)
        {
            return ControlTaskStatus.Open;
        }

        return note?.SnoozedUntil is { } until && until >= today ? ControlTaskStatus.Snoozed : ControlTaskStatus.Overdue;
    }
}
