using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Trellis.Bench;

/// <summary>
/// <c>--json FILE</c> (issue 18, item 8): every workload's baseline, Trellis time, ratio and peak memory, with the
/// machine and its load, so that runs can be compared.
/// </summary>
internal static class JsonReport
{
    public static void Write(string path, string bench, IReadOnlyList<WorkloadResult> results, int iterations)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("bench", bench);
        json.WriteString("at", TimeProvider.System.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        json.WriteNumber("iterations", iterations);
        WriteMachine(json);
        json.WriteStartArray("workloads");
        foreach (var r in results)
        {
            json.WriteStartObject();
            json.WriteString("name", r.Name);
            json.WriteNumber("baselineMs", Math.Round(r.BaselineMs, 3));
            json.WriteNumber("trellisMs", Math.Round(r.TrellisMs, 3));
            json.WriteNumber("ratio", Math.Round(r.Ratio, 3));
            json.WriteNumber("baselineMinMs", Math.Round(r.Fastest.Baseline, 3));
            json.WriteNumber("trellisMinMs", Math.Round(r.Fastest.Trellis, 3));
            json.WriteNumber("ratioMin", Math.Round(r.Fastest.Trellis / r.Fastest.Baseline, 3));
            WriteNullable(json, "peakMemoryBytes", r.PeakMemoryBytes);
            WriteNullable(json, "allocatedBytes", r.AllocatedBytes);
            json.WriteString("note", r.Note);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The machine: cores, OS, runtime, and the load average when the run ended (a shared machine skews times).</summary>
    public static void WriteMachine(Utf8JsonWriter json)
    {
        json.WriteStartObject("machine");
        json.WriteNumber("cores", Environment.ProcessorCount);
        json.WriteString("os", RuntimeInformation.OSDescription);
        json.WriteString("architecture", RuntimeInformation.OSArchitecture.ToString());
        json.WriteString("runtime", RuntimeInformation.FrameworkDescription);
        json.WriteString("loadAverage", File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "");
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
