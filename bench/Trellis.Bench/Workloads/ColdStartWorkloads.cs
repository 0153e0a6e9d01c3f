using System.Diagnostics;

namespace Trellis.Bench.Workloads;

/// <summary>
/// CLI start-up (issue 18, item 4): the built <c>trellis</c> launched as a new process, as a user runs it, against a
/// <c>dotnet</c> hello world built alongside (bench/Trellis.Hello) launched the same way. The database commands run on
/// the demo program, loaded once into a temporary folder before timing.
/// </summary>
internal static class ColdStartWorkloads
{
    private const int Launches = 7;

    /// <summary>The workloads; <paramref name="cli"/> is the <c>trellis</c> executable (default: the build output).</summary>
    public static IEnumerable<Workload> Create(string? cli)
    {
        var output = Path.GetRelativePath(Root(), AppContext.BaseDirectory).Split(Path.DirectorySeparatorChar).SkipWhile(s => s != "bin").ToArray();
        cli ??= Path.Combine([Root(), "src", "Trellis.Cli", .. output, "trellis"]);
        var hello = Path.Combine([Root(), "bench", "Trellis.Hello", .. output, "Trellis.Hello"]);
        foreach (var exe in new[] { cli, hello })
        {
            if (!File.Exists(exe))
            {
                throw new FileNotFoundException($"{exe} is missing: build the solution (or pass --cli PATH to a published trellis)");
            }
        }

        var folder = Path.Combine(Path.GetTempPath(), "trellis-bench-cold-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var demo = Path.Combine(folder, "demo.db");
        Launch(cli, folder, out _, "demo", "--db", demo);
        var label = cli.Contains(Path.Combine("bin", ""), StringComparison.Ordinal) ? "build output" : "published";
        foreach (var args in new[]
        {
            new[] { "coverage", "soc2-2017", "--implemented", "iso27001-2022" },
            ["readiness", "soc2-2017", "--db", demo],
            ["roadmap", "--db", demo],
        })
        {
            long? peak = null;
            var name = "cli cold: " + string.Join(' ', args.Select(a => a == demo ? "demo" : a));
            yield return new Workload(
                name,
                () => Launch(hello, folder, out _),
                () => Launch(cli, folder, out peak, args),
                () => $"vs hello world, {label}")
            { Iterations = Launches, PeakMemory = () => peak };
        }
    }

    /// <summary>Runs a process to its end (output discarded); the peak resident memory is sampled while it runs.</summary>
    private static void Launch(string exe, string folder, out long? peak, params string[] args)
    {
        var start = new ProcessStartInfo(exe) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var pid = process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        peak = null;
        while (!process.WaitForExit(2))
        {
            peak = Math.Max(peak ?? 0, PeakMemory.Of(pid) ?? 0);
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(exe)} {string.Join(' ', args)} exited with {process.ExitCode}");
        }
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Trellis.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Trellis.slnx not found above " + AppContext.BaseDirectory);
    }
}
