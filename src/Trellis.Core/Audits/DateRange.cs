using Trellis.Core.Common;

namespace Trellis.Core.Audits;

/// <summary>
/// An inclusive range of calendar days (fieldwork, a blackout, a cadence period). Calendar dates, never
/// instants: an audit day is the same day in every time zone. Validated at construction: Start ≤ End.
/// </summary>
public readonly record struct DateRange
{
    /// <summary>Creates a range; throws when <paramref name="end"/> is before <paramref name="start"/> (a bug in the caller).</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public DateRange(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException($"range end {end:yyyy-MM-dd} is before its start {start:yyyy-MM-dd}", nameof(end));
        }

        Start = start;
        End = end;
    }

    /// <summary>First day, inclusive.</summary>
    public DateOnly Start { get; }

    /// <summary>Last day, inclusive.</summary>
    public DateOnly End { get; }

    /// <summary>Number of days, both ends counted (a one-day range has 1).</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>A range of one day.</summary>
    public static DateRange Day(DateOnly day) => new(day, day);

    /// <summary>A range of <paramref name="days"/> days (at least 1) starting on <paramref name="start"/>.</summary>
    public static DateRange Starting(DateOnly start, int days) => new(start, start.AddDays(Math.Max(days, 1) - 1));

    /// <summary>A range of <paramref name="days"/> days (at least 1) ending on <paramref name="end"/>.</summary>
    public static DateRange Ending(DateOnly end, int days) => new(end.AddDays(1 - Math.Max(days, 1)), end);

    /// <summary>Validates user input: Start ≤ End.</summary>
    public static Result<DateRange> Create(DateOnly start, DateOnly end) => end < start
        ? new Error(ErrorCodes.InvalidRange, $"range {start:yyyy-MM-dd}..{end:yyyy-MM-dd} ends before it starts")
        : new DateRange(start, end);

    /// <summary>Parses <c>YYYY-MM-DD..YYYY-MM-DD</c> or a single <c>YYYY-MM-DD</c> (a one-day range).</summary>
    public static Result<DateRange> Parse(string? text, string what = "range")
    {
        var parts = (text ?? "").Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length > 2)
        {
            return new Error(ErrorCodes.InvalidRange, $"invalid {what} '{text}': expected YYYY-MM-DD..YYYY-MM-DD");
        }

        var start = CalendarDates.Parse(parts[0], what);
        if (!start.IsSuccess)
        {
            return start.Error!;
        }

        if (parts.Length == 1)
        {
            return Day(start.Value);
        }

        var end = CalendarDates.Parse(parts[1], what);
        return end.IsSuccess ? Create(start.Value, end.Value) : end.Error!;
    }

    /// <summary>True when <paramref name="day"/> is inside the range.</summary>
    public bool Contains(DateOnly day) => Start <= day && day <= End;

    /// <summary>True when <paramref name="other"/> lies entirely inside this range.</summary>
    public bool Contains(DateRange other) => Start <= other.Start && other.End <= End;

    /// <summary>True when the ranges share at least one day.</summary>
    public bool Overlaps(DateRange other) => Start <= other.End && other.Start <= End;

    /// <summary>The days both ranges share, or null.</summary>
    public DateRange? Intersect(DateRange other) => Overlaps(other)
        ? new DateRange(Start > other.Start ? Start : other.Start, End < other.End ? End : other.End)
        : null;

    /// <summary>The same length, moved by <paramref name="days"/> (negative moves earlier).</summary>
    public DateRange Shift(int days) => new(Start.AddDays(days), End.AddDays(days));

    /// <summary><c>YYYY-MM-DD..YYYY-MM-DD</c>.</summary>
    public override string ToString() => $"{CalendarDates.Format(Start)}..{CalendarDates.Format(End)}";
}
