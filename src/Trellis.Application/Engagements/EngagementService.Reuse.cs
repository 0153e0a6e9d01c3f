using Trellis.Application.Actors;
using Trellis.Core.Audits;
using Trellis.Core.Common;

namespace Trellis.Application.Engagements;

/// <summary>
/// One tested occurrence serving two audits (issue 16, item 4; <see cref="OccurrenceReuse"/>; docs/auditors.md). The
/// offers are the compliance lead's to act on (admin, compliance manager): they name the other engagement, which an
/// auditor scoped to this one never lists. Reusing one raises a request here already answered with the same evidence;
/// this engagement's auditor accepts or flags it like any other answer (<c>request.reuse</c>).
/// </summary>
public sealed partial class EngagementService
{
    /// <summary>The occurrences tested and accepted in overlapping engagements that this engagement may reuse.</summary>
    public async Task<Result<IReadOnlyList<ReuseOffer>>> ReuseOffersAsync(Account account, string engagementId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var found = await GetAsync(account, engagementId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (!account.ManagesProgram)
        {
            return new Error(ErrorCodes.Forbidden, "only an admin or a compliance manager sees what other engagements tested");
        }

        var target = found.Value.Value;
        var scope = EngagementScope.Controls(target, await program.ControlsAsync(account, ct)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var all = (await store.EngagementsAsync(ct)).Select(e => e.Value).ToList();
        var samples = (await store.SamplesAsync(ct)).Select(s => s.Value).ToList();
        var requests = (await store.RequestsAsync(ct)).Select(r => r.Value).ToList();
        return Result<IReadOnlyList<ReuseOffer>>.Ok(OccurrenceReuse.Offers(target, all, samples, requests, scope));
    }

    /// <summary>
    /// Reuses the occurrence tested by <paramref name="fromRequest"/> in this engagement: a request answered with its
    /// evidence, due for the auditor's decision on <paramref name="dueOn"/> (14 days from today when null).
    /// </summary>
    public async Task<Result<AuditRequest>> ReuseAsync(Account account, string engagementId, string fromRequest, DateOnly? dueOn, CancellationToken ct)
    {
        var offers = await ReuseOffersAsync(account, engagementId, ct);
        if (!offers.IsSuccess)
        {
            return offers.Error!;
        }

        var offer = offers.Value.FirstOrDefault(o => string.Equals(o.FromRequest, fromRequest?.Trim(), StringComparison.Ordinal));
        if (offer is null)
        {
            return new Error(ErrorCodes.UnknownRequest, offers.Value.Count == 0
                ? $"engagement {engagementId} has nothing to reuse: no accepted sample item of an overlapping engagement occurred in its period"
                : $"'{fromRequest}' is not offered to {engagementId}; offered: {string.Join(", ", offers.Value.Select(o => o.FromRequest))}", "request");
        }

        var due = dueOn ?? Today.AddDays(SampleRequestDays);
        if (due < Today)
        {
            return new Error(ErrorCodes.InvalidRequest, $"the due date {CalendarDates.Format(due)} is before today", "dueOn");
        }

        var target = (await GetAsync(account, engagementId, ct)).Value.Value;
        var reused = OccurrenceReuse.Reuse(offer, target, due, account.Email, clock.GetUtcNow());
        var stored = await store.AddRequestsAsync(
            s => Record(account, "request.reuse", $"request/{s[0].Id}", new
            {
                engagement = engagementId,
                from = offer.FromRequest,
                fromEngagement = offer.FromEngagement,
                control = offer.ControlId,
                item = offer.Item,
                evidence = offer.EvidenceIds,
            }),
            [reused], ct);
        return stored[0];
    }
}
