using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trellis.Application.Operations;

namespace Trellis.Web.Hosting;

/// <summary>
/// The scheduler inside <c>trellis serve</c> (issue 17, item 3): wakes at each job's next occurrence (and every
/// <see cref="SchedulerOptions.PollInterval"/>), and runs the latest due slot of each job through
/// <see cref="NotificationJobs"/>, which claims the slot in the database, so with several instances each slot runs
/// once and a run a crashed instance left is carried on once its lease expires. Off with <c>Trellis:Scheduler:Enabled=false</c>.
/// Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class Scheduler(IServiceProvider services, SchedulerOptions options, SmtpOptions smtp, TimeProvider clock, ILogger<Scheduler> log) : BackgroundService
{
    private bool _saidNoSmtp;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            LogDisabled(log);
            return;
        }

        // The settings were checked when the services were built (TrellisWebServices.NotificationOptions).
        var schedules = JobSchedule.All(options, smtp).Value;

        // Start-up (migrations) runs first: WebStartup is registered before, and hosted services start in order.
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var schedule in schedules)
            {
                await RunDueAsync(schedule, stoppingToken);
            }

            await RunCollectorsAsync(stoppingToken);

            var now = clock.GetUtcNow();
            var next = schedules.Select(s => s.NextSlot(now)).Where(n => n is not null).Select(n => n!.Value - now).DefaultIfEmpty(options.PollInterval).Min();
            var wait = next < options.PollInterval ? next : options.PollInterval;
            try
            {
                await Task.Delay(wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // The latest due slot, and every older run within the catch-up window that is not completed (a run a crashed
    // instance left, or one whose refused mails wait for another attempt). Slots missed while no instance ran are not
    // replayed one by one: the latest one tells everyone what is due now.
    private async Task RunDueAsync(JobSchedule schedule, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var slots = new SortedSet<DateTimeOffset>();
        if (schedule.LatestSlot(now) is { } latest)
        {
            slots.Add(latest);
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<Data.NotificationStore>();
            slots.UnionWith(await store.UnfinishedSlotsAsync(schedule.Job, JobSchedule.CatchUpFrom(now), ct));
            foreach (var slot in slots)
            {
                var outcome = await scope.ServiceProvider.GetRequiredService<NotificationJobs>().RunAsync(schedule.Job, slot, ct);
                if (outcome.Status is "completed" or "retrying" || outcome.People > 0)
                {
                    LogRun(log, outcome.Job, outcome.Slot, outcome.Status, outcome.People, outcome.Mailed, outcome.MailFailed, outcome.MailRetrying);
                }

                if (outcome.MailOff && !_saidNoSmtp && outcome.People > 0)
                {
                    _saidNoSmtp = true;
                    LogNoSmtp(log);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the leases expire and another instance (or this one after a restart) carries on.
        }
#pragma warning disable CA1031 // A failing run (database unavailable) must not stop the scheduler; the next wake-up tries again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(log, e, schedule.Job, slots.Count > 0 ? slots.Max : now);
        }
    }

    // Collectors with a schedule (issue 19): their latest due slots, claimed like the jobs above.
    private async Task RunCollectorsAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            foreach (var outcome in await scope.ServiceProvider.GetRequiredService<Application.Collectors.CollectorJobs>().RunDueAsync(ct))
            {
                if (outcome.Status is not ("already-done" or "busy"))
                {
                    LogCollected(log, outcome.Collector, outcome.Slot, outcome.Status, outcome.Reason ?? "");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the lease expires and another instance carries on.
        }
#pragma warning disable CA1031 // A failing collector slot (database unavailable) must not stop the scheduler.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogCollectorsFailed(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Collector {Collector} slot {Slot:o}: {Status} {Reason}")]
    private static partial void LogCollected(ILogger logger, string collector, DateTimeOffset slot, string status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled collectors failed; they are tried again at the next wake-up")]
    private static partial void LogCollectorsFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler off (Trellis:Scheduler:Enabled=false): no digest, stale-evidence sweep or scheduled collector runs in this instance")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} slot {Slot:o}: {Status}, {People} people, {Mailed} mailed, {Failed} mail failures, {Retrying} mails to try again")]
    private static partial void LogRun(ILogger logger, string job, DateTimeOffset slot, string status, int people, int mailed, int failed, int retrying);

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP server configured (Trellis:Smtp:Host): no mail is attempted; notifications go to the in-app lists only")]
    private static partial void LogNoSmtp(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} slot {Slot:o} failed; it is tried again at the next wake-up")]
    private static partial void LogFailed(ILogger logger, Exception e, string job, DateTimeOffset slot);
}
