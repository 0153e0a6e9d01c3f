using System.Diagnostics;
using System.Globalization;

namespace Trellis.Bench;

/// <summary>A measured piece of work and the baseline it is compared with in the same run.</summary>
/// <param name="Name">Workload name.</param>
/// <param name="Baseline">The plain computation of the same answer (raw parse, raw query, plain BFS).</param>
/// <param name="Subject">Trellis's code doing the work.</param>
/// <param name="Note">Extra figures printed after the timing (e.g. queries issued).</param>
internal sealed record Workload(string Name, Action Baseline, Action Subject, Func<string>? Note = null);

/// <summary>
/// Runs each workload's baseline and subject alternately (so drift affects both), after a warm-up, and prints
/// the medians and the ratio subject / baseline. Ratios, not absolute times, are what to compare across machines.
/// </summary>
internal static class Harness
{
    public static void Run(IEnumerable<Workload> workloads, int iterations, TextWriter output)
    {
        output.WriteLine($"{"workload",-48} {"baseline ms",12} {"trellis ms",12} {"ratio",8}  note");
        foreach (var w in workloads)
        {
            w.Baseline();
            w.Subject();
            var baseline = new List<double>();
            var subject = new List<double>();
            for (var i = 0; i < iterations; i++)
            {
                baseline.Add(Time(w.Baseline));
                subject.Add(Time(w.Subject));
            }

            var b = Median(baseline);
            var s = Median(subject);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{w.Name,-48} {b,12:F2} {s,12:F2} {s / b,8:F2}  {w.Note?.Invoke()}"));
        }
    }

    private static double Time(Action action)
    {
        var sw = Stopwatch.StartNew();
        action();
        return sw.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }
}
