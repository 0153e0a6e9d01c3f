using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>
/// Issue 19: <c>trellis collectors add</c>, <c>trellis collectors</c>, <c>trellis collect [--dry-run]</c> on the demo,
/// against a real HTTP server on loopback whose backup is 30 hours old (the check wants at most 24).
/// </summary>
public sealed class CollectorCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("trellis-collectors-").FullName;
    private readonly string _secretVariable = "TRELLIS_TEST_BACKUP_TOKEN_" + Guid.NewGuid().ToString("N");
    private WebApplication _source = null!;
    private string _url = "";

    private string Db => Path.Combine(_folder, "t.db");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _source = builder.Build();
        _source.MapGet("/status", (HttpRequest r) => r.Headers.Authorization == "Bearer tok-4711"
            ? Results.Text("""{"backup":{"status":"ok","ageHours":30}}""", "application/json")
            : Results.StatusCode(401));
        await _source.StartAsync();
        _url = _source.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/status";
        Environment.SetEnvironmentVariable(_secretVariable, "tok-4711");
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_secretVariable, null);
        await _source.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, new FixedClock(Now));
        return (code, output.ToString(), error.ToString());
    }

    private JsonElement Json(params string[] args)
    {
        var (code, output, error) = Run([.. args, "--format", "json", "--db", Db]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    private Trellis.Data.ProgramStore Store() => new(Trellis.Data.TrellisDatabase.Open(Db).Value);

    private async Task<int> EvidenceCountAsync() => (await Store().LoadAsync()).Evidence.Count;

    [Fact]
    public async Task AddListCollect_JsonApi_DryRunWritesNothingAndTheRunStoresEvidenceAndTheFailedCheck()
    {
        Assert.Equal(0, Run("demo", "--db", Db).Code);
        var evidenceBefore = await EvidenceCountAsync();
        var added = Run("collectors", "add", "json-api", "--name", "backup-status", "--controls", "AC-05", "--url", _url, "--secret-env", _secretVariable,
            "--check", "/backup/status == ok", "--check", "/backup/ageHours <= 24", "--schedule", "0 6 * * *", "--allow-private-network", "--db", Db);
        Assert.True(added.Code == 0, added.Err);
        Assert.DoesNotContain("tok-4711", added.Out + added.Err, StringComparison.Ordinal);

        var listed = Assert.Single(Json("collectors").EnumerateArray());
        Assert.Equal(("backup-status", "json-api", "0 6 * * *"), (listed.GetProperty("name").GetString(), listed.GetProperty("kind").GetString(), listed.GetProperty("schedule").GetString()));
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("lastRun").ValueKind);

        var dry = Json("collect", "backup-status", "--dry-run");
        Assert.Equal(0, dry.GetProperty("evidence").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, Json("collectors")[0].GetProperty("status").ValueKind);
        Assert.Equal(evidenceBefore, await EvidenceCountAsync());

        var run = Json("collect", "backup-status");
        Assert.StartsWith("RUN-", run.GetProperty("run").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, run.GetProperty("evidence").GetArrayLength());
        Assert.Equal(
            [("check-1", true, "/backup/status is \"ok\""), ("check-2", false, "/backup/ageHours is 30")],
            run.GetProperty("checks").EnumerateArray().Select(c => (c.GetProperty("id").GetString(), c.GetProperty("passed").GetBoolean(), c.GetProperty("detail").GetString())));
        Assert.Equal(evidenceBefore + 1, await EvidenceCountAsync());
        var stored = (await Store().GetEvidenceAsync(run.GetProperty("evidence")[0].GetString()!)).Value.Value;
        Assert.Equal(["AC-05"], stored.ControlIds);
        Assert.Equal(new DateOnly(2026, 12, 3), stored.Current.EffectiveFrom);
        var after = Json("collectors")[0];
        Assert.Equal("failed", after.GetProperty("status").GetString());
        Assert.Equal(Now, after.GetProperty("lastRun").GetDateTimeOffset());
    }

    [Fact]
    public void CollectorsAdd_GitHub_NotYetAvailableExit2()
    {
        Assert.Equal(0, Run("demo", "--db", Db).Code);

        var (code, _, err) = Run("collectors", "add", "github", "--name", "gh", "--controls", "AC-05", "--org", "example", "--db", Db);

        Assert.Equal(2, code);
        Assert.Contains("not yet available", err, StringComparison.Ordinal);
    }

    [Fact]
    public void CollectorsAdd_SecretVariableUnset_Exit2NamingTheVariable()
    {
        Assert.Equal(0, Run("demo", "--db", Db).Code);

        var (code, _, err) = Run("collectors", "add", "json-api", "--name", "x", "--controls", "AC-05", "--url", _url, "--secret-env", "TRELLIS_TEST_NOT_SET_" + Guid.NewGuid().ToString("N"), "--db", Db);

        Assert.Equal(2, code);
        Assert.Contains("--secret-env", err, StringComparison.Ordinal);
    }
}
