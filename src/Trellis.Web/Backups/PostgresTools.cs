using System.Diagnostics;
using Npgsql;
using Trellis.Core.Common;
using Trellis.Data;
using Trellis.Web.Hosting;

namespace Trellis.Web.Backups;

/// <summary>
/// PostgreSQL backups through the server's own tools: <c>pg_dump --format=custom</c> takes one consistent snapshot while
/// writes go on; <c>pg_restore</c> loads it into a scratch database, which is checked and then renamed to the target's
/// name (the database it replaces is kept, renamed <c>&lt;name&gt;_before_restore_&lt;time&gt;</c>).
/// </summary>
internal static class PostgresTools
{
    public static async Task<Result<bool>> DumpAsync(string connectionString, string file, CancellationToken ct)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", file, "--dbname", ConnInfo(b, b.Database!)], b, ct).ConfigureAwait(false);
    }

    /// <summary>Restores the archive into a scratch database, checks it, and drops it: a backup is only kept once it restores.</summary>
    public static async Task<Result<BackupCheck>> CheckDumpAsync(string connectionString, string file, CancellationToken ct)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var scratch = await RestoreToScratchAsync(b, file, ct).ConfigureAwait(false);
        if (!scratch.IsSuccess)
        {
            File.Delete(file);
            return scratch.Error!;
        }

        await DropAsync(b, scratch.Value.Name, ct).ConfigureAwait(false);
        if (!scratch.Value.Check.Ok)
        {
            File.Delete(file);
            return new Error(ErrorCodes.InvalidBackup, $"the database itself does not verify, so no backup was kept: {scratch.Value.Check.Message}");
        }

        return scratch.Value.Check;
    }

    public static async Task<Result<BackupCheck>> RestoreAsync(WebDatabase db, string file, CancellationToken ct)
    {
        var b = new NpgsqlConnectionStringBuilder(db.Program.ConnectionString);
        var target = b.Database!;
        var scratch = await RestoreToScratchAsync(b, file, ct).ConfigureAwait(false);
        if (!scratch.IsSuccess)
        {
            return scratch.Error!;
        }

        if (!scratch.Value.Check.Ok)
        {
            await DropAsync(b, scratch.Value.Name, ct).ConfigureAwait(false);
            return new Error(ErrorCodes.InvalidBackup, $"{file} is damaged, nothing was restored: {scratch.Value.Check.Message}", "FILE");
        }

        NpgsqlConnection.ClearAllPools();
        var admin = await OpenAdminAsync(b, ct).ConfigureAwait(false);
        await using (admin.ConfigureAwait(false))
        {
            var kept = Truncate(target, 40) + "_before_restore_" + TimeProvider.System.GetUtcNow().ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            if (await ExistsAsync(admin, target, ct).ConfigureAwait(false))
            {
                // No new sessions, end the current ones, then swap names: connections arriving later reach the restored database.
                await ExecAsync(admin, $"ALTER DATABASE {Quote(target)} ALLOW_CONNECTIONS false", ct).ConfigureAwait(false);
                await ExecAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{target.Replace("'", "''", StringComparison.Ordinal)}' AND pid <> pg_backend_pid()", ct).ConfigureAwait(false);
                await ExecAsync(admin, $"ALTER DATABASE {Quote(target)} RENAME TO {Quote(kept)}", ct).ConfigureAwait(false);
                await ExecAsync(admin, $"ALTER DATABASE {Quote(kept)} ALLOW_CONNECTIONS true", ct).ConfigureAwait(false);
            }

            await ExecAsync(admin, $"ALTER DATABASE {Quote(scratch.Value.Name)} RENAME TO {Quote(target)}", ct).ConfigureAwait(false);
        }

        return scratch.Value.Check;
    }

    private static async Task<Result<(string Name, BackupCheck Check)>> RestoreToScratchAsync(NpgsqlConnectionStringBuilder b, string file, CancellationToken ct)
    {
        var name = Truncate(b.Database!, 40) + "_restore_" + Guid.NewGuid().ToString("N")[..8];
        var admin = await OpenAdminAsync(b, ct).ConfigureAwait(false);
        await using (admin.ConfigureAwait(false))
        {
            await ExecAsync(admin, $"CREATE DATABASE {Quote(name)}", ct).ConfigureAwait(false);
        }

        var restored = await RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname", ConnInfo(b, name), file], b, ct).ConfigureAwait(false);
        if (!restored.IsSuccess)
        {
            await DropAsync(b, name, ct).ConfigureAwait(false);
            return new Error(ErrorCodes.InvalidBackup, $"{file} does not restore, nothing was changed: {restored.Error!.Message}", "FILE");
        }

        var scratch = new NpgsqlConnectionStringBuilder(b.ConnectionString) { Database = name, Pooling = false };
        var db = new WebDatabase(TrellisDatabase.Open(scratch.ConnectionString).Value);
        await db.MigrateAsync(ct).ConfigureAwait(false);
        return (name, await BackupCheck.RunAsync(db, ct).ConfigureAwait(false));
    }

    private static async Task DropAsync(NpgsqlConnectionStringBuilder b, string name, CancellationToken ct)
    {
        var admin = await OpenAdminAsync(b, ct).ConfigureAwait(false);
        await using (admin.ConfigureAwait(false))
        {
            await ExecAsync(admin, $"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)", ct).ConfigureAwait(false);
        }
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection admin, string name, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null;
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync(NpgsqlConnectionStringBuilder b, CancellationToken ct)
    {
        var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(b.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync(ct).ConfigureAwait(false);
        return admin;
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<Result<bool>> RunAsync(string tool, IReadOnlyList<string> args, NpgsqlConnectionStringBuilder b, CancellationToken ct)
    {
        var path = Locate(tool);
        if (path is null)
        {
            return new Error(ErrorCodes.InvalidBackup, $"{tool} was not found on PATH or under /usr/lib/postgresql: install the PostgreSQL client tools (Debian: postgresql-client)");
        }

        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (!string.IsNullOrEmpty(b.Password))
        {
            start.Environment["PGPASSWORD"] = b.Password;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(ct);
        _ = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        var message = (await stderr.ConfigureAwait(false)).Trim();
        return process.ExitCode == 0 ? true : new Error(ErrorCodes.InvalidBackup, $"{tool} failed (exit {process.ExitCode}): {message.Split('\n').LastOrDefault()}");
    }

    private static string? Locate(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }

        var root = "/usr/lib/postgresql";
        return Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists).OrderDescending(StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    // libpq key/value connection info (several hosts allowed); the password goes through PGPASSWORD, never the command line.
    private static string ConnInfo(NpgsqlConnectionStringBuilder b, string database) =>
        $"host='{b.Host}' port={b.Port} user='{b.Username}' dbname='{database.Replace("'", "\\'", StringComparison.Ordinal)}'"
        + (b.Host?.Contains(',', StringComparison.Ordinal) == true ? " target_session_attrs=read-write" : "");

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Truncate(string s, int length) => s.Length <= length ? s : s[..length];
}
