namespace Trellis.Core.Audits;

/// <summary>
/// An occurrence tested in one engagement that another engagement may use: a sampled item of <see cref="ControlId"/>
/// whose request the other engagement's auditor accepted, and which occurred inside this engagement's period.
/// </summary>
/// <param name="FromEngagement">The engagement where it was tested.</param>
/// <param name="FromRequest">The accepted request that tested it.</param>
/// <param name="FromSample">The sample it was drawn in.</param>
/// <param name="ControlId">The control.</param>
/// <param name="Item">The occurrence (a ledger period or a population row).</param>
/// <param name="OccurredOn">The day it occurred.</param>
/// <param name="EvidenceIds">The evidence the accepted answer gave.</param>
/// <param name="Owner">Who answered it there.</param>
public sealed record ReuseOffer(
    string FromEngagement, string FromRequest, string FromSample, string ControlId, string Item, DateOnly OccurredOn,
    IReadOnlyList<string> EvidenceIds, string? Owner);

/// <summary>
/// One tested occurrence serving two audits (issue 16, item 4; docs/auditors.md "Reuse between audits"). When an ISO
/// audit and a SOC 2 Type 2 window overlap, a control occurrence the one auditor sampled and accepted is offered to the
/// other engagement if it occurred inside that engagement's period: the compliance lead reuses it, which raises a
/// request there already answered with the same evidence and naming where it was tested; that engagement's auditor
/// still accepts or flags it. Offered only when accepted (a flagged or unanswered one was not shown to work), only
/// with a known occurrence day, and only once per engagement (an item already asked for there, by reuse or by its own
/// sample, is not offered again).
/// </summary>
public static class OccurrenceReuse
{
    /// <summary>
    /// The period an engagement's auditor samples occurrences from: the observation window (SOC 2 Type 2, or an ISO or
    /// internal audit given one); the as-of day (Type 1); for an ISO stage 2, surveillance or recertification audit with
    /// only fieldwork dates, the days since the previous such audit's fieldwork ended up to the day before this
    /// fieldwork starts (what a surveillance audit looks back over); otherwise none.
    /// </summary>
    public static DateRange? Period(Engagement engagement, IEnumerable<Engagement> all)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(all);
        if (engagement.Window is { } window)
        {
            return window.Range;
        }

        if (engagement.AsOf is { } asOf)
        {
            return DateRange.Day(asOf);
        }

        if (!IsCertificationAudit(engagement.Kind) || engagement.Fieldwork is not { } fieldwork)
        {
            return null;
        }

        var previous = all
            .Where(e => e.Id != engagement.Id && e.Framework == engagement.Framework && IsCertificationAudit(e.Kind)
                && e.Fieldwork is { } f && f.End < fieldwork.Start)
            .Select(e => e.Fieldwork!.Value.End)
            .DefaultIfEmpty()
            .Max();
        return previous == default || previous.AddDays(1) > fieldwork.Start.AddDays(-1)
            ? null
            : new DateRange(previous.AddDays(1), fieldwork.Start.AddDays(-1));
    }

    /// <summary>
    /// The occurrences tested elsewhere that <paramref name="target"/> may reuse, by control and day; only of the
    /// controls in its scope (<paramref name="controlsInScope"/>, see <see cref="EngagementScope.Controls"/>).
    /// </summary>
    public static IReadOnlyList<ReuseOffer> Offers(
        Engagement target, IReadOnlyList<Engagement> engagements, IReadOnlyList<AuditSample> samples, IReadOnlyList<AuditRequest> requests,
        IReadOnlySet<string> controlsInScope)
    {
        ArgumentNullException.ThrowIfNull(controlsInScope);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(engagements);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(requests);
        if (Period(target, engagements) is not { } period)
        {
            return [];
        }

        var asked = requests.Where(r => r.EngagementId == target.Id && r.ControlId is not null && r.SampleItem is not null)
            .Select(r => (r.ControlId!, r.SampleItem!)).ToHashSet();
        var reused = requests.Where(r => r.EngagementId == target.Id && r.ReusedFrom is not null).Select(r => r.ReusedFrom!).ToHashSet(StringComparer.Ordinal);
        var overlapping = engagements
            .Where(e => e.Id != target.Id && Period(e, engagements) is { } p && p.Start <= period.End && period.Start <= p.End)
            .Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var items = samples.Where(s => overlapping.Contains(s.EngagementId))
            .SelectMany(s => s.Items.Select(i => (Sample: s, Item: i)))
            .Where(x => x.Item.OccurredOn is { } day && day >= period.Start && day <= period.End)
            .ToDictionary(x => (x.Sample.Id, x.Item.Item), x => x);
        return [.. requests
            .Where(r => r.Status == AuditRequestStatus.Accepted && r.SampleId is not null && r.SampleItem is not null && r.ControlId is not null
                && controlsInScope.Contains(r.ControlId) && overlapping.Contains(r.EngagementId) && !reused.Contains(r.Id) && !asked.Contains((r.ControlId, r.SampleItem)))
            .Select(r => items.TryGetValue((r.SampleId!, r.SampleItem!), out var x)
                ? new ReuseOffer(r.EngagementId, r.Id, r.SampleId!, r.ControlId!, r.SampleItem!, x.Item.OccurredOn!.Value, r.EvidenceIds, r.AnsweredBy)
                : null)
            .OfType<ReuseOffer>()
            .OrderBy(o => o.ControlId, StringComparer.Ordinal).ThenBy(o => o.OccurredOn).ThenBy(o => o.FromRequest, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The request <paramref name="target"/> gets when the lead reuses <paramref name="offer"/>: tied to the control and
    /// item, already answered with the same evidence (the answer is the lead's), naming where it was tested; due on
    /// <paramref name="dueOn"/> for the auditor's decision.
    /// </summary>
    public static AuditRequest Reuse(ReuseOffer offer, Engagement target, DateOnly dueOn, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(target);
        var note = $"tested and accepted in {offer.FromEngagement} ({offer.FromRequest}, sample {offer.FromSample}); offered here because it occurred on {CalendarDates.Format(offer.OccurredOn)}, inside this engagement's period";
        return new AuditRequest
        {
            Id = "",
            EngagementId = target.Id,
            Text = $"Control {offer.ControlId} operating for {offer.Item}: the occurrence tested in {offer.FromEngagement}, reused for this engagement.",
            ControlId = offer.ControlId,
            SampleItem = offer.Item,
            DueOn = dueOn,
            RaisedBy = by,
            Owner = offer.Owner ?? by,
            Status = AuditRequestStatus.Answered,
            EvidenceIds = offer.EvidenceIds,
            AnsweredBy = by,
            ReusedFrom = offer.FromRequest,
            Thread =
            [
                new RequestEntry(at, by, "raised", $"reused from {offer.FromRequest}", []),
                new RequestEntry(at, by, "answered", note, offer.EvidenceIds),
            ],
        };
    }

    private static bool IsCertificationAudit(EngagementKind kind) =>
        kind is EngagementKind.IsoStage2 or EngagementKind.IsoSurveillance1 or EngagementKind.IsoSurveillance2 or EngagementKind.IsoRecertification;
}
