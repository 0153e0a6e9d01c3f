using Trellis.Core.Audits;
using Trellis.Exchange.Calendars;

namespace Trellis.Cli.Output;

/// <summary>
/// Table and JSON renderings of the audits area: plans and calendars, engagements, the control operation
/// ledger, request (PBC) lists and findings. Functions over records, so they work the same on a proposed plan
/// and on what the database stores. Dates are written YYYY-MM-DD; kinds and statuses by their wire names.
/// </summary>
internal static partial class EngagementRender
{
    /// <summary>Plan or calendar events: JSON is an array of {id, kind, start, end, framework, title, description, warnings, state}.</summary>
    public static void WritePlan(TextWriter output, IEnumerable<PlanEvent> events, string format)
    {
        var list = events.ToList();
        if (format == "json")
        {
            Render.WriteJson(output, list.Select(EventView.From));
            return;
        }

        Render.WriteTable(
            output,
            ["start", "end", "state", "kind", "framework", "title", "warnings"],
            list.Select(e => (IReadOnlyList<string?>)
            [
                CalendarDates.Format(e.Start), CalendarDates.Format(e.End), e.State.ToWire(), e.Kind.ToWire(), e.Framework, e.Title,
                string.Join("\n", e.Warnings.Select(w => "! " + w)),
            ]),
            $"{list.Count} events, {list.Sum(e => e.Warnings.Count)} warnings");
    }

    /// <summary>
    /// Calendar events as <c>table</c>, <c>json</c> (same shape as the plan) or <c>ics</c> (RFC 5545, written by
    /// <see cref="CalendarExport.ToIcs"/>; DTSTAMP from <paramref name="clock"/>).
    /// </summary>
    public static void WriteCalendar(TextWriter output, IEnumerable<PlanEvent> events, string format, TimeProvider clock, string uidDomain = "trellis.local")
    {
        if (format == "ics")
        {
            output.Write(CalendarExport.ToIcs(events, clock, uidDomain: uidDomain));
            return;
        }

        WritePlan(output, events, format);
    }

    /// <summary>
    /// Engagements with their rule warnings (judged on <paramref name="today"/>) and the gaps between consecutive
    /// Type 2 periods (attached to the later engagement).
    /// </summary>
    public static void WriteEngagements(TextWriter output, IEnumerable<Engagement> engagements, string format, DateOnly today)
    {
        var list = engagements.OrderBy(e => e.Window?.Start ?? e.AsOf ?? e.Fieldwork?.Start ?? e.ReportDate).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var gaps = EngagementRules.Gaps(list.Where(e => e.Kind == EngagementKind.Soc2Type2 && e.Window is not null).Select(e => (e.Id, e.Window!)));
        var views = list.Select(e => EngagementView.From(e, [.. EngagementRules.Check(e, today), .. gaps.Where(g => g.After == e.Id).Select(g => EngagementRules.GapWarning(g))])).ToList();
        if (format == "json")
        {
            Render.WriteJson(output, views);
            return;
        }

        Render.WriteTable(
            output,
            ["id", "kind", "framework", "period", "fieldwork", "report", "current until", "warnings"],
            views.Select(v => (IReadOnlyList<string?>)
            [
                v.Id, v.Kind, v.Framework,
                v.WindowStart is not null ? $"{v.WindowStart}..{v.WindowEnd} ({v.WindowMonths} mo)" : v.AsOf ?? "",
                v.FieldworkStart is not null ? $"{v.FieldworkStart}..{v.FieldworkEnd}" : "",
                v.ReportDate ?? "", v.CurrentUntil ?? "",
                string.Join("\n", v.Warnings.Select(w => "! " + w)),
            ]),
            $"{views.Count} engagements");
    }

    /// <summary>JSON shape of an engagement.</summary>
    internal sealed record EngagementView(
        string Id, string Kind, string Framework, string Title, string Firm, IReadOnlyList<string> Categories, string? AsOf,
        string? WindowStart, string? WindowEnd, int? WindowMonths, string? FieldworkStart, string? FieldworkEnd, string? ReportDate,
        string? BridgeLetterEnd, string? CurrentUntil, IReadOnlyList<string> Warnings)
    {
        public static EngagementView From(Engagement e, IEnumerable<RuleWarning> warnings) => new(
            e.Id, e.Kind.ToWire(), e.Framework, e.DisplayTitle, e.Firm, e.Kind.IsSoc2() ? e.Categories : [], D(e.AsOf),
            D(e.Window?.Start), D(e.Window?.End), e.Window?.Months, D(e.Fieldwork?.Start), D(e.Fieldwork?.End), D(e.ReportDate),
            D(e.BridgeLetterEnd), e.Kind.IsSoc2() ? D(e.CurrentUntil) : null, warnings.Select(w => w.ToString()).ToList());
    }

    private static string? D(DateOnly? date) => date is { } d ? CalendarDates.Format(d) : null;

    /// <summary>JSON shape of a plan event (a stable contract of <c>trellis plan --format json</c>).</summary>
    internal sealed record EventView(
        string Id, string Kind, string Start, string End, string Framework, string Title, string Description, IReadOnlyList<string> Warnings, string State)
    {
        public static EventView From(PlanEvent e) => new(
            e.Id, e.Kind.ToWire(), CalendarDates.Format(e.Start), CalendarDates.Format(e.End), e.Framework, e.Title, e.Description,
            e.Warnings.Select(w => w.ToString()).ToList(), e.State.ToWire());
    }
}
