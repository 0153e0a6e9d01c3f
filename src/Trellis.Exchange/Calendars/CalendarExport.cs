using System.Globalization;
using System.Text;
using Trellis.Core.Audits;

namespace Trellis.Exchange.Calendars;

/// <summary>
/// Writes plan or calendar events as an RFC 5545 iCalendar file that calendar applications import: one
/// all-day VEVENT per event (DTSTART;VALUE=DATE and an exclusive DTEND;VALUE=DATE, RFC 5545 3.6.1), a UID
/// stable per event, DTSTAMP from the injected clock in UTC, the state of an event already done or past as a
/// category and in the description, TEXT values escaped (3.3.11), lines folded at
/// 75 octets without splitting a UTF-8 character (3.1), CRLF line endings.
/// </summary>
public static class CalendarExport
{
    /// <summary>
    /// The iCalendar text. Each UID is <c>&lt;event id&gt;@&lt;uidDomain&gt;</c>: the same event keeps its UID when
    /// the plan is recomputed, so a re-import updates it instead of duplicating it. Pass a domain unique to the
    /// organization or program so two calendars never share UIDs.
    /// </summary>
    /// <param name="events">The events.</param>
    /// <param name="clock">Source of DTSTAMP (the moment the file is written, UTC).</param>
    /// <param name="calendarName">Calendar name (X-WR-CALNAME). The default is "Trellis audit calendar".</param>
    /// <param name="uidDomain">Right-hand side of each UID. The default is <c>trellis.local</c>.</param>
    public static string ToIcs(IEnumerable<PlanEvent> events, TimeProvider clock, string calendarName = "Trellis audit calendar", string uidDomain = "trellis.local")
    {
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Trellis//Audit calendar//EN");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(calendarName));
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, $"UID:{Escape(e.Id)}@{Escape(uidDomain)}");
            Line(sb, "DTSTAMP:" + stamp);
            Line(sb, "DTSTART;VALUE=DATE:" + Date(e.Start));

            // All-day events end on the day after the last day (DTEND is exclusive, RFC 5545 3.6.1).
            Line(sb, "DTEND;VALUE=DATE:" + Date(e.End.AddDays(1)));
            Line(sb, "SUMMARY:" + Escape(e.Title));
            Line(sb, "DESCRIPTION:" + Escape(Description(e)));
            Line(sb, $"CATEGORIES:{Escape(e.Kind.ToWire())},{Escape(e.Framework)}" + (e.State == PlanEventState.Planned ? "" : "," + e.State.ToWire()));
            Line(sb, "TRANSP:" + (e.Kind.IsActivity() ? "OPAQUE" : "TRANSPARENT"));
            Line(sb, "END:VEVENT");
        }

        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma, and newlines as <c>\n</c>.</summary>
    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    private static string Description(PlanEvent e)
    {
        var lines = new List<string>();
        if (e.Description.Length > 0)
        {
            lines.Add(e.Description);
        }

        lines.Add($"{e.Kind.ToWire()} · {e.Framework} · {CalendarDates.Format(e.Start)} to {CalendarDates.Format(e.End)}"
            + (e.State == PlanEventState.Planned ? "" : $" · {e.State.ToWire()}"));
        lines.AddRange(e.Warnings.Select(w => "Warning: " + w));
        return string.Join("\n", lines);
    }

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes one content line, folded so no physical line exceeds 75 octets, ending in CRLF. A fold never
    /// splits a UTF-8 character (3.1) nor, for the sake of lenient importers, an escape pair such as <c>\;</c>.
    /// </summary>
    private static void Line(StringBuilder sb, string line)
    {
        const int limit = 75;
        var octets = 0;
        var runes = line.EnumerateRunes().ToList();
        for (var i = 0; i < runes.Count; i++)
        {
            var unit = runes[i].Value == '\\' && i + 1 < runes.Count ? runes[i].ToString() + runes[++i].ToString() : runes[i].ToString();
            var size = Encoding.UTF8.GetByteCount(unit);
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
            }

            sb.Append(unit);
            octets += size;
        }

        sb.Append("\r\n");
    }
}
