using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Trellis.Collectors.Checks;
using Trellis.Collectors.JsonApi;

namespace Trellis.Collectors.Tests;

/// <summary>The json-api collector against real HTTP servers on loopback (no mocks of HttpClient).</summary>
public sealed class JsonApiCollectorTests
{
    private const string Backup = """{"backup":{"status":"ok","ageHours":30}}""";

    private static readonly RunContext NoSecret = new(null, new HashSet<string>());

    private static CollectorDefinition Definition(Uri url, bool allowPrivate = true, params string[] checks) => new()
    {
        Name = "backup-status",
        Kind = CollectorKind.JsonApi,
        Controls = ["AC-12"],
        Url = url,
        AllowPrivateNetwork = allowPrivate,
        Checks = [.. checks.Select((c, i) => CollectorCheck.Parse(c, i + 1).Value)],
    };

    private static JsonApiCollector Collector(JsonApiOptions? options = null) => new(TimeProvider.System, options);

    [Fact]
    public async Task RunAsync_PassingAndFailingChecks_CapturesTheBodyAndResultsInOrder()
    {
        await using var source = await FakeSource.StartAsync(app => app.MapGet("/status", () => Results.Text(Backup, "application/json")));

        var run = await Collector().RunAsync(Definition(source.At("status"), checks: ["/backup/status == ok", "/backup/ageHours <= 24"]), NoSecret, default);

        Assert.Null(run.Failure);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(Backup, System.Text.Encoding.UTF8.GetString(Assert.Single(run.Captures).Content));
        Assert.Equal([("check-1", true), ("check-2", false)], run.Checks.Select(c => (c.Id, c.Passed)));
        Assert.Equal("/backup/ageHours is 30", run.Checks[1].Detail);
    }

    [Fact]
    public async Task RunAsync_SecretGiven_SentAsBearerToken()
    {
        await using var source = await FakeSource.StartAsync(app => app.MapGet("/status", (HttpRequest r) =>
            r.Headers.Authorization == "Bearer s3cret" ? Results.Text(Backup, "application/json") : Results.StatusCode(401)));

        var run = await Collector().RunAsync(Definition(source.At("status"), checks: ["/backup/status == ok"]), new RunContext("s3cret", new HashSet<string>()), default);

        Assert.Equal(RunStatus.Passed, run.Status);
    }

    [Fact]
    public async Task RunAsync_Unauthorized_FailedRunSaysTheCredentialsWereRefused()
    {
        await using var source = await FakeSource.StartAsync(app => app.MapGet("/status", () => Results.StatusCode(401)));

        var run = await Collector().RunAsync(Definition(source.At("status")), new RunContext("expired", new HashSet<string>()), default);

        Assert.Equal(RunStatus.Error, run.Status);
        Assert.Contains("refused the credentials (HTTP 401)", run.Failure, StringComparison.Ordinal);
        Assert.Contains("expired", run.Failure, StringComparison.Ordinal);
        Assert.Empty(run.Captures);
    }

    [Fact]
    public async Task RunAsync_429WithRetryAfter_WaitsAndRetries()
    {
        var calls = 0;
        await using var source = await FakeSource.StartAsync(app => app.MapGet("/status", (HttpResponse response) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                response.Headers.RetryAfter = "1";
                return Results.StatusCode(429);
            }

            return Results.Text(Backup, "application/json");
        }));
        var clock = Stopwatch.StartNew();

        var run = await Collector().RunAsync(Definition(source.At("status"), checks: ["/backup/status == ok"]), NoSecret, default);

        Assert.Equal(RunStatus.Passed, run.Status);
        Assert.Equal(2, source.Requests);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, before the 1 s Retry-After");
    }

    [Fact]
    public async Task RunAsync_429Persisting_FailsAfterTheBoundedRetries()
    {
        await using var source = await FakeSource.StartAsync(app => app.MapGet("/status", (HttpResponse response) =>
        {
            response.Headers.RetryAfter = "0";
            return Results.StatusCode(429);
        }));

        var run = await Collector(new JsonApiOptions { MaxRetries = 2 }).RunAsync(Definition(source.At("status")), NoSecret, default);

        Assert.Equal(RunStatus.Error, run.Status);
        Assert.Equal(3, source.Requests);
        Assert.Contains("429 Too Many Requests again after 2 retries", run.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RetryAfterLongerThanAllowed_FailsWithoutWaiting()
    {
        await using var source = await FakeSource.StartAsync(app => app.MapGet("/status", (HttpResponse response) =>
        {
            response.Headers.RetryAfter = "3600";
            return Results.StatusCode(429);
        }));

        var run = await Collector().RunAsync(Definition(source.At("status")), NoSecret, default);

        Assert.Equal(1, source.Requests);
        Assert.Contains("asked to wait 3600 s", run.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MalformedJson_FailedRunNamesTheProblem()
    {
        await using var source = await FakeSource.StartAsync(app => app.MapGet("/status", () => Results.Text("{\"backup\": {\"status\": \"ok\",", "application/json")));

        var run = await Collector().RunAsync(Definition(source.At("status"), checks: ["/backup/status == ok"]), NoSecret, default);

        Assert.Equal(RunStatus.Error, run.Status);
        Assert.Contains("is not valid JSON", run.Failure, StringComparison.Ordinal);
        Assert.Contains("LineNumber", run.Failure, StringComparison.Ordinal);
        Assert.Empty(run.Captures);
        Assert.Empty(run.Checks);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_OversizedBody_Fails(bool declaresLength)
    {
        var body = "[" + string.Join(",", Enumerable.Repeat("1234567890", 500)) + "]";
        await using var source = await FakeSource.StartAsync(app => app.MapGet("/big", async (HttpResponse response) =>
        {
            response.ContentType = "application/json";
            if (declaresLength)
            {
                response.ContentLength = body.Length;
            }

            await response.WriteAsync(body);
        }));

        var run = await Collector(new JsonApiOptions { MaxResponseBytes = 1000 }).RunAsync(Definition(source.At("big")), NoSecret, default);

        Assert.Equal(RunStatus.Error, run.Status);
        Assert.Contains("1000 bytes a run reads", run.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RedirectToAnotherHost_FailsAndIsNotFollowed()
    {
        await using var elsewhere = await FakeSource.StartAsync(app => app.MapGet("/status", () => Results.Text(Backup, "application/json")));
        var other = new UriBuilder(elsewhere.At("status")) { Host = "localhost" }.Uri;
        await using var source = await FakeSource.StartAsync(app => app.MapGet("/status", () => Results.Redirect(other.AbsoluteUri)));

        var run = await Collector().RunAsync(Definition(source.At("status")), NoSecret, default);

        Assert.Equal(RunStatus.Error, run.Status);
        Assert.Contains($"redirected to http://localhost:{other.Port}, another host", run.Failure, StringComparison.Ordinal);
        Assert.Equal(0, elsewhere.Requests);
    }

    [Fact]
    public async Task RunAsync_RedirectOnTheSameHost_IsFollowed()
    {
        await using var source = await FakeSource.StartAsync(app =>
        {
            app.MapGet("/old", () => Results.Redirect("/status"));
            app.MapGet("/status", () => Results.Text(Backup, "application/json"));
        });

        var run = await Collector().RunAsync(Definition(source.At("old"), checks: ["/backup/status == ok"]), NoSecret, default);

        Assert.Equal(RunStatus.Passed, run.Status);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task RunAsync_LoopbackTargetWithoutTheFlag_RefusedBeforeAnyRequest(string host)
    {
        await using var source = await FakeSource.StartAsync(app => app.MapGet("/status", () => Results.Text(Backup, "application/json")));
        var url = new UriBuilder(source.At("status")) { Host = host }.Uri;

        var run = await Collector().RunAsync(Definition(url, allowPrivate: false), NoSecret, default);

        Assert.Equal(RunStatus.Error, run.Status);
        Assert.Contains("private, loopback or link-local address: refused", run.Failure, StringComparison.Ordinal);
        Assert.Contains("--allow-private-network", run.Failure, StringComparison.Ordinal);
        Assert.Equal(0, source.Requests);
    }

    [Fact]
    public async Task RunAsync_SourceDown_FailedRunSaysItCouldNotBeReached()
    {
        Uri url;
        await using (var gone = await FakeSource.StartAsync(_ => { }))
        {
            url = gone.At("status");
        }

        var run = await Collector().RunAsync(Definition(url), NoSecret, default);

        Assert.Equal(RunStatus.Error, run.Status);
        Assert.Contains("could not be reached", run.Failure, StringComparison.Ordinal);
        Assert.Empty(run.Captures);
    }

    [Fact]
    public async Task RunAsync_NoAnswerInTime_FailsWithTheTimeout()
    {
        await using var source = await FakeSource.StartAsync(app => app.MapGet("/slow", async (HttpContext c) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted);
            return Results.Ok();
        }));

        var run = await Collector(new JsonApiOptions { Timeout = TimeSpan.FromMilliseconds(500) }).RunAsync(Definition(source.At("slow")), NoSecret, default);

        Assert.Contains("did not answer within 0.5 s", run.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("2001:4860:4860::8888", false)]
    [InlineData("192.0.0.8", true)]
    [InlineData("198.18.0.1", true)]
    [InlineData("198.20.0.1", false)]
    [InlineData("64:ff9b::a00:1", true)] // NAT64 of 10.0.0.1
    [InlineData("64:ff9b::808:808", false)] // NAT64 of 8.8.8.8
    [InlineData("2002:7f00:1::", true)] // 6to4 of 127.0.0.1
    [InlineData("2002:808:808::", false)] // 6to4 of 8.8.8.8
    public void IsPrivate_AddressRanges_AsRfc1918AndRfc6890Say(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, NetworkRules.IsPrivate(IPAddress.Parse(address)));
}
