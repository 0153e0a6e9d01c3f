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

    /// <summary>The latest occurrence at or before <paramref name="now"/> (within eight days), or null.</summary>
    public DateTimeOffset? LatestSlot(DateTimeOffset now) =>
        _cron.GetOccurrences(now - CatchUp, now, _zone, fromInclusive: true, toInclusive: true).Select(o => (DateTimeOffset?)o.ToUniversalTime()).LastOrDefault();

    /// <summary>The next occurrence after <paramref name="now"/>, or null.</summary>
    public DateTimeOffset? NextSlot(DateTimeOffset now) => _cron.GetNextOccurrence(now, _zone)?.ToUniversalTime();
}
