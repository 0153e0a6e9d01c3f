using System.Globalization;
using Trellis.Web.Api;

namespace Trellis.Web.Pages.Engagements;

/// <summary>
/// How the ledger page shows a control's occurrences: daily and weekly occurrences grouped by calendar month (a month
/// with its counts, opening to its days or weeks), every other cadence one by one; each with a short label and its
/// status as a word, never as colour alone.
/// </summary>
public static class LedgerPeriods
{
    /// <summary>True when the cadence has many occurrences a month, which the page groups by month.</summary>
    public static bool Grouped(string cadence) => cadence is "daily" or "weekly";

    /// <summary>The occurrences by the calendar month their in-window part starts in, oldest first.</summary>
    public static IReadOnlyList<MonthGroup> ByMonth(IReadOnlyList<OccurrenceView> occurrences) =>
        [.. occurrences.GroupBy(o => new DateOnly(o.Start.Year, o.Start.Month, 1))
            .OrderBy(g => g.Key)
            .Select(g => new MonthGroup(g.Key, [.. g]))];

    /// <summary>The status as people read it: observed, missing, not due.</summary>
    public static string Word(string state) => state switch
    {
        "not-due" => "not due",
        "did-not-occur" => "did not occur",
        _ => state,
    };

    /// <summary>The CSS class of a status (colour and weight; the word is always shown too).</summary>
    public static string Css(string state) => "occ occ-" + state;

    /// <summary>A short label of an occurrence's days: "5 Jan" for a day, "Jan 2026" for a whole month, else "5 Jan – 11 Jan".</summary>
    public static string Label(OccurrenceView o)
    {
        var c = CultureInfo.InvariantCulture;
        if (o.Start == o.End)
        {
            return o.Start.ToString("d MMM", c);
        }

        if (o.Start.Day == 1 && o.End == o.Start.AddMonths(1).AddDays(-1))
        {
            return o.Start.ToString("MMM yyyy", c);
        }

        return o.Start.Year == o.End.Year
            ? $"{o.Start.ToString("d MMM", c)} – {o.End.ToString("d MMM yyyy", c)}"
            : $"{o.Start.ToString("d MMM yyyy", c)} – {o.End.ToString("d MMM yyyy", c)}";
    }

    /// <summary>The full description of an occurrence (ISO dates, status, evidence IDs), for its tooltip.</summary>
    public static string Describe(OccurrenceView o)
    {
        var c = CultureInfo.InvariantCulture;
        return $"{o.Start.ToString("yyyy-MM-dd", c)} – {o.End.ToString("yyyy-MM-dd", c)}: {Word(o.State)}"
            + (o.Evidence.Count > 0 ? " (" + string.Join(", ", o.Evidence) + ")" : "")
            + (o.DidNotOccurReason is { } why ? ": " + why : "");
    }
}

/// <summary>The occurrences of one calendar month.</summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="Occurrences">Its occurrences, oldest first.</param>
public sealed record MonthGroup(DateOnly Month, IReadOnlyList<OccurrenceView> Occurrences)
{
    /// <summary>"Jan 2026".</summary>
    public string Label => Month.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>How many have <paramref name="state"/>.</summary>
    public int Count(string state) => Occurrences.Count(o => o.State == state);

    /// <summary>The month's status: missing when any is missing, else not due when any is not due, else observed.</summary>
    public string State => Count("missing") > 0 ? "missing" : Count("not-due") > 0 ? "not-due" : "observed";
}
