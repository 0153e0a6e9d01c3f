using Trellis.Collectors.Checks;
using Trellis.Core.Audits;
using Trellis.Core.Readiness;

namespace Trellis.Collectors;

/// <summary>A run as readiness needs it.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="ObservedAt">When the observed state held.</param>
/// <param name="Reason">Why the source could not be observed, for an error.</param>
/// <param name="Checks">Its checks' results.</param>
public sealed record RunFacts(RunStatus Status, DateTimeOffset ObservedAt, string? Reason, IReadOnlyList<CheckResult> Checks);

/// <summary>An exception on a control from a collector: a check that fails, or a source that cannot be observed.</summary>
/// <param name="Collector">The collector's name.</param>
/// <param name="Control">The control it names.</param>
/// <param name="Text">One line: <c>AC-12: /status == "ok" failed on /status is "stale" since 2026-11-02 (collector backup-status)</c>.</param>
public sealed record CollectorAlert(string Collector, string Control, string Text);

/// <summary>
/// Failed checks as exceptions on the collector's controls, shown as reasons in readiness like vendor and staff
/// exceptions: the status stays as the controls' evidence makes it; the exception is a named warning to act on.
/// </summary>
public static class CollectorReadiness
{
    /// <summary>The prefix of the reasons added to readiness.</summary>
    public const string ReasonPrefix = "collector exception: ";

    /// <summary>
    /// The exceptions of one collector from its runs (newest first): each check failing on the latest run that observed
    /// the source, since the first of the unbroken failing runs before it; and, when the latest run could not observe
    /// the source, that too, since the first of those runs.
    /// </summary>
    public static IReadOnlyList<CollectorAlert> Exceptions(string collector, IReadOnlyList<string> controls, IReadOnlyList<RunFacts> runsNewestFirst)
    {
        ArgumentNullException.ThrowIfNull(controls);
        ArgumentNullException.ThrowIfNull(runsNewestFirst);
        var lines = new List<string>();
        if (runsNewestFirst.Count > 0 && runsNewestFirst[0].Status == RunStatus.Error)
        {
            var since = runsNewestFirst.TakeWhile(r => r.Status == RunStatus.Error).Last().ObservedAt;
            lines.Add($"source not observed since {Day(since)}: {runsNewestFirst[0].Reason}");
        }

        var observed = runsNewestFirst.Where(r => r.Status != RunStatus.Error).ToList();
        if (observed.Count > 0)
        {
            foreach (var failed in observed[0].Checks.Where(c => !c.Passed))
            {
                var since = observed.TakeWhile(r => r.Checks.Any(c => c.Id == failed.Id && !c.Passed)).Last().ObservedAt;
                lines.Add($"{failed.Text} failed on {failed.Detail} since {Day(since)}");
            }
        }

        return [.. controls.SelectMany(control => lines.Select(line => new CollectorAlert(collector, control, $"{control}: {line} (collector {collector})")))];
    }

    /// <summary>The report with each exception added as a reason on the requirements its control contributes to.</summary>
    public static ReadinessReport Annotate(ReadinessReport report, IReadOnlyList<CollectorAlert> exceptions)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(exceptions);
        if (exceptions.Count == 0)
        {
            return report;
        }

        return report with
        {
            Requirements = [.. report.Requirements.Select(r =>
                exceptions.Where(e => r.Controls.Contains(e.Control, StringComparer.Ordinal)).Select(e => ReasonPrefix + e.Text).ToList() is { Count: > 0 } lines
                    ? r with { Reasons = [.. r.Reasons, .. lines] }
                    : r)],
        };
    }

    private static string Day(DateTimeOffset at) => CalendarDates.Format(DateOnly.FromDateTime(at.UtcDateTime));
}
