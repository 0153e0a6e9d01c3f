using Trellis.Core.Common;
using Trellis.Core.Evidence;
using Trellis.Core.Program;

namespace Trellis.Core.Audits;

/// <summary>Where a request (a PBC item, "provided by client") stands.</summary>
public enum RequestStatus
{
    /// <summary>Evidence speaks for every due occurrence in every requesting window, and the newest is fresh.</summary>
    Answered,

    /// <summary>
    /// Evidence was supplied but no longer speaks for the whole request: some due occurrences have none, or
    /// the newest is older than one cadence period plus grace (<see cref="FreshnessPolicy"/>).
    /// </summary>
    Stale,

    /// <summary>No evidence in any requesting window.</summary>
    Missing,
}

/// <summary>Wire names of <see cref="RequestStatus"/>.</summary>
public static class RequestStatuses
{
    private static readonly WireNames<RequestStatus> Wire = new(new Dictionary<RequestStatus, string>
    {
        [RequestStatus.Answered] = "answered",
        [RequestStatus.Stale] = "stale",
        [RequestStatus.Missing] = "missing",
    });

    /// <summary>All wire names: <c>answered</c>, <c>stale</c>, <c>missing</c>.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>Wire name: <c>answered</c>, <c>stale</c> or <c>missing</c>.</summary>
    public static string ToWire(this RequestStatus status) => Wire[status];

    /// <summary>Parses a wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out RequestStatus status) => Wire.TryParse(text, out status);
}

/// <summary>One expected occurrence of a request, shared by every engagement whose window touches its period.</summary>
/// <param name="Period">The calendar period.</param>
/// <param name="EngagementIds">Engagements that expect it.</param>
/// <param name="EvidenceIds">Evidence items that answer it (in any requesting window).</param>
/// <param name="Missing">True when it is due in some requesting window with no evidence there.</param>
public sealed record RequestOccurrence(DateRange Period, IReadOnlyList<string> EngagementIds, IReadOnlyList<string> EvidenceIds, bool Missing);

/// <summary>
/// One request of a PBC list: "show control X operating", asked once however many audits want it. SOC 2 and
/// ISO requests for the same control are one request, answered by the same evidence.
/// </summary>
public sealed record EvidenceRequest
{
    /// <summary>Request ID, <c>PBC-</c> and the control ID.</summary>
    public required string Id { get; init; }

    /// <summary>The control to show operating.</summary>
    public required string ControlId { get; init; }

    /// <summary>Control title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The control's cadence.</summary>
    public required Cadence Cadence { get; init; }

    /// <summary>Engagements asking for it (both regimes when the control serves both).</summary>
    public required IReadOnlyList<string> EngagementIds { get; init; }

    /// <summary>Expected occurrences, merged across engagements by calendar period; empty for on-event controls.</summary>
    public IReadOnlyList<RequestOccurrence> Occurrences { get; init; } = [];

    /// <summary>Evidence items answering it.</summary>
    public required IReadOnlyList<string> EvidenceIds { get; init; }

    /// <summary>Answered, stale or missing.</summary>
    public required RequestStatus Status { get; init; }

    /// <summary>Why, in one line.</summary>
    public string Reason { get; init; } = "";
}

/// <summary>Builds PBC lists from engagement ledgers.</summary>
public static class RequestList
{
    /// <summary>
    /// One request per control in scope of any of the <paramref name="ledgers"/>, deduplicated across engagements
    /// and regimes, ordered by control ID. Freshness is judged on the earlier of <paramref name="today"/> and the
    /// last requesting window's end, with <paramref name="policy"/> (the default grace is 14 days).
    /// </summary>
    public static IReadOnlyList<EvidenceRequest> Build(IEnumerable<EngagementLedger> ledgers, DateOnly today, FreshnessPolicy? policy = null)
    {
        policy ??= new FreshnessPolicy();
        var rows = ledgers.SelectMany(l => l.Controls.Select(c => (Engagement: l.EngagementId, Control: c))).ToList();
        return rows
            .GroupBy(r => r.Control.ControlId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Request(g.ToList(), today, policy))
            .ToList();
    }

    private static EvidenceRequest Request(List<(string Engagement, ControlLedger Control)> rows, DateOnly today, FreshnessPolicy policy)
    {
        var first = rows[0].Control;
        var occurrences = rows
            .SelectMany(r => r.Control.Expected.Select(e => (r.Engagement, Expected: e)))
            .GroupBy(x => x.Expected.Period)
            .OrderBy(g => g.Key.Start)
            .Select(g => new RequestOccurrence(
                g.Key,
                g.Select(x => x.Engagement).Distinct().Order(StringComparer.Ordinal).ToList(),
                g.SelectMany(x => x.Expected.Evidence.Select(o => o.EvidenceId)).Distinct().Order(StringComparer.Ordinal).ToList(),
                g.Any(x => x.Expected.Missing)))
            .ToList();
        var observed = rows.SelectMany(r => r.Control.Observed).ToList();
        var evidenceIds = observed.Select(o => o.EvidenceId).Distinct().Order(StringComparer.Ordinal).ToList();
        var judgedOn = CalendarDates.Min(today, rows.Max(r => r.Control.Window.End));
        var newest = observed.Where(o => o.Effective.Start <= judgedOn).Select(o => (DateOnly?)CalendarDates.Min(o.Effective.End, judgedOn)).Max();
        var missing = occurrences.Where(o => o.Missing).ToList();

        var (status, reason) = (evidenceIds.Count, missing.Count, policy.Judge(first.Cadence, newest, judgedOn)) switch
        {
            (0, _, _) => (RequestStatus.Missing, "no evidence in any requesting window"),
            (_, > 0, _) => (RequestStatus.Stale, $"{missing.Count} due occurrence(s) have no evidence: {string.Join(", ", missing.Take(6).Select(o => o.Period.ToString()))}{(missing.Count > 6 ? ", …" : "")}"),
            (_, _, FreshnessState.Fresh) => (RequestStatus.Answered, $"evidence for every due occurrence; newest effective {CalendarDates.Format(newest!.Value)}"),
            _ => (RequestStatus.Stale, newest is { } n
                ? $"newest evidence is effective {CalendarDates.Format(n)}, older than one {first.Cadence.ToWire()} period plus {policy.GraceDays} days on {CalendarDates.Format(judgedOn)}"
                : "evidence only starts after the judging date"),
        };

        return new EvidenceRequest
        {
            Id = $"PBC-{first.ControlId}",
            ControlId = first.ControlId,
            Title = first.Title,
            Cadence = first.Cadence,
            EngagementIds = rows.Select(r => r.Engagement).Distinct().Order(StringComparer.Ordinal).ToList(),
            Occurrences = occurrences,
            EvidenceIds = evidenceIds,
            Status = status,
            Reason = reason,
        };
    }
}
