using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using static Trellis.Cli.Tests.CliRunner;

namespace Trellis.Cli.Tests;

/// <summary>
/// Issue 14, hole E: a real <c>trellis serve</c> process killed with SIGKILL while parallel evidence uploads are being
/// written leaves no committed change without its audit entry, and the chain still verifies.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trellis-kill-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Serve_KilledDuringParallelUploads_EveryCommittedEvidenceItemHasItsAuditEntry()
    {
        var db = Path.Combine(_dir, "t.db");
        Assert.Equal(0, Run("demo", "--db", db).Code);
        Assert.Equal(0, Run("users", "add", "ops@example.com", "--role", "admin", "--db", db).Code);
        var token = Run("tokens", "create", "ops@example.com", "--name", "load", "--db", db).Out.Trim();
        var demoIds = Ids(db, "SELECT id FROM evidence").ToHashSet();

        var acknowledged = 0;
        for (var round = 0; round < 3; round++)
        {
            acknowledged += await UploadUntilKilledAsync(db, token, TimeSpan.FromMilliseconds(200 + (round * 300)));
        }

        var evidence = Ids(db, "SELECT id FROM evidence");
        var audited = Ids(db, "SELECT resource FROM web_audit_log WHERE action = 'evidence.add'").Select(r => r["evidence/".Length..]).ToHashSet();
        var added = evidence.Count - demoIds.Count;
        Assert.True(acknowledged > 0, "no upload was acknowledged before the kill: the test proved nothing");
        Assert.True(added >= acknowledged, $"{acknowledged} uploads were acknowledged but only {added} items are stored");
        var unaudited = evidence.Where(id => !demoIds.Contains(id) && !audited.Contains(id)).ToList();
        Assert.True(unaudited.Count == 0, $"committed without an audit entry: {string.Join(", ", unaudited)}");
        var verify = Run("audit-log", "verify", "--db", db);
        Assert.True(verify.Code == 0, verify.Out + verify.Err);
    }

    private static async Task<int> UploadUntilKilledAsync(string db, string token, TimeSpan killAfter)
    {
        var port = ServeProcess.FreePort();
        using var server = ServeProcess.Start(db, port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await WaitUntilUpAsync(http, server);

        var acknowledged = 0;
        var firstAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var payload = new byte[256 * 1024];
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                payload[0] = (byte)w;
                payload[1] = (byte)i;
                using var form = new MultipartFormDataContent
                {
                    { new StringContent("AC-01"), "controls" },
                    { new StringContent("2026-11-01"), "effectiveFrom" },
                    { new ByteArrayContent([.. payload, .. BitConverter.GetBytes(Environment.TickCount64)]), "file", $"run-{w}-{i}.bin" },
                };
                try
                {
                    using var response = await http.PostAsync(new Uri("/api/v1/evidence", UriKind.Relative), form);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        Interlocked.Increment(ref acknowledged);
                        firstAcknowledged.TrySetResult();
                    }
                }
                catch (HttpRequestException)
                {
                    return; // the server is gone
                }
            }
        })).ToList();

        // The kill lands while uploads are in flight: a while after the first one was acknowledged (on a loaded machine
        // the first can take seconds), not at a fixed time after start-up.
        await Task.WhenAny(firstAcknowledged.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        await Task.Delay(killAfter);
        server.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush
        await server.WaitForExitAsync();
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        return acknowledged;
    }

    private static async Task WaitUntilUpAsync(HttpClient http, Process server)
    {
        for (var i = 0; i < 300; i++)
        {
            Assert.False(server.HasExited, "trellis serve exited at start");
            try
            {
                if ((await http.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail("trellis serve did not come up in 30 s");
    }

    private static List<string> Ids(string db, string sql) => Query(db, sql, r => r.GetString(0));

    private static List<T> Query<T>(string db, string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
