using System.Globalization;
using System.Text;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Core.Audits;
using Trellis.Core.Evidence;
using Trellis.Core.Operations;
using Trellis.Core.Program;

namespace Trellis.Application.Operations;

/// <summary>One line of a digest: what, about which object, and the day that matters (due, stale from, lapsed).</summary>
/// <param name="Kind"><c>task-overdue</c>, <c>task-due</c>, <c>request-assigned</c>, <c>evidence-going-stale</c>, <c>corrective-action-overdue</c>, <c>judgement-lapsed</c>.</param>
/// <param name="Subject">The object's ID (task, control, finding/action, requirement).</param>
/// <param name="Text">One line in words.</param>
/// <param name="On">The day that matters.</param>
public sealed record DigestItem(string Kind, string Subject, string Text, DateOnly? On);

/// <summary>What one person is told today.</summary>
/// <param name="Person">E-mail (lower case).</param>
/// <param name="Day">The day of the digest.</param>
/// <param name="Items">What needs them, most urgent kind first.</param>
public sealed record Digest(string Person, DateOnly Day, IReadOnlyList<DigestItem> Items)
{
    /// <summary>The subject line: "Trellis: 3 overdue, 2 due this week".</summary>
    public string Subject
    {
        get
        {
            var overdue = Items.Count(i => i.Kind is DigestService.TaskOverdue or DigestService.ActionOverdue);
            var other = Items.Count - overdue;
            return string.Create(CultureInfo.InvariantCulture, $"Trellis {Day:yyyy-MM-dd}: {overdue} overdue, {other} other {(other == 1 ? "item" : "items")}");
        }
    }

    /// <summary>The plain-text body: one line per item, grouped by kind.</summary>
    public string Body
    {
        get
        {
            var text = new StringBuilder();
            foreach (var group in Items.GroupBy(i => i.Kind))
            {
                text.Append(DigestService.Heading(group.Key)).Append('\n');
                foreach (var item in group)
                {
                    text.Append("- ").Append(item.Text).Append('\n');
                }

                text.Append('\n');
            }

            return text.ToString();
        }
    }
}

/// <summary>
/// The daily digest per person (issue 17, item 2): their overdue tasks and tasks due within
/// <see cref="DueSoonDays"/> days, evidence of controls they own that goes stale within <see cref="StaleSoonDays"/>
/// days (or is stale), corrective actions they own that are overdue, auditors' requests assigned to them (open or
/// flagged, overdue ones marked), and judgements they made that lapsed. People are
/// the e-mails the program names (control owners, task assignees, action owners, judges); a person with nothing to do
/// gets no digest. Computed from the program as a manager sees it; it writes nothing.
/// </summary>
public sealed class DigestService(ProgramService program, TaskService tasks, EngagementService engagements, IEnumerable<IDigestSource> sources)
{
    /// <summary>Kind: a task past its due day.</summary>
    public const string TaskOverdue = "task-overdue";

    /// <summary>Kind: an open task due within <see cref="DueSoonDays"/> days.</summary>
    public const string TaskDue = "task-due";

    /// <summary>Kind: an implemented control's evidence stale, or stale within <see cref="StaleSoonDays"/> days.</summary>
    public const string EvidenceGoingStale = "evidence-going-stale";

    /// <summary>Kind: a corrective action past its due day.</summary>
    public const string ActionOverdue = "corrective-action-overdue";

    /// <summary>Kind: an auditor's stored request assigned to the person, open or flagged (overdue ones say so).</summary>
    public const string RequestAssigned = "request-assigned";

    /// <summary>Kind: a judgement of sufficiency that lapsed.</summary>
    public const string JudgementLapsed = "judgement-lapsed";

    /// <summary>Tasks due within this many days are listed.</summary>
    public const int DueSoonDays = 7;

    /// <summary>Evidence going stale within this many days is listed.</summary>
    public const int StaleSoonDays = 14;

    private static readonly string[] Order = [TaskOverdue, ActionOverdue, RequestAssigned, TaskDue, EvidenceGoingStale, JudgementLapsed];

    /// <summary>Today's digests, one per person with something to do, by person.</summary>
    public Task<IReadOnlyList<Digest>> ComputeAsync(CancellationToken ct) => ComputeAsync(StaleSoonDays, ct);

    /// <summary>Today's digests, listing evidence going stale within <paramref name="staleSoonDays"/> days.</summary>
    public async Task<IReadOnlyList<Digest>> ComputeAsync(int staleSoonDays, CancellationToken ct)
    {
        var system = Account.Operator("digest");
        var today = tasks.Today;
        var items = new List<(string Person, DigestItem Item)>();

        var all = (await tasks.ListAsync(system, new TaskQuery(PendingOnly: true), ct)).Value;
        // Overdue occurrences of one control and owner are one line: a daily control behind for weeks is one thing to do.
        foreach (var late in all.Where(t => t.Owner.Length > 0 && t.Status == ControlTaskStatus.Overdue).GroupBy(t => (t.ControlId, Owner: t.Owner.ToLowerInvariant())))
        {
            var first = late.First();
            items.Add((first.Owner, late.Count() == 1
                ? new DigestItem(TaskOverdue, first.Id, $"{first.ControlId} {first.ControlTitle}: {first.Period} was due {D(first.Due)}", first.Due)
                : new DigestItem(TaskOverdue, first.Id, $"{first.ControlId} {first.ControlTitle}: {late.Count()} occurrences overdue, the oldest due {D(first.Due)}", first.Due)));
        }

        foreach (var t in all.Where(t => t.Owner.Length > 0))
        {
            if (t.Status == ControlTaskStatus.Open && t.Due <= today.AddDays(DueSoonDays))
            {
                items.Add((t.Owner, new DigestItem(TaskDue, t.Id, $"{t.ControlId} {t.ControlTitle}: due {D(t.Due)}", t.Due)));
            }
        }

        var policy = new FreshnessPolicy();
        foreach (var s in await program.ControlStatesAsync(system, ct))
        {
            if (s.Control.Status != ImplementationStatus.Implemented || s.Control.Owner.Trim().Length == 0)
            {
                continue;
            }

            var staleFrom = policy.StaleFrom(s.Control.Cadence, s.LatestEffective);
            if (s.Freshness == FreshnessState.Missing)
            {
                items.Add((s.Control.Owner, new DigestItem(EvidenceGoingStale, s.Control.Id, $"{s.Control.Id} {s.Control.Title}: no evidence", null)));
            }
            else if (staleFrom <= today.AddDays(staleSoonDays))
            {
                var when = staleFrom <= today ? $"stale since {D(staleFrom!.Value)}" : $"stale from {D(staleFrom!.Value)}";
                items.Add((s.Control.Owner, new DigestItem(EvidenceGoingStale, s.Control.Id, $"{s.Control.Id} {s.Control.Title}: evidence {when}", staleFrom)));
            }
        }

        foreach (var f in await engagements.FindingsAsync(system, null, ct))
        {
            foreach (var a in f.OverdueActions(today).Where(a => a.Owner.Trim().Length > 0))
            {
                items.Add((a.Owner, new DigestItem(ActionOverdue, $"{f.Id}/{a.Id}", $"{f.Id} {a.Description}: due {D(a.DueDate)}", a.DueDate)));
            }
        }

        // The auditors' stored requests waiting for their owner: assigned (no answer yet) or flagged (to resubmit).
        var requests = await engagements.StoredRequestsAsync(system, null, ct);
        foreach (var r in requests.IsSuccess ? requests.Value.Select(v => v.Value) : [])
        {
            if (r.Owner is { Length: > 0 } owner && owner.Trim().Length > 0 && r.Status is AuditRequestStatus.Open or AuditRequestStatus.Assigned or AuditRequestStatus.Flagged)
            {
                var state = r.Status == AuditRequestStatus.Flagged ? "flagged, answer again" : "to answer";
                var late = r.DueOn < today ? $", overdue since {D(r.DueOn)}" : $", due {D(r.DueOn)}";
                items.Add((owner, new DigestItem(RequestAssigned, r.Id, $"{r.Id} ({r.EngagementId}): {r.Text} ({state}{late})", r.DueOn)));
            }
        }

        foreach (var j in (await program.JudgementsAsync(system, ct)).Where(j => !j.Active && j.Judgement.By.Trim().Length > 0))
        {
            items.Add((j.Judgement.By, new DigestItem(JudgementLapsed, j.Judgement.Requirement.ToString(), $"{j.Judgement.Requirement}: {string.Join("; ", j.LapsedBecause)}", null)));
        }

        foreach (var source in sources)
        {
            items.AddRange((await source.DigestItemsAsync(today, ct)).Select(x => (x.Person, x.Item)));
        }

        return [.. items
            .Where(x => x.Person.Trim().Length > 0)
            .GroupBy(x => x.Person.Trim().ToLowerInvariant())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Digest(g.Key, today, [.. g.Select(x => x.Item)
                .OrderBy(i => Rank(i.Kind)).ThenBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.On ?? DateOnly.MinValue).ThenBy(i => i.Subject, StringComparer.Ordinal)]))];
    }

    // Kinds of other sources come after the built-in ones, in the order of their names.
    private static int Rank(string kind) => Array.IndexOf(Order, kind) is var i and >= 0 ? i : Order.Length;

    /// <summary>The heading of a kind in the body.</summary>
    internal static string Heading(string kind) => kind switch
    {
        TaskOverdue => "Overdue tasks",
        TaskDue => $"Tasks due within {DueSoonDays} days",
        EvidenceGoingStale => "Evidence stale or going stale soon",
        ActionOverdue => "Overdue corrective actions",
        RequestAssigned => "Auditors' requests assigned to you",
        JudgementLapsed => "Judgements that lapsed",
        NotificationJobs.EvidenceStale => "Evidence that turned stale",
        Policies.PolicyDigestSource.AcknowledgementPending => "Policies to acknowledge",
        Policies.PolicyDigestSource.ReviewDue => $"Policies due for review within {Policies.PolicyDigestSource.ReviewSoonDays} days",
        Vendors.RegisterDigestSource.VendorReviewDue => "Vendor reviews due or overdue",
        Vendors.RegisterDigestSource.AssuranceExpiring => "Vendor assurance expiring, expired or qualified",
        Vendors.RegisterDigestSource.OffboardingOpen => "Leavers' access still to remove",
        _ => kind,
    };

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
