using System.Globalization;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Data;

namespace Trellis.Application.Operations;

/// <summary>The name an instance claims runs and deliveries with (host, process, a random part: two hosts in one process differ).</summary>
/// <param name="Name">The holder name.</param>
public sealed record JobInstance(string Name)
{
    /// <summary>A new name for this process.</summary>
    public static JobInstance Create()
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}:{Guid.NewGuid():N}:{Environment.MachineName}");
        return new(name.Length > 200 ? name[..200] : name);
    }
}

/// <summary>What one run of a job did.</summary>
/// <param name="Job">The job.</param>
/// <param name="Slot">The slot.</param>
/// <param name="Status">
/// <c>completed</c> (by this call), <c>already-done</c>, <c>busy</c> (another instance holds it), <c>lease-lost</c>,
/// <c>retrying</c> (everyone's lines are written; some refused mails wait for their next attempt).
/// </param>
/// <param name="People">Deliveries done by this call.</param>
/// <param name="Mailed">Mails the SMTP server accepted in this call.</param>
/// <param name="MailFailed">Mails the server or network refused in this call (the in-app lines were still written).</param>
/// <param name="MailOff">True when no SMTP server is configured (no mail attempted).</param>
/// <param name="MailRetrying">Refused mails this call left for a later attempt (the run completes after them).</param>
public sealed record JobOutcome(string Job, DateTimeOffset Slot, string Status, int People, int Mailed, int MailFailed, bool MailOff, int MailRetrying = 0);

/// <summary>
/// The scheduled jobs (issue 17, items 2 and 3): <see cref="Digest"/> (each person's daily digest) and
/// <see cref="StaleEvidenceSweep"/> (owners told when a control's evidence turns stale, once per control and stale
/// day). A run is keyed by (job, slot): the instance that claims the slot fills an outbox of one delivery per person
/// (what they are told is fixed then), then takes each person's delivery in turn: the in-app lines are written with the
/// delivery's mark in one transaction (never twice), then the mail is claimed (<c>sending</c>) before the SMTP
/// conversation and marked <c>sent</c> after it. A crash leaves the leases to expire; the next claim of the slot carries
/// on with the people not done. A mail the server or network refuses is tried again after
/// <see cref="SchedulerOptions.MailRetryDelay"/> (doubling) up to <see cref="SchedulerOptions.MailAttempts"/> times; the
/// run completes when every delivery is sent, off or failed for good. After a completed digest run, in-app lines and
/// runs older than <see cref="SchedulerOptions.KeepDays"/> are pruned. docs/operations.md, "Notifications", states the
/// one window in which a mail can be sent twice.
/// </summary>
public sealed class NotificationJobs(
    DigestService digests, ProgramService program, NotificationStore store, SmtpMailer mailer, SchedulerOptions options, JobInstance instance, TimeProvider clock)
{
    /// <summary>The daily digest job.</summary>
    public const string Digest = "digest";

    /// <summary>The stale-evidence sweep job.</summary>
    public const string StaleEvidenceSweep = "stale-evidence-sweep";

    /// <summary>Kind of a sweep line: a control's evidence turned stale.</summary>
    public const string EvidenceStale = "evidence-stale";

    /// <summary>Runs (or carries on with) the job's run of <paramref name="slot"/> unless it is done or another instance holds it.</summary>
    public async Task<JobOutcome> RunAsync(string job, DateTimeOffset slot, CancellationToken ct)
    {
        if (job is not (Digest or StaleEvidenceSweep))
        {
            throw new ArgumentOutOfRangeException(nameof(job), job, "unknown job");
        }

        var claim = await store.ClaimRunAsync(job, slot, instance.Name, clock.GetUtcNow(), options.Lease, ct);
        if (claim != RunClaim.Claimed)
        {
            return new JobOutcome(job, slot, claim == RunClaim.Completed ? "already-done" : "busy", 0, 0, 0, !mailer.Configured);
        }

        if (!await store.IsPlannedAsync(job, slot, ct))
        {
            var planned = job == Digest ? await PlanDigestAsync(slot, ct) : await PlanSweepAsync(slot, ct);
            if (!await store.PlanRunAsync(job, slot, instance.Name, planned, clock.GetUtcNow(), ct))
            {
                return new JobOutcome(job, slot, "lease-lost", 0, 0, 0, !mailer.Configured);
            }
        }

        int people = 0, mailed = 0, failed = 0, retrying = 0;
        foreach (var person in await store.PendingPeopleAsync(job, slot, ct))
        {
            // Renewing the run's lease person by person keeps it while the run makes progress.
            if (await store.ClaimRunAsync(job, slot, instance.Name, clock.GetUtcNow(), options.Lease, ct) != RunClaim.Claimed)
            {
                return new JobOutcome(job, slot, "lease-lost", people, mailed, failed, !mailer.Configured);
            }

            var delivery = await store.ClaimDeliveryAsync(job, slot, person, instance.Name, clock.GetUtcNow(), options.Lease, ct);
            if (delivery is null)
            {
                continue;
            }

            // Lines first (one transaction with the delivery's mark); a lost lease leaves the person to whoever holds it now.
            if (!delivery.InApp && !await store.WriteInAppAsync(job, slot, delivery.Planned, instance.Name, clock.GetUtcNow(), ct))
            {
                continue;
            }

            if (delivery.MailState is "pending" or "sending")
            {
                var mail = await MailAsync(job, slot, delivery, ct);
                if (mail is Mail.LeaseLost or Mail.Retrying)
                {
                    retrying += mail == Mail.Retrying ? 1 : 0;
                    continue;
                }

                mailed += mail == Mail.Sent ? 1 : 0;
                failed += mail == Mail.Failed ? 1 : 0;
            }

            if (await store.FinishDeliveryAsync(job, slot, person, instance.Name, clock.GetUtcNow(), ct))
            {
                people++;
            }
        }

        var audit = AuditRecords.Of(clock, Account.System, "notify." + job, $"jobs/{job}/{slot:yyyy-MM-ddTHH:mmZ}", new { slot, holder = instance.Name });
        var completed = await store.CompleteRunAsync(audit, job, slot, instance.Name, clock.GetUtcNow(), ct);
        if (completed && job == Digest)
        {
            await PruneAsync(ct);
        }

        var status = completed ? "completed" : retrying > 0 ? "retrying" : "busy";
        return new JobOutcome(job, slot, status, people, mailed, failed, !mailer.Configured, retrying);
    }

    /// <summary>Deletes in-app lines, and completed runs of slots, older than <see cref="SchedulerOptions.KeepDays"/> (audited when anything goes).</summary>
    public Task<PruneCounts> PruneAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().AddDays(-options.KeepDays);
        return store.PruneAsync(
            counts => AuditRecords.Of(clock, Account.System, "notify.prune", "jobs/prune", new { before, notifications = counts.Notifications, runs = counts.Runs }),
            before,
            ct);
    }

    private enum Mail
    {
        Sent,
        Failed,
        Retrying,
        Off,
        LeaseLost,
    }

    private async Task<Mail> MailAsync(string job, DateTimeOffset slot, ClaimedDelivery claimed, CancellationToken ct)
    {
        var delivery = claimed.Planned;
        if (!mailer.Configured)
        {
            return await store.SetMailStateAsync(job, slot, delivery.Person, instance.Name, "off", clock.GetUtcNow(), ct) ? Mail.Off : Mail.LeaseLost;
        }

        // Claim before send: only the holder of an unexpired lease sends.
        if (!await store.SetMailStateAsync(job, slot, delivery.Person, instance.Name, "sending", clock.GetUtcNow(), ct))
        {
            return Mail.LeaseLost;
        }

        try
        {
            await mailer.SendAsync(delivery, SmtpMailer.Body(delivery.Lines, options.PublicUrl), ct);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException
            or MailKit.Security.AuthenticationException or MailKit.ServiceNotConnectedException or TimeoutException or MailKit.Security.SslHandshakeException)
        {
            // Refused: tried again after the delay (doubling per attempt), unless this was the last attempt.
            var attempt = claimed.MailAttempts + 1;
            var now = clock.GetUtcNow();
            DateTimeOffset? retryAt = attempt < options.MailAttempts ? now + (options.MailRetryDelay * Math.Pow(2, attempt - 1)) : null;
            var recorded = await store.RecordMailFailureAsync(job, slot, delivery.Person, instance.Name, e.GetType().Name + ": " + e.Message, retryAt, now, ct);
            return !recorded ? Mail.LeaseLost : retryAt is null ? Mail.Failed : Mail.Retrying;
        }

        // Marked even if the lease ran out during the conversation: the mail went; a taker-over then sees "sent".
        await store.MarkSentAsync(job, slot, delivery.Person, instance.Name, ct);
        return Mail.Sent;
    }

    private async Task<IReadOnlyList<PlannedDelivery>> PlanDigestAsync(DateTimeOffset slot, CancellationToken ct)
    {
        var all = await digests.ComputeAsync(NotificationService.MaxStaleWithinDays, ct);
        var preferences = await NotificationService.PreferencesOfAsync(store, [.. all.Select(d => d.Person)], ct);
        var result = new List<PlannedDelivery>();
        foreach (var d in all)
        {
            var p = preferences[d.Person];
            var items = d.Items.Where(i => p.Wants(i.Kind) && (i.Kind != DigestService.EvidenceGoingStale || i.On is null || i.On <= d.Day.AddDays(p.StaleWithinDays))).ToList();
            if (items.Count == 0)
            {
                continue;
            }

            var kept = new Digest(d.Person, d.Day, items);
            var key = "digest/" + slot.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "/";
            result.Add(new PlannedDelivery(
                d.Person,
                kept.Subject,
                [.. items.Select(i => new NotificationLine(i.Kind, i.Subject, i.Text, i.On, key + i.Kind + "/" + i.Subject))],
                SmtpMailer.MessageId(Digest, slot, d.Person),
                p.Email && mailer.Configured));
        }

        return result;
    }

    private async Task<IReadOnlyList<PlannedDelivery>> PlanSweepAsync(DateTimeOffset slot, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var policy = new FreshnessPolicy();
        var lines = new List<(string Person, NotificationLine Line)>();
        foreach (var s in await program.ControlStatesAsync(Account.Operator("stale-evidence-sweep"), ct))
        {
            var owner = s.Control.Owner.Trim().ToLowerInvariant();
            if (s.Control.Status != ImplementationStatus.Implemented || owner.Length == 0 || s.Freshness == FreshnessState.Missing
                || policy.StaleFrom(s.Control.Cadence, s.LatestEffective) is not { } staleFrom || staleFrom > today)
            {
                continue;
            }

            var day = staleFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            lines.Add((owner, new NotificationLine(EvidenceStale, s.Control.Id, $"{s.Control.Id} {s.Control.Title}: evidence stale since {day}", staleFrom, $"stale/{s.Control.Id}/{day}")));
        }

        var people = lines.Select(l => l.Person).Distinct(StringComparer.Ordinal).ToList();
        var delivered = await store.DeliveredKeysAsync(people, "stale/", ct);
        var preferences = await NotificationService.PreferencesOfAsync(store, people, ct);
        return [.. lines
            .Where(l => !delivered.Contains(l.Person + "\n" + l.Line.Key) && preferences[l.Person].Wants(EvidenceStale))
            .GroupBy(l => l.Person, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PlannedDelivery(
                g.Key,
                string.Create(CultureInfo.InvariantCulture, $"Trellis {today:yyyy-MM-dd}: evidence of {g.Count()} {(g.Count() == 1 ? "control" : "controls")} turned stale"),
                [.. g.Select(l => l.Line).OrderBy(l => l.Subject, StringComparer.Ordinal)],
                SmtpMailer.MessageId(StaleEvidenceSweep, slot, g.Key),
                preferences[g.Key].Email && mailer.Configured))];
    }
}
