using Trellis.Core.Common;

namespace Trellis.Core.Audits;

/// <summary>
/// The period a SOC 2 Type 2 report covers (AICPA: the description and operating effectiveness "throughout a
/// period", docs/audit-cycle.md §1.1), or the period an ISO audit samples. Start and End are inclusive calendar
/// dates; Start ≤ End is enforced at construction. Length is measured in calendar months
/// (<see cref="CalendarDates.WholeMonths"/>): a window of exactly n months ends the day before Start + n months.
/// </summary>
public sealed record ObservationWindow
{
    /// <summary>Creates a window; throws when End is before Start (validate user input with <see cref="Create"/>).</summary>
    public ObservationWindow(DateOnly start, DateOnly end)
    {
        Range = new DateRange(start, end);
    }

    /// <summary>First day of the period, inclusive.</summary>
    public DateOnly Start => Range.Start;

    /// <summary>Last day of the period, inclusive.</summary>
    public DateOnly End => Range.End;

    /// <summary>The period as a day range.</summary>
    public DateRange Range { get; }

    /// <summary>Number of days, both ends counted.</summary>
    public int Days => Range.Days;

    /// <summary>Whole calendar months covered (see <see cref="CalendarDates.WholeMonths"/>).</summary>
    public int Months => CalendarDates.WholeMonths(Start, End);

    /// <summary>True when the window is exactly <see cref="Months"/> months long, with no extra days.</summary>
    public bool IsWholeMonths => Start.AddMonths(Months) == End.AddDays(1);

    /// <summary>Validates user input.</summary>
    public static Result<ObservationWindow> Create(DateOnly start, DateOnly end) => end < start
        ? new Error(ErrorCodes.InvalidWindow, $"observation window {CalendarDates.Format(start)}..{CalendarDates.Format(end)} ends before it starts")
        : new ObservationWindow(start, end);

    /// <summary>A window of exactly <paramref name="months"/> calendar months from <paramref name="start"/>.</summary>
    public static ObservationWindow OfMonths(DateOnly start, int months) => new(start, start.AddMonths(months).AddDays(-1));

    /// <summary>True when the window is shorter than <paramref name="months"/> calendar months.</summary>
    public bool IsShorterThan(int months) => End.AddDays(1) < Start.AddMonths(months);

    /// <summary>True when the window is longer than <paramref name="months"/> calendar months (by at least one day).</summary>
    public bool IsLongerThan(int months) => End.AddDays(1) > Start.AddMonths(months);

    /// <summary>True when <paramref name="day"/> is inside the window.</summary>
    public bool Contains(DateOnly day) => Range.Contains(day);

    /// <inheritdoc />
    public override string ToString() => Range.ToString();
}
