using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Trellis.Web.Tests.Hosting;

/// <summary>
/// A throwaway PostgreSQL primary and a streaming standby on loopback ports, each in its own folder under a temporary
/// folder. The standby is taken from the running primary with <c>pg_basebackup -R</c> and connects as
/// <c>application_name=replica1</c>; the primary then gets <c>synchronous_standby_names = 'replica1'</c> and
/// <c>synchronous_commit = on</c>, so a commit is acknowledged only once the standby has flushed its WAL. The server binaries are found as <c>.ci/postgres.sh</c> finds them (the newest
/// <c>/usr/lib/postgresql/*/bin</c>, or <c>TRELLIS_PG_BIN</c>); as root every server command runs through
/// <c>su postgres</c>, as another user directly. <see cref="Dispose"/> stops both servers and deletes the folder.
/// </summary>
internal sealed class ReplicatedPostgres : IDisposable
{
    public const string StandbyName = "replica1";

    private readonly string _bin;
    private readonly string _folder;

    private ReplicatedPostgres(string bin, string folder)
    {
        _bin = bin;
        _folder = folder;
        PrimaryPort = FreePort();
        do
        {
            ReplicaPort = FreePort();
        }
        while (ReplicaPort == PrimaryPort);
    }

    public int PrimaryPort { get; }

    public int ReplicaPort { get; }

    private string PrimaryData => Path.Combine(_folder, "primary");

    private string ReplicaData => Path.Combine(_folder, "replica");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>The PostgreSQL server binaries: <c>TRELLIS_PG_BIN</c>, else the newest <c>/usr/lib/postgresql/*/bin</c> with initdb.</summary>
    public static string? Binaries()
    {
        if (Environment.GetEnvironmentVariable("TRELLIS_PG_BIN") is { Length: > 0 } set)
        {
            return File.Exists(Path.Combine(set, "initdb")) ? set : null;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderBy(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin")).LastOrDefault()
            : null;
    }

    /// <summary>Why the pair cannot run here (null when it can): no binaries, or root without a <c>postgres</c> account.</summary>
    public static string? WhyNot()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "the failover test starts PostgreSQL servers on Linux only";
        }

        if (Binaries() is null)
        {
            return "no PostgreSQL server binaries (/usr/lib/postgresql/*/bin or TRELLIS_PG_BIN)";
        }

        return IsRoot && !File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal))
            ? "running as root and there is no postgres account to run the servers as"
            : null;
    }

    /// <summary>Starts the primary alone (no standby yet, so no synchronous standby to wait for).</summary>
    public static async Task<ReplicatedPostgres> StartPrimaryAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "trellis-fo-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        var pg = new ReplicatedPostgres(Binaries()!, folder);
        try
        {
            if (IsRoot)
            {
                await RunAsync("chown", "postgres", folder);
            }

            await pg.ServerAsync($"'{pg._bin}/initdb' -D '{pg.PrimaryData}' -U postgres -A trust --no-sync -E UTF8");
            await pg.ServerAsync(pg.StartCommand(pg.PrimaryData, pg.PrimaryPort));
            return pg;
        }
        catch
        {
            pg.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Takes the standby from the running primary, starts it, makes it the primary's synchronous standby
    /// (<c>synchronous_standby_names</c>, <c>synchronous_commit = on</c>) and waits until it streams as such.
    /// </summary>
    public async Task AttachSynchronousStandbyAsync()
    {
        await ServerAsync($"'{_bin}/pg_basebackup' -h 127.0.0.1 -p {PrimaryPort} -U postgres -D '{ReplicaData}' -R -X stream --checkpoint=fast --no-sync");

        // pg_basebackup -R wrote standby.signal and a primary_conninfo without a name; the later line wins.
        await File.AppendAllTextAsync(Path.Combine(ReplicaData, "postgresql.auto.conf"),
            $"primary_conninfo = 'host=127.0.0.1 port={PrimaryPort} user=postgres application_name={StandbyName}'\n");
        await ServerAsync(StartCommand(ReplicaData, ReplicaPort));

        // Set on the primary only, after the copy: once promoted, the standby has no standby of its own to wait for.
        await using (var c = new NpgsqlConnection(Single(PrimaryPort)))
        {
            await c.OpenAsync();
            await using var set = new NpgsqlCommand(
                $"ALTER SYSTEM SET synchronous_standby_names = '{StandbyName}'; ALTER SYSTEM SET synchronous_commit = 'on'; SELECT pg_reload_conf()", c);
            await set.ExecuteNonQueryAsync();
        }

        await WaitForSyncStandbyAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>A connection string to one server only.</summary>
    public static string Single(int port, string database = "postgres") =>
        $"Host=127.0.0.1;Port={port};Username=postgres;Database={database};Pooling=false;Timeout=5";

    /// <summary>Stops the primary the hard way: every server process ends at once, nothing is flushed or checkpointed.</summary>
    public Task StopPrimaryAsync() => ServerAsync($"'{_bin}/pg_ctl' -D '{PrimaryData}' -m immediate -w stop");

    /// <summary>Promotes the standby and waits until it accepts writes.</summary>
    public Task PromoteReplicaAsync() => ServerAsync($"'{_bin}/pg_ctl' -D '{ReplicaData}' -w -t 30 promote");

    public void Dispose()
    {
        foreach (var data in new[] { ReplicaData, PrimaryData })
        {
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                try
                {
                    ServerAsync($"'{_bin}/pg_ctl' -D '{data}' -m immediate -w -t 20 stop").GetAwaiter().GetResult();
                }
                catch (InvalidOperationException)
                {
                    KillPostmaster(data);
                }
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void KillPostmaster(string data)
    {
        try
        {
            var first = File.ReadLines(Path.Combine(data, "postmaster.pid")).FirstOrDefault();
            if (int.TryParse(first, out var pid))
            {
                using var p = Process.GetProcessById(pid);
                p.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }
    }

    // Loopback only, the socket in the temporary folder, fsync off: the test kills server processes, never the
    // machine, so the operating system keeps every write either server made; what decides whether an acknowledged
    // commit survives is whether the standby had received it (synchronous replication), which is what is tested.
    private string StartCommand(string data, int port) =>
        $"'{_bin}/pg_ctl' -D '{data}' -l '{data}.log' -w -t 30 -o \"-c listen_addresses=127.0.0.1 -p {port} -k {_folder} "
        + "-c fsync=off -c wal_level=replica -c max_wal_senders=4 -c max_connections=100\" start";

    private async Task WaitForSyncStandbyAsync(TimeSpan timeout)
    {
        var until = Stopwatch.StartNew();
        var state = "none";
        while (until.Elapsed < timeout)
        {
            await using (var c = new NpgsqlConnection(Single(PrimaryPort)))
            {
                await c.OpenAsync();
                await using var cmd = new NpgsqlCommand("SELECT sync_state FROM pg_stat_replication WHERE application_name = $1", c);
                cmd.Parameters.AddWithValue(StandbyName);
                state = await cmd.ExecuteScalarAsync() as string ?? "none";
            }

            if (state == "sync")
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"the standby did not become synchronous within {timeout} (sync_state {state}); see {ReplicaData}.log");
    }

    /// <summary>Runs a shell command as the servers' owner; its output goes to commands.log, quoted in the exception when it fails.</summary>
    private async Task ServerAsync(string command)
    {
        var log = Path.Combine(_folder, "commands.log");
        var line = $"{command} >>'{log}' 2>&1";
        var code = IsRoot ? await RunAsync("su", "postgres", "-s", "/bin/sh", "-c", line) : await RunAsync("/bin/sh", "-c", line);
        if (code != 0)
        {
            var said = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(15)) : "";
            throw new InvalidOperationException($"'{command}' exited with {code}:\n{said}");
        }
    }

    private static async Task<int> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await p.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} did not finish within 60 s");
        }

        return p.ExitCode;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
