using Cronos;
using Trellis.Core.Common;

namespace Trellis.Application.Operations;

/// <summary>A job's cron schedule (five fields, Cronos) read in a time zone; slots are its occurrences as UTC instants.</summary>
public sealed class JobSchedule
{
    // A slot older than this is not caught up: a weekly schedule is the longest one that makes sense for these jobs.
    private static readonly TimeSpan CatchUp = TimeSpan.FromDays(8);

    private readonly CronExpression _cron;
    private readonly TimeZoneInfo _zone;

    private JobSchedule(string job, CronExpression cron, TimeZoneInfo zone)
    {
        Job = job;
        _cron = cron;
        _zone = zone;
    }

    /// <summary>The job's name.</summary>
    public string Job { get; }

    /// <summary>Parses <paramref name="cron"/> in the zone <paramref name="timeZone"/>; a bad expression or zone is an error naming the setting.</summary>
    public static Result<JobSchedule> Parse(string job, string cron, string timeZone, string setting)
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            return new Error(ErrorCodes.InvalidOption, $"unknown time zone '{timeZone}'", SchedulerOptions.Section + ":TimeZone");
        }

        try
        {
            return new JobSchedule(job, CronExpression.Parse(cron, CronFormat.Standard), zone);
        }
        catch (CronFormatException e)
        {
            return new Error(ErrorCodes.InvalidOption, $"'{cron}' is not a five-field cron schedule: {e.Message}", setting);
        }
    }

    /// <summary>
    /// The schedules of every job in <paramref name="options"/>, after checking every scheduler and SMTP setting: a bad
    /// value is an error naming the setting, so <c>serve</c> and the CLI refuse to start instead of failing at the first run.
    /// </summary>
    public static Result<IReadOnlyList<JobSchedule>> All(SchedulerOptions options, SmtpOptions smtp)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(smtp);
        static string Key(string section, string name) => section + ":" + name;
        var bad = (options, smtp) switch
        {
            _ when options.Lease < TimeSpan.FromSeconds(10) => (Key(SchedulerOptions.Section, "Lease"), "must be at least 10 seconds"),
            _ when options.PollInterval < TimeSpan.FromSeconds(1) => (Key(SchedulerOptions.Section, "PollInterval"), "must be at least 1 second"),
            _ when options.MailAttempts is < 1 or > 10 => (Key(SchedulerOptions.Section, "MailAttempts"), "must be between 1 and 10"),
            _ when options.MailRetryDelay < TimeSpan.FromSeconds(1) || options.MailRetryDelay > TimeSpan.FromDays(1) => (Key(SchedulerOptions.Section, "MailRetryDelay"), "must be between 1 second and 1 day"),
            _ when options.KeepDays < 30 => (Key(SchedulerOptions.Section, "KeepDays"), "must be at least 30 days (the once-per-slot record of a run must outlive the eight days a slot is caught up)"),
            _ when smtp.Port is < 1 or > 65535 => (Key(SmtpOptions.Section, "Port"), "must be between 1 and 65535"),
            _ when smtp.Timeout <= TimeSpan.Zero => (Key(SmtpOptions.Section, "Timeout"), "must be positive"),
            _ => default,
        };
        if (bad.Item1 is not null)
        {
            return new Error(ErrorCodes.InvalidOption, bad.Item2, bad.Item1);
        }

        var all = new List<JobSchedule>();
        foreach (var (job, cron, setting) in new[] { (NotificationJobs.Digest, options.Digest, "Digest"), (NotificationJobs.StaleEvidenceSweep, options.StaleEvidenceSweep, "StaleEvidenceSweep") })
        {
            var parsed = Parse(job, cron, options.TimeZone, Key(SchedulerOptions.Section, setting));
            if (!parsed.IsSuccess)
            {
                return parsed.Error!;
            }

            all.Add(parsed.Value);
        }

        return all;
    }

    /// <summary>The latest occurrence at or before <paramref name="now"/> (within eight days), or null.</summary>
    public DateTimeOffset? LatestSlot(DateTimeOffset now) =>
        _cron.GetOccurrences(now - CatchUp, now, _zone, fromInclusive: true, toInclusive: true).Select(o => (DateTimeOffset?)o.ToUniversalTime()).LastOrDefault();

    /// <summary>The earliest instant whose slots are still caught up at <paramref name="now"/>.</summary>
    public static DateTimeOffset CatchUpFrom(DateTimeOffset now) => now - CatchUp;

    /// <summary>The next occurrence after <paramref name="now"/>, or null.</summary>
    public DateTimeOffset? NextSlot(DateTimeOffset now) => _cron.GetNextOccurrence(now, _zone)?.ToUniversalTime();
}
