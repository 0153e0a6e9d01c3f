using System.Text;
using Ical.Net;
using Trellis.Core.Audits;
using Trellis.Exchange.Calendars;
using Trellis.Testing;
using static Trellis.Testing.AuditFixtures;

namespace Trellis.Exchange.Tests.Calendars;

/// <summary>The iCalendar export, parsed back with Ical.Net (an independent RFC 5545 implementation).</summary>
public class CalendarExportTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 27, 21, 45, 30, TimeSpan.Zero));

    private static readonly IReadOnlyList<PlanEvent> Events = AuditPlanner.Plan(new PlanRequest
    {
        CertificationDecision = D("2026-03-15"),
        Soc2Start = D("2026-01-01"),
        Today = D("2025-11-01"),
    }).Value.Events;

    private static PlanEvent Tricky => new()
    {
        Id = "tricky",
        Kind = PlanEventKind.IsoSurveillance1,
        Start = D("2028-02-28"),
        End = D("2028-02-29"),
        Framework = "iso27001-2022",
        Title = "Surveillance, day 1; room \"B\\C\", Zürich",
        Description = "Line one, with commas; and semicolons\nLine two \\ backslash\r\nLine three: " + new string('é', 60),
        Warnings = [new RuleWarning("x", "careful, really; " + new string('x', 90), Firmness.Rule, "a; b, c")],
    };

    private static Calendar Parse(string ics) => Calendar.Load(ics)!;

    [Fact]
    public void Ics_ParsedBack_HasOneEventPerPlanEventWithAllDayDatesAndExclusiveEnd()
    {
        var calendar = Parse(CalendarExport.ToIcs(Events, Clock));

        Assert.Equal(Events.Count, calendar.Events.Count);
        foreach (var e in Events)
        {
            var parsed = Assert.Single(calendar.Events, x => x.Uid == $"{e.Id}@trellis.local");
            Assert.False(parsed.DtStart!.HasTime);
            Assert.Equal(e.Start, parsed.DtStart.Date);
            Assert.Equal(e.End.AddDays(1), parsed.DtEnd!.Date);
            Assert.Equal(e.Title, parsed.Summary);
        }
    }

    [Fact]
    public void Ics_TextWithCommasSemicolonsBackslashesAndNewlines_RoundTrips()
    {
        var parsed = Assert.Single(Parse(CalendarExport.ToIcs([Tricky], Clock)).Events);

        Assert.Equal(Tricky.Title, parsed.Summary);
        Assert.StartsWith("Line one, with commas; and semicolons\nLine two \\ backslash\nLine three: ééé", parsed.Description, StringComparison.Ordinal);
        Assert.Contains("Warning: careful, really; xxx", parsed.Description, StringComparison.Ordinal);
        Assert.Equal(D("2028-03-01"), parsed.DtEnd!.Date); // leap year: 29 February is the last day
    }

    [Fact]
    public void Ics_LinesAreFoldedAt75Octets_WithCrlfAndNoSplitCharacter()
    {
        var ics = CalendarExport.ToIcs([Tricky, .. Events], Clock);

        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = ics.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.Contains(lines, l => l.StartsWith(' ')); // something was folded
        Assert.DoesNotContain(lines, l => (l.Length - l.TrimEnd('\\').Length) % 2 == 1); // no fold inside an escape pair
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(ics)));
    }

    [Fact]
    public void Ics_HeaderAndStamp_FollowRfc5545()
    {
        var ics = CalendarExport.ToIcs(Events, Clock);
        var calendar = Parse(ics);

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nCALSCALE:GREGORIAN\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTART;VALUE=DATE:20270215\r\n", ics, StringComparison.Ordinal);
        Assert.Equal("2.0", calendar.Version);
        Assert.All(calendar.Events, e => Assert.Contains("DTSTAMP:20261127T214530Z", ics, StringComparison.Ordinal));
        Assert.All(calendar.Events, e => Assert.True(e.DtStamp!.IsUtc));
    }

    [Fact]
    public void Ics_Uids_AreStableAcrossExportsAndReplans()
    {
        var later = new FixedClock(new DateTimeOffset(2027, 1, 5, 8, 0, 0, TimeSpan.Zero));
        var replanned = AuditPlanner.Plan(new PlanRequest
        {
            CertificationDecision = D("2026-03-15"),
            Soc2Start = D("2026-01-01"),
            Today = D("2025-11-01"),
            Blackouts = [new DateRange(D("2027-01-01"), D("2027-01-20"))],
        }).Value.Events;

        var first = Parse(CalendarExport.ToIcs(Events, Clock)).Events.Select(e => e.Uid).Order(StringComparer.Ordinal);
        var second = Parse(CalendarExport.ToIcs(replanned, later)).Events.Select(e => e.Uid).Order(StringComparer.Ordinal);

        Assert.Equal(first, second);
    }
}
