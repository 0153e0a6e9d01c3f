using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.Program;

namespace Trellis.Core.Operations;

/// <summary>Where one occurrence of a control's recurring work stands.</summary>
public enum ControlTaskStatus
{
    /// <summary>The occurrence's period is running and nothing shows it done yet.</summary>
    Open,

    /// <summary>The period has ended and nothing shows it done: a deviation in the operation ledger.</summary>
    Overdue,

    /// <summary>Overdue, but its owner has put it off until a later day, with a reason.</summary>
    Snoozed,

    /// <summary>Evidence effective inside the period shows the control operated.</summary>
    Done,

    /// <summary>Its owner recorded, with a reason, that the control had nothing to operate on in the period.</summary>
    DidNotOccur,
}

/// <summary>Wire names of <see cref="ControlTaskStatus"/>.</summary>
public static class ControlTaskStatuses
{
    private static readonly WireNames<ControlTaskStatus> Wire = new(new Dictionary<ControlTaskStatus, string>
    {
        [ControlTaskStatus.Open] = "open",
        [ControlTaskStatus.Overdue] = "overdue",
        [ControlTaskStatus.Snoozed] = "snoozed",
        [ControlTaskStatus.Done] = "done",
        [ControlTaskStatus.DidNotOccur] = "did-not-occur",
    });

    /// <summary>All wire names: <c>open</c>, <c>overdue</c>, <c>snoozed</c>, <c>done</c>, <c>did-not-occur</c>.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary><c>open</c>, <c>overdue</c>, <c>snoozed</c>, <c>done</c>, <c>did-not-occur</c>.</summary>
    public static string ToWire(this ControlTaskStatus status) => Wire[status];

    /// <summary>Parses a wire name (exact, lowercase); false when unknown.</summary>
    public static bool TryParse(string? text, out ControlTaskStatus status) => Wire.TryParse(text, out status);

    /// <summary>True while someone still has to act: open, overdue or snoozed.</summary>
    public static bool IsPending(this ControlTaskStatus status) => status is ControlTaskStatus.Open or ControlTaskStatus.Overdue or ControlTaskStatus.Snoozed;
}

/// <summary>
/// What people decided about one occurrence, kept by the program: another owner, a snooze with its reason, or
/// "did not occur" with its reason. An occurrence without a note follows its control.
/// </summary>
/// <param name="ControlId">Control ID.</param>
/// <param name="PeriodStart">First day of the occurrence's period (with the control, its identity).</param>
public sealed record ControlTaskNote(string ControlId, DateOnly PeriodStart)
{
    /// <summary>The person the occurrence was reassigned to; null: the control's owner.</summary>
    public string? Assignee { get; init; }

    /// <summary>While today is on or before this day, an overdue occurrence is snoozed.</summary>
    public DateOnly? SnoozedUntil { get; init; }

    /// <summary>Why it was snoozed.</summary>
    public string? SnoozeReason { get; init; }

    /// <summary>Why the control did not operate in the period; set: the occurrence did not occur.</summary>
    public string? DidNotOccurReason { get; init; }
}

/// <summary>One occurrence of a control's recurring work: its period, its owner, when it is due and where it stands.</summary>
public sealed record ControlTask
{
    /// <summary><c>&lt;control&gt;@&lt;first day of the period&gt;</c>, e.g. <c>AC-07@2026-10-01</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Control ID.</summary>
    public required string ControlId { get; init; }

    /// <summary>Control title.</summary>
    public string ControlTitle { get; init; } = "";

    /// <summary>The control's cadence.</summary>
    public required Cadence Cadence { get; init; }

    /// <summary>The calendar period of the cadence this occurrence is for.</summary>
    public required DateRange Period { get; init; }

    /// <summary>The day it is due: the period's last day.</summary>
    public DateOnly Due => Period.End;

    /// <summary>Who does it: the reassigned person, else the control's owner (empty when the control has none).</summary>
    public required string Owner { get; init; }

    /// <summary>Where it stands on the day it was computed.</summary>
    public required ControlTaskStatus Status { get; init; }

    /// <summary>Evidence IDs effective inside the period (what shows it done).</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>The people's note on it, if any.</summary>
    public ControlTaskNote? Note { get; init; }
}
