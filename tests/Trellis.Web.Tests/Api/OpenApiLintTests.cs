using System.Diagnostics;
using System.Reflection;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// The OpenAPI document passes <c>redocly lint</c> with the recommended rules and no warning (issue 15, item 7).
/// Redocly comes from tools/redocly (package.json and package-lock.json; .ci/run installs it with npm ci); without
/// Node.js on the machine the test is skipped and says so.
/// </summary>
public sealed class OpenApiLintTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [SkippableFact]
    public async Task OpenApiDocument_RedoclyLintRecommended_FindsNoErrorAndNoWarning()
    {
        Skip.If(Which("node") is null || Which("npx") is null, "Node.js (node and npx) is not installed: the OpenAPI document was not linted with redocly");
        var tools = Path.Combine(RepoRoot(), "tools", "redocly");
        Assert.True(Directory.Exists(Path.Combine(tools, "node_modules", "@redocly", "cli")), $"redocly is not installed: run 'npm ci' in {tools} (.ci/run does)");

        var file = Path.Combine(Path.GetTempPath(), $"trellis-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await app.Clients[Roles.Viewer].GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        try
        {
            var (exit, output) = await RunAsync(tools, "npx", "--no-install", "redocly", "lint", "--config", "redocly.yaml", "--format", "stylish", file);
            Assert.True(exit == 0, $"redocly lint exited with {exit}:\n{output}");
            Assert.DoesNotContain("warning", output, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("valid", output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string folder, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // No telemetry and no update check: the test runs offline and tells nobody.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    private static string RepoRoot() =>
        typeof(OpenApiLintTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
}
