using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

/// <summary>One measured endpoint or page against the bare endpoint serving the same bytes.</summary>
/// <param name="Bytes">A page's size (uncompressed), null for API endpoints.</param>
internal sealed record WebResult(string Name, double P50Ms, double P99Ms, double RequestsPerSecond, double BareP50Ms, double BareP99Ms, long? Bytes = null);

/// <summary>
/// <c>--json FILE</c> (issue 18, item 8): every endpoint's or page's p50/p99, the bare baseline, their ratios and the
/// process's peak resident memory, with the machine and its load, so that runs can be compared.
/// </summary>
internal static class JsonReport
{
    public static void Write(string path, string mode, IReadOnlyList<WebResult> results, int connections)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("bench", "Trellis.Web.Bench");
        json.WriteString("mode", mode);
        json.WriteString("at", TimeProvider.System.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        json.WriteNumber("connections", connections);
        json.WriteNumber("peakMemoryBytes", PeakResidentBytes());
        json.WriteStartObject("machine");
        json.WriteNumber("cores", Environment.ProcessorCount);
        json.WriteString("os", RuntimeInformation.OSDescription);
        json.WriteString("runtime", RuntimeInformation.FrameworkDescription);
        json.WriteString("loadAverage", File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "");
        json.WriteEndObject();
        json.WriteStartArray("workloads");
        foreach (var r in results)
        {
            json.WriteStartObject();
            json.WriteString("name", r.Name);
            json.WriteNumber("p50Ms", Math.Round(r.P50Ms, 3));
            json.WriteNumber("p99Ms", Math.Round(r.P99Ms, 3));
            json.WriteNumber("requestsPerSecond", Math.Round(r.RequestsPerSecond, 1));
            json.WriteNumber("bareP50Ms", Math.Round(r.BareP50Ms, 3));
            json.WriteNumber("bareP99Ms", Math.Round(r.BareP99Ms, 3));
            json.WriteNumber("ratioP50", Math.Round(r.P50Ms / r.BareP50Ms, 3));
            json.WriteNumber("ratioP99", Math.Round(r.P99Ms / r.BareP99Ms, 3));
            if (r.Bytes is { } bytes)
            {
                json.WriteNumber("bytes", bytes);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // Linux VmHWM of this process (the server and the load generator together); the peak working set elsewhere.
    private static long PeakResidentBytes()
    {
        if (File.Exists("/proc/self/status"))
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        return System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;
    }
}
