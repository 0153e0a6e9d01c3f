using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Security;

/// <summary>
/// Issue 14, hole F, against the real Kestrel on a loopback port (the test server enforces none of Kestrel's limits):
/// a 60 MiB upload answered 500 instead of 413, a body cut off for arriving too slowly 500 instead of 408, and
/// concurrent uploads were unbounded.
/// </summary>
public sealed class UploadLimitTests
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task Upload_60MiBWithContentLength_Answers413Problem_AndStoresNothing()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = OnKestrel(db.Target);
        var (server, token, client) = await ManagerAsync(app);
        var before = await CountAsync(client);
        var (prefix, suffix) = RawHttp.Multipart();
        var file = new byte[60 * MiB];

        var clock = Stopwatch.StartNew();
        var response = await RawHttp.PostEvidenceAsync(server, token, prefix.Length + file.Length + suffix.Length, async (s, ct) =>
        {
            await s.WriteAsync(prefix, ct);
            await s.WriteAsync(file, ct);
            await s.WriteAsync(suffix, ct);
        }, TimeSpan.FromSeconds(20));

        AssertProblem(response, 413, "payload-too-large");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task Upload_60MiBChunked_IsCutAtKestrelsLimit_AndAnswers413Problem()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = OnKestrel(db.Target);
        var (server, token, client) = await ManagerAsync(app);
        var before = await CountAsync(client);
        var (prefix, _) = RawHttp.Multipart();

        var response = await RawHttp.PostEvidenceAsync(server, token, contentLength: null, async (s, ct) =>
        {
            await RawHttp.WriteChunkAsync(s, prefix, ct);
            var chunk = new byte[MiB];
            for (var i = 0; i < 60; i++)
            {
                await RawHttp.WriteChunkAsync(s, chunk, ct);
            }
        }, TimeSpan.FromSeconds(20));

        AssertProblem(response, 413, "payload-too-large");
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task Upload_BodySlowerThanTheMinimumDataRate_Answers408Problem()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = OnKestrel(db.Target, kestrel => kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(240, TimeSpan.FromSeconds(2)));
        var (server, token, client) = await ManagerAsync(app);
        var before = await CountAsync(client);
        var (prefix, suffix) = RawHttp.Multipart();

        var clock = Stopwatch.StartNew();
        var response = await RawHttp.PostEvidenceAsync(server, token, prefix.Length + 1000 + suffix.Length, async (s, ct) =>
        {
            await s.WriteAsync(prefix, ct);
            for (var i = 0; i < 1000; i++)
            {
                await s.WriteAsync("x"u8.ToArray(), ct); // 10 bytes a second, far below 240
                await s.FlushAsync(ct);
                await Task.Delay(100, ct);
            }
        }, TimeSpan.FromSeconds(20));

        AssertProblem(response, 408, "request-timeout");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), clock.Elapsed.ToString());
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task Upload_MoreAtOnceThanTheSlots_Answers503WithRetryAfter_AndTheHeldOneStillSucceeds()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = OnKestrel(db.Target, settings: new Dictionary<string, string>
        {
            ["Trellis:MaxConcurrentUploads"] = "1",
            ["Trellis:UploadQueueTimeout"] = "00:00:00.300",
        });
        var (server, token, client) = await ManagerAsync(app);
        var (prefix, suffix) = RawHttp.Multipart();
        var file = "held upload"u8.ToArray();
        var release = new TaskCompletionSource();
        var holding = RawHttp.PostEvidenceAsync(server, token, prefix.Length + file.Length + suffix.Length, async (s, ct) =>
        {
            await s.WriteAsync(prefix, ct);
            await s.FlushAsync(ct);
            await release.Task.WaitAsync(ct);
            await s.WriteAsync(file, ct);
            await s.WriteAsync(suffix, ct);
            await s.FlushAsync(ct);
        }, TimeSpan.FromSeconds(30));
        var slots = app.Services.GetRequiredService<Trellis.Web.Hosting.UploadSlots>();
        for (var waited = Stopwatch.StartNew(); slots.Free > 0; await Task.Delay(20))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the first upload never took its slot");
        }

        var clock = Stopwatch.StartNew();
        using var second = Form(new ByteArrayContent("second"u8.ToArray()));
        var busy = await client.PostAsync(new Uri("/api/v1/evidence", UriKind.Relative), second);

        var body = await busy.Content.ReadAsStringAsync();
        Assert.True(busy.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)busy.StatusCode}: {body}");
        Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
        Assert.Equal("uploads-busy", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromSeconds(1), busy.Headers.RetryAfter?.Delta);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        release.SetResult();
        var done = await holding;
        Assert.True(done.Status == 201, done.Body);
        using var third = Form(new ByteArrayContent("third"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(new Uri("/api/v1/evidence", UriKind.Relative), third)).StatusCode);
    }

    private static WebFactory OnKestrel(string database, Action<KestrelServerOptions>? kestrel = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new WebFactory(database, demo: true, settings: settings);
        app.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            kestrel?.Invoke(o);
        });
        app.StartServer();
        return app;
    }

    // The factory's clients default to http://localhost, not the port Kestrel chose.
    private static async Task<(Uri Server, string Token, HttpClient Client)> ManagerAsync(WebFactory app)
    {
        var server = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var token = await app.TokenForAsync(Roles.ComplianceManager);
        var client = app.CreateClient();
        client.BaseAddress = server;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (server, token, client);
    }

    private static MultipartFormDataContent Form(HttpContent file)
    {
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent
        {
            { new StringContent("Upload limit test"), "title" },
            { new StringContent("AC-01"), "controls" },
            { new StringContent("2026-10-31"), "effectiveFrom" },
            { file, "file", "small.bin" },
        };
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/evidence", UriKind.Relative))).GetProperty("total").GetInt32();

    private static void AssertProblem(RawHttp.Response response, int status, string code)
    {
        Assert.True(response.Status == status, $"{response.Status}: {response.Body}");
        Assert.StartsWith("application/problem+json", response.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(code, JsonDocument.Parse(response.Body).RootElement.GetProperty("code").GetString());
    }
}
