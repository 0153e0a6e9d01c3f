using System.Globalization;
using Trellis.Core.Common;

namespace Trellis.Core.Audits;

/// <summary>
/// Calendar arithmetic for audit planning. Months are added as calendar months and clamp to the month's
/// last day (31 January + 1 month = 28 or 29 February), as <see cref="DateOnly.AddMonths"/> does; a period of
/// n months starting on day d ends the day before d + n months.
/// </summary>
public static class CalendarDates
{
    /// <summary>Formats as <c>YYYY-MM-DD</c>.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses a real calendar date written <c>YYYY-MM-DD</c> (2026-02-30 fails).</summary>
    public static Result<DateOnly> Parse(string? text, string what = "date") =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : new Error(ErrorCodes.InvalidDate, $"invalid {what} '{text}': expected a real calendar date as YYYY-MM-DD");

    /// <summary>The calendar date of an instant in UTC (the product's reference zone for "today").</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The last day of the month containing <paramref name="date"/>.</summary>
    public static DateOnly MonthEnd(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));

    /// <summary>The last day of a month.</summary>
    public static DateOnly MonthEnd(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    /// <summary>True on the last day of a month.</summary>
    public static bool IsMonthEnd(DateOnly date) => date == MonthEnd(date);

    /// <summary><paramref name="date"/> itself when it is a month end, else the last day of the previous month.</summary>
    public static DateOnly MonthEndOnOrBefore(DateOnly date) => IsMonthEnd(date) ? date : new DateOnly(date.Year, date.Month, 1).AddDays(-1);

    /// <summary>
    /// Whole calendar months from <paramref name="start"/> to <paramref name="endInclusive"/>: the largest n with
    /// start + n months ≤ end + 1 day. 2026-01-01..2026-12-31 is 12; 2026-01-31..2026-04-29 is 3 (31 January + 3
    /// months = 30 April); 2024-02-29..2025-02-27 is 12 (29 February 2024 + 12 months = 28 February 2025).
    /// </summary>
    public static int WholeMonths(DateOnly start, DateOnly endInclusive)
    {
        var after = endInclusive.AddDays(1);
        var n = ((after.Year - start.Year) * 12) + after.Month - start.Month;
        while (n > 0 && start.AddMonths(n) > after)
        {
            n--;
        }

        return Math.Max(n, 0);
    }

    /// <summary>The earlier of two dates.</summary>
    public static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>The later of two dates.</summary>
    public static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
