using Trellis.Application.Actors;
using Trellis.Application.Operations;
using Trellis.Data;

namespace Trellis.Application.Collectors;

/// <summary>What one scheduled collector slot came to.</summary>
/// <param name="Collector">The collector.</param>
/// <param name="Slot">The slot (UTC).</param>
/// <param name="Status">
/// <c>passed</c>/<c>failed</c>/<c>error</c> (the run's status), <c>observed</c> (a run since the slot already observed
/// the source: the slot is only marked done), <c>already-done</c>, <c>busy</c> (another instance holds it) or
/// <c>refused</c> (the collector could not be run; the reason says why).
/// </param>
/// <param name="Run">The run's ID when one was made.</param>
/// <param name="Reason">Why a run failed or was refused.</param>
public sealed record CollectorSlotOutcome(string Collector, DateTimeOffset Slot, string Status, string? Run, string? Reason);

/// <summary>
/// Collectors on their schedules inside <c>trellis serve</c> (issue 19, item 1). Each collector with a cron schedule is
/// a job <c>collector:NAME</c> whose latest due slot is claimed in the same table and with the same lease as the
/// notification jobs, so with several instances each slot is collected once. A run that already observed the source at
/// or after the slot (an instance that crashed between collecting and marking the slot done, or a manual
/// <c>trellis collect</c>) makes the slot done without observing again. Schedules are read in
/// <see cref="SchedulerOptions.TimeZone"/>.
/// </summary>
public sealed class CollectorJobs(CollectorService collectors, NotificationStore store, SchedulerOptions options, JobInstance instance, TimeProvider clock)
{
    /// <summary>The job name prefix: <c>collector:NAME</c>.</summary>
    public const string Prefix = "collector:";

    /// <summary>Runs every collector's latest due slot that no instance completed; returns what each came to.</summary>
    public async Task<IReadOnlyList<CollectorSlotOutcome>> RunDueAsync(CancellationToken ct)
    {
        var listed = await collectors.ListAsync(Account.System, ct);
        if (!listed.IsSuccess)
        {
            return [];
        }

        var outcomes = new List<CollectorSlotOutcome>();
        foreach (var collector in listed.Value.Where(c => c.Schedule is not null))
        {
            var job = Prefix + collector.Name;
            var schedule = JobSchedule.Parse(job, collector.Schedule!, options.TimeZone, $"collectors/{collector.Name}/schedule");
            if (!schedule.IsSuccess)
            {
                outcomes.Add(new CollectorSlotOutcome(collector.Name, clock.GetUtcNow(), "refused", null, schedule.Error!.Message));
                continue;
            }

            if (schedule.Value.LatestSlot(clock.GetUtcNow()) is { } slot)
            {
                outcomes.Add(await RunSlotAsync(collector, job, slot, ct));
            }
        }

        return outcomes;
    }

    private async Task<CollectorSlotOutcome> RunSlotAsync(CollectorSummary collector, string job, DateTimeOffset slot, CancellationToken ct)
    {
        var claim = await store.ClaimRunAsync(job, slot, instance.Name, clock.GetUtcNow(), options.Lease, ct);
        if (claim != RunClaim.Claimed)
        {
            return new CollectorSlotOutcome(collector.Name, slot, claim == RunClaim.Completed ? "already-done" : "busy", null, null);
        }

        CollectorSlotOutcome outcome;
        if (collector.LastRun is { } last && last >= slot)
        {
            outcome = new CollectorSlotOutcome(collector.Name, slot, "observed", null, null);
        }
        else
        {
            var run = await collectors.CollectAsync(Account.System, collector.Name, dryRun: false, ct);
            outcome = run.IsSuccess
                ? new CollectorSlotOutcome(collector.Name, slot, run.Value.Status, run.Value.Run, run.Value.Reason)
                : new CollectorSlotOutcome(collector.Name, slot, "refused", null, run.Error!.Message);
        }

        var audit = AuditRecords.Of(clock, Account.System, "collector.slot", $"jobs/{job}/{slot:yyyy-MM-ddTHH:mmZ}", new { slot, holder = instance.Name, status = outcome.Status, run = outcome.Run });
        await store.CompleteRunAsync(audit, job, slot, instance.Name, clock.GetUtcNow(), ct);
        return outcome;
    }
}
