using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trellis.Web.Auth;
using Trellis.Web.Hosting;
using Trellis.Web.Storage;

// dotnet run -c Release --project bench/Trellis.Web.Bench [-- seconds-per-run connections]   (API endpoints under load)
// dotnet run -c Release --project bench/Trellis.Web.Bench -- pages [requests-per-page]          (every page, one user)
// dotnet run -c Release --project bench/Trellis.Web.Bench -- pages --large [requests-per-page]  (the same with 2,000 controls
//   and 200,000 evidence items added to the demo; default 10 requests per page)
// Loopback only; every run stops by itself. Defaults: 10 s, 64 connections; 30 requests per page.
// --json FILE (anywhere) also writes the figures, the machine and the peak memory as JSON.
string? json = null;
if (Array.IndexOf(args, "--json") is var at and >= 0 && at + 1 < args.Length)
{
    json = args[at + 1];
    args = [.. args[..at], .. args[(at + 2)..]];
}

var large = Array.IndexOf(args, "--large") >= 0;
args = [.. args.Where(a => a != "--large")];
var results = new List<WebResult>();
var pages = args.Length > 0 && args[0] == "pages";
if (pages)
{
    args = args[1..];
}

var seconds = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var s) ? Math.Clamp(s, 1, 60) : 10;
var connections = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var c) ? Math.Clamp(c, 1, 256) : 64;
var perPage = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 5, 1000) : large ? 10 : 30;
var folder = Path.Combine(Path.GetTempPath(), "trellis-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var bare = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);

var builder = TrellisWebHost.CreateBuilder(new ServeRequest(Path.Combine(folder, "trellis.db"), "http://127.0.0.1:0", Demo: true), console: TextWriter.Null);
builder.Logging.ClearProviders();
var app = builder.Build();
app.UseTrellisWeb();
app.MapGet("/bare/{name}", (string name) => Results.Bytes(bare[name], "application/json")).AllowAnonymous();
await app.StartAsync();
try
{
    var baseUrl = new Uri(TrellisWebHost.Addresses(app)[0]);
    if (large)
    {
        await LargeProgram.LoadAsync(app);
    }

    if (pages)
    {
        using var one = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(5) };
        results.AddRange(await PageLatency.RunAsync(one, await TokenAsync(app, Roles.Admin), bare, perPage, large));
        WriteJson(large ? "pages-large" : "pages", 1);
        return;
    }

    var token = await TokenAsync(app, Roles.Viewer);
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = baseUrl };
    Console.WriteLine($"Trellis web bench: demo program, {connections} connections, {seconds} s per run, loopback");
    Console.WriteLine($"{"endpoint",-32} {"p50 ms",8} {"p99 ms",8} {"req/s",8}   {"bare p50",8} {"bare p99",8}   ratio p50  ratio p99");
    foreach (var (name, path) in new[] { ("readiness", "/api/v1/readiness"), ("controls", "/api/v1/controls?pageSize=100") })
    {
        using (var first = new HttpRequestMessage(HttpMethod.Get, path))
        {
            first.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(first);
            bare[name] = await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
        }

        var real = await LoadAsync(client, path, token, seconds, connections);
        var baseline = await LoadAsync(client, "/bare/" + name, null, seconds, connections);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path,-32} {real.P50,8:F1} {real.P99,8:F1} {real.Rate,8:F0}   {baseline.P50,8:F1} {baseline.P99,8:F1}   {real.P50 / baseline.P50,9:F1} {real.P99 / baseline.P99,10:F1}"));
        results.Add(new WebResult(path, real.P50, real.P99, real.Rate, baseline.P50, baseline.P99));
    }

    WriteJson("api", connections);
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

void WriteJson(string mode, int concurrency)
{
    if (json is not null)
    {
        JsonReport.Write(json, mode, results, concurrency);
        Console.WriteLine($"figures written to {json}");
    }
}

static async Task<string> TokenAsync(WebApplication app, string role)
{
    await using var scope = app.Services.CreateAsyncScope();
    var user = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(new NewAccount($"bench-{role}@localhost", role), null, "bench");
    var db = scope.ServiceProvider.GetRequiredService<WebDbContext>();
    return (await ApiTokens.IssueAsync(db, user.Value.Id, "bench", TimeProvider.System.GetUtcNow())).Secret;
}

static async Task<Stats> LoadAsync(HttpClient client, string path, string? token, int seconds, int connections)
{
    var stop = Stopwatch.StartNew();
    var all = new ConcurrentBag<double>();
    await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
    {
        var mine = new List<double>();
        while (stop.Elapsed.TotalSeconds < seconds)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var t = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        foreach (var m in mine)
        {
            all.Add(m);
        }
    }));
    var sorted = all.Order().ToArray();
    return new Stats(sorted[sorted.Length / 2], sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.99))], sorted.Length / stop.Elapsed.TotalSeconds);
}

internal sealed record Stats(double P50, double P99, double Rate);
