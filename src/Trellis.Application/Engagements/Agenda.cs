using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Core.Audits;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Readiness;

namespace Trellis.Application.Engagements;

/// <summary>A dated audit event of an engagement: window start or end, fieldwork, report, bridge letter end.</summary>
public sealed record AgendaEvent(DateOnly On, string Engagement, string Title, string What);

/// <summary>A control whose evidence is stale, or goes stale within <see cref="Agenda.SoonDays"/> days (<paramref name="StaleFrom"/>).</summary>
public sealed record StaleControl(Control Control, FreshnessState Freshness, DateOnly? StaleFrom);

/// <summary>A corrective action past its due date, with its finding.</summary>
public sealed record OverdueAction(Finding Finding, CorrectiveAction Action);

/// <summary>The stored requests of the engagements an account sees, counted by where they stand (issue 16, item 2).</summary>
/// <param name="Open">Raised, nobody assigned.</param>
/// <param name="WithCompany">Assigned or flagged: the company's side must answer.</param>
/// <param name="AwaitingReview">Answered: the auditor decides.</param>
/// <param name="Accepted">Closed.</param>
/// <param name="Overdue">Due before today and not answered (open, assigned or flagged).</param>
/// <param name="Mine">Assigned to the account and not accepted.</param>
public sealed record RequestCounts(int Open, int WithCompany, int AwaitingReview, int Accepted, int Overdue, int Mine);

/// <summary>What needs doing now, as one account sees the program.</summary>
public sealed record AgendaView(
    IReadOnlyList<AgendaEvent> Upcoming,
    IReadOnlyList<StaleControl> Stale,
    IReadOnlyList<OverdueAction> Overdue,
    IReadOnlyList<Control> WithoutOwner,
    IReadOnlyList<ControlState> Mine,
    int LapsedJudgements,
    RequestCounts Requests);

/// <summary>
/// The dashboard's "what now?": the next audit events of the engagements on record, controls whose evidence is stale
/// or goes stale soon (implemented controls: their state counts in readiness), overdue corrective actions (ISO/IEC
/// 27001:2022 10.2), lapsed judgements (rule 8), controls without an owner, the signed-in account's own controls, and the
/// auditors' requests by status (overdue ones apart).
/// </summary>
public sealed class Agenda(ProgramService program, EngagementService engagements)
{
    /// <summary>"Soon": evidence that goes stale within this many days.</summary>
    public const int SoonDays = 30;

    /// <summary>Engagement events shown: those from today to this many days ahead.</summary>
    public const int HorizonDays = 180;

    /// <summary>Builds the agenda for <paramref name="account"/> on its day.</summary>
    public async Task<AgendaView> BuildAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        // States, not the program: staff states come from the database's aggregates (no evidence history loaded).
        var today = await program.AsOfAsync(account, ct);
        var policy = new FreshnessPolicy();
        var states = await program.ControlStatesAsync(account, ct);

        var upcoming = (await engagements.ListAsync(account, ct)).Select(e => e.Value)
            .SelectMany(EventsOf)
            .Where(x => x.On >= today && x.On <= today.AddDays(HorizonDays))
            .OrderBy(x => x.On).ThenBy(x => x.Engagement, StringComparer.Ordinal)
            .ToList();

        var stale = states
            .Where(s => s.Control.Status == ImplementationStatus.Implemented)
            .Select(s => new StaleControl(s.Control, s.Freshness, policy.StaleFrom(s.Control.Cadence, s.LatestEffective)))
            .Where(s => s.Freshness != FreshnessState.Fresh || s.StaleFrom <= today.AddDays(SoonDays))
            .OrderBy(s => s.StaleFrom ?? DateOnly.MinValue).ThenBy(s => s.Control.Id, StringComparer.Ordinal)
            .ToList();

        var overdue = (await engagements.FindingsAsync(account, null, ct))
            .SelectMany(f => f.OverdueActions(today).Select(a => new OverdueAction(f, a)))
            .OrderBy(o => o.Action.DueDate).ThenBy(o => o.Finding.Id, StringComparer.Ordinal)
            .ToList();

        var lapsed = (await program.JudgementsAsync(account, ct)).Count(j => !j.Active);
        var requests = (await engagements.StoredRequestsAsync(account, null, ct)).Value.Select(r => r.Value).ToList();
        var counts = new RequestCounts(
            requests.Count(r => r.Status == AuditRequestStatus.Open),
            requests.Count(r => r.Status is AuditRequestStatus.Assigned or AuditRequestStatus.Flagged),
            requests.Count(r => r.Status == AuditRequestStatus.Answered),
            requests.Count(r => r.Status == AuditRequestStatus.Accepted),
            requests.Count(r => r.IsOverdue(engagements.Today)),
            requests.Count(r => r.Status != AuditRequestStatus.Accepted && string.Equals(r.Owner, account.Email, StringComparison.OrdinalIgnoreCase)));
        return new AgendaView(
            upcoming,
            stale,
            overdue,
            [.. states.Select(s => s.Control).Where(c => c.Owner.Trim().Length == 0 && c.Status != ImplementationStatus.NotApplicable)],
            [.. states.Where(s => string.Equals(s.Control.Owner.Trim(), account.Email, StringComparison.OrdinalIgnoreCase))],
            lapsed,
            counts);
    }

    private static IEnumerable<AgendaEvent> EventsOf(Engagement e)
    {
        var title = e.DisplayTitle;
        if (e.Window is { } w)
        {
            yield return new AgendaEvent(w.Start, e.Id, title, "observation window starts");
            yield return new AgendaEvent(w.End, e.Id, title, "observation window ends");
        }

        if (e.AsOf is { } asOf)
        {
            yield return new AgendaEvent(asOf, e.Id, title, "as-of date");
        }

        if (e.Fieldwork is { } f)
        {
            yield return new AgendaEvent(f.Start, e.Id, title, "fieldwork starts");
        }

        if (e.ReportDate is { } report)
        {
            yield return new AgendaEvent(report, e.Id, title, "report due");
        }

        if (e.BridgeLetterEnd is { } bridge)
        {
            yield return new AgendaEvent(bridge, e.Id, title, "bridge letter ends");
        }
    }
}
