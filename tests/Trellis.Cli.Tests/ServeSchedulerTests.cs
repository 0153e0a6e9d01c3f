using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using netDumbster.smtp;
using Npgsql;
using static Trellis.Cli.Tests.CliRunner;

namespace Trellis.Cli.Tests;

/// <summary>
/// Issue 17, item 3, with real processes: two <c>trellis serve</c> instances on one PostgreSQL database, the digest
/// scheduled every minute, a real SMTP server (netDumbster) on a loopback port. Whatever the demo's digests hold on the
/// day the test runs, every slot is run once: one mail per person and slot, one audit entry per completed run.
/// </summary>
public sealed class ServeSchedulerTests
{
    [SkippableFact]
    public async Task TwoServeProcesses_OnePostgresDatabase_EachDigestSlotRunsOnceAndEachPersonIsMailedOnce()
    {
        var pg = Environment.GetEnvironmentVariable("TRELLIS_TEST_PG");
        Skip.If(string.IsNullOrEmpty(pg), "TRELLIS_TEST_PG not set");
        var database = "trellis_sched_" + Guid.NewGuid().ToString("N")[..12];
        var cs = new NpgsqlConnectionStringBuilder(pg) { Database = database }.ConnectionString;
        using var smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();
        var servers = new List<Process>();
        try
        {
            Assert.Equal(0, Run("demo", "--db", cs).Code);
            servers.Add(Start(cs, smtp.Configuration.Port));
            servers.Add(Start(cs, smtp.Configuration.Port));

            // Each instance runs the current minute's slot at start-up and each later minute's: wait for two completed
            // slots, the second of which both instances were up for.
            var completed = new List<long>();
            for (var i = 0; i < 180 && completed.Count < 2; i++)
            {
                Assert.All(servers, s => Assert.False(s.HasExited, "trellis serve exited"));
                await Task.Delay(1000);
                completed = Query(cs, "SELECT slot FROM notification_job_runs WHERE job = 'digest' AND completed_at IS NOT NULL ORDER BY slot", r => r.GetInt64(0));
            }

            Assert.True(completed.Count >= 2, "fewer than two digest slots completed in three minutes");
            foreach (var server in servers)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }

            completed = Query(cs, "SELECT slot FROM notification_job_runs WHERE job = 'digest' AND completed_at IS NOT NULL ORDER BY slot", r => r.GetInt64(0));
            var sent = Query(cs, "SELECT slot, person FROM notification_deliveries WHERE job = 'digest' AND mail_state = 'sent'", r => (Slot: r.GetInt64(0), Person: r.GetString(1)));
            Assert.True(sent.Count > 0, "the demo's digests told nobody anything: the test proved nothing");

            var mails = smtp.ReceivedEmail.Select(m => (Id: m.Headers["Message-ID"]!, To: m.ToAddresses.Single().Address)).ToList();
            Assert.Equal(mails.Count, mails.Select(m => m.Id).Distinct(StringComparer.Ordinal).Count());
            foreach (var slot in completed)
            {
                var people = sent.Where(s => s.Slot == slot).Select(s => s.Person).Order(StringComparer.Ordinal).ToList();
                var mailed = mails.Where(m => m.Id.StartsWith($"<digest.{slot / 1000}.", StringComparison.Ordinal)).Select(m => m.To).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(people, mailed);
            }

            var audited = Query(cs, "SELECT resource FROM web_audit_log WHERE action = 'notify.digest'", r => r.GetString(0));
            Assert.Equal(completed.Count, audited.Count);
            Assert.Equal(audited.Count, audited.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(0, Run("audit-log", "verify", "--db", cs).Code);
        }
        finally
        {
            foreach (var server in servers.Where(s => !s.HasExited))
            {
                server.Kill(entireProcessTree: true);
            }

            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pg) { Pooling = false }.ConnectionString);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
    }

    private static Process Start(string db, int smtpPort) => ServeProcess.Start(db, ServeProcess.FreePort(), new Dictionary<string, string>
    {
        ["Trellis__Scheduler__Digest"] = "* * * * *",
        ["Trellis__Scheduler__StaleEvidenceSweep"] = "0 0 1 1 *",
        ["Trellis__Scheduler__PollInterval"] = "00:00:02",
        ["Trellis__Smtp__Host"] = "127.0.0.1",
        ["Trellis__Smtp__Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Trellis__Smtp__UseTls"] = "false",
    });

    private static List<T> Query<T>(string cs, string sql, Func<NpgsqlDataReader, T> read)
    {
        using var connection = new NpgsqlConnection(cs);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
