using System.Diagnostics;
using System.Globalization;

namespace Trellis.Bench;

/// <summary>A measured piece of work and the baseline it is compared with in the same run.</summary>
/// <param name="Name">Workload name.</param>
/// <param name="Baseline">The plain computation of the same answer (raw parse, raw query, plain BFS).</param>
/// <param name="Subject">Trellis's code doing the work.</param>
/// <param name="Note">Extra figures printed after the timing (e.g. queries issued).</param>
internal sealed record Workload(string Name, Action Baseline, Action Subject, Func<string>? Note = null)
{
    /// <summary>Runs of each side instead of the harness's count (process launches are slow); null for the count.</summary>
    public int? Iterations { get; init; }

    /// <summary>The peak resident memory of the subject when it runs in another process (sampled), in bytes.</summary>
    public Func<long?>? PeakMemory { get; init; }
}

/// <summary>One workload's figures: medians of the baseline and of Trellis, their ratio, and memory.</summary>
/// <param name="Name">Workload name.</param>
/// <param name="BaselineMs">Median baseline time.</param>
/// <param name="TrellisMs">Median Trellis time.</param>
/// <param name="Ratio">Trellis / baseline.</param>
/// <param name="PeakMemoryBytes">Peak resident memory while the workload ran (this process, or the launched one).</param>
/// <param name="AllocatedBytes">Managed bytes one Trellis run allocates on this thread (null for launched processes).</param>
/// <param name="Note">The workload's note.</param>
internal sealed record WorkloadResult(string Name, double BaselineMs, double TrellisMs, double Ratio, long? PeakMemoryBytes, long? AllocatedBytes, string Note)
{
    /// <summary>The fastest runs of each side: on a loaded machine, the closest to what an idle one measures.</summary>
    public (double Baseline, double Trellis) Fastest { get; init; }
}

/// <summary>
/// Runs each workload's baseline and subject alternately (so drift affects both), after a warm-up, and prints
/// the medians and the ratio subject / baseline. Ratios, not absolute times, are what to compare across machines.
/// </summary>
internal static class Harness
{
    public static List<WorkloadResult> Run(IEnumerable<Workload> workloads, int iterations, TextWriter output)
    {
        var results = new List<WorkloadResult>();
        output.WriteLine($"{"workload",-48} {"baseline ms",12} {"trellis ms",12} {"ratio",8} {"min ratio",9} {"peak MiB",9}  note");
        foreach (var w in workloads)
        {
            PeakMemory.Reset();
            w.Baseline();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            w.Subject();
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var baseline = new List<double>();
            var subject = new List<double>();
            for (var i = 0; i < (w.Iterations ?? iterations); i++)
            {
                baseline.Add(Time(w.Baseline));
                subject.Add(Time(w.Subject));
            }

            var b = Median(baseline);
            var s = Median(subject);
            var peak = w.PeakMemory is null ? PeakMemory.Current() : w.PeakMemory();
            var result = new WorkloadResult(w.Name, b, s, s / b, peak, w.PeakMemory is null ? allocated : null, w.Note?.Invoke() ?? "")
            {
                Fastest = (baseline.Min(), subject.Min()),
            };
            results.Add(result);
            var mib = peak is { } p ? (p / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) : "-";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{w.Name,-48} {b,12:F2} {s,12:F2} {s / b,8:F2} {subject.Min() / baseline.Min(),9:F2} {mib,9}  {result.Note}"));
        }

        return results;
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
