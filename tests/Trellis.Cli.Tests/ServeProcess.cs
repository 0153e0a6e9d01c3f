using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Trellis.Cli.Tests;

/// <summary>A real <c>trellis serve</c> process of the build under test, its output drained.</summary>
internal static class ServeProcess
{
    /// <summary>Starts <c>trellis serve --db <paramref name="db"/></c> on a loopback port, with extra environment settings.</summary>
    public static Process Start(string db, int port, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "trellis.dll"), "serve", "--db", db, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Trellis__AllowUnprotectedKeyRing"] = "true";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A loopback port free at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
