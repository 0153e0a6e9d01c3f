using System.Globalization;

namespace Trellis.Bench;

/// <summary>
/// Peak resident memory (Linux <c>VmHWM</c>). <see cref="Reset"/> lowers this process's high-water mark to what it
/// holds now (<c>/proc/self/clear_refs</c>, value 5), so each workload reports its own peak; elsewhere the process's
/// peak working set since start is reported.
/// </summary>
internal static class PeakMemory
{
    public static void Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: Current() falls back to the peak since start.
        }
    }

    /// <summary>This process's peak resident bytes since the last <see cref="Reset"/>.</summary>
    public static long Current() => Of("self") ?? Environment.WorkingSet;

    /// <summary>The peak resident bytes of a running process, or null when it cannot be read (it exited, not Linux).</summary>
    public static long? Of(string pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }
}
