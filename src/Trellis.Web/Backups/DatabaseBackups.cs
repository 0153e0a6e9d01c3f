using Microsoft.Data.Sqlite;
using Trellis.Core.Common;
using Trellis.Data;
using Trellis.Web.Hosting;

namespace Trellis.Web.Backups;

/// <summary>
/// Consistent online backups and verified restores of the whole database (program, evidence files, accounts, audit trail).
/// SQLite: the SQLite online backup API, into a SQLite file. PostgreSQL: <c>pg_dump --format=custom</c> (a snapshot of one
/// transaction), restored with <c>pg_restore</c> into a scratch database that is checked before it takes the target's name.
/// A restore never touches the target until the backup has verified (audit chain and every file's SHA-256).
/// </summary>
public static class DatabaseBackups
{
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] PgDumpMagic = "PGDMP"u8.ToArray();

    /// <summary>Writes a backup of <paramref name="db"/> to <paramref name="file"/> (refused when it exists) and checks it.</summary>
    public static async Task<Result<BackupCheck>> BackupAsync(WebDatabase db, string file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var target = Path.GetFullPath(file);
        if (File.Exists(target))
        {
            return new Error(ErrorCodes.InvalidBackup, $"{file} exists: a backup never overwrites a file; choose another name", "--out");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            if (db.Provider == DatabaseProvider.Sqlite)
            {
                CopySqlite(db.Program.ConnectionString, partial);
                var check = await CheckSqliteFileAsync(partial, ct).ConfigureAwait(false);
                if (!check.Ok)
                {
                    return new Error(ErrorCodes.InvalidBackup, $"the database itself does not verify, so no backup was kept: {check.Message}");
                }

                File.Move(partial, target);
                return check;
            }

            var dumped = await PostgresTools.DumpAsync(db.Program.ConnectionString, partial, ct).ConfigureAwait(false);
            if (!dumped.IsSuccess)
            {
                return dumped.Error!;
            }

            File.Move(partial, target);
            return await PostgresTools.CheckDumpAsync(db.Program.ConnectionString, target, ct).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Restores <paramref name="file"/> into <paramref name="db"/>: checks the backup first (refused when damaged, the
    /// target untouched), keeps the current database (<paramref name="keepCurrentIn"/> for SQLite, a renamed database for
    /// PostgreSQL), then switches over. Returns the restored database's check.
    /// </summary>
    public static async Task<Result<BackupCheck>> RestoreAsync(WebDatabase db, string file, string keepCurrentIn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!File.Exists(file))
        {
            return new Error(ErrorCodes.InvalidBackup, $"no backup file '{file}'", "FILE");
        }

        var format = await FormatOfAsync(file, ct).ConfigureAwait(false);
        if (format is null)
        {
            return new Error(ErrorCodes.InvalidBackup, $"{file} is neither a SQLite backup nor a pg_dump archive written by trellis backup", "FILE");
        }

        if (format != db.Provider)
        {
            return new Error(ErrorCodes.InvalidBackup, $"{file} is a {format} backup and {db.Description} is a {db.Provider} database: restore it into the same engine", "FILE");
        }

        return db.Provider == DatabaseProvider.Sqlite
            ? await RestoreSqliteAsync(db, file, keepCurrentIn, ct).ConfigureAwait(false)
            : await PostgresTools.RestoreAsync(db, file, ct).ConfigureAwait(false);
    }

    /// <summary>The engine a backup file belongs to, from its first bytes; null when it is neither.</summary>
    public static async Task<DatabaseProvider?> FormatOfAsync(string file, CancellationToken ct)
    {
        var head = new byte[16];
        var stream = File.OpenRead(file);
        await using (stream.ConfigureAwait(false))
        {
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
            return read >= SqliteMagic.Length && head.AsSpan(0, SqliteMagic.Length).SequenceEqual(SqliteMagic) ? DatabaseProvider.Sqlite
                : read >= PgDumpMagic.Length && head.AsSpan(0, PgDumpMagic.Length).SequenceEqual(PgDumpMagic) ? DatabaseProvider.Postgres
                : null;
        }
    }

    private static async Task<Result<BackupCheck>> RestoreSqliteAsync(WebDatabase db, string file, string keepCurrentIn, CancellationToken ct)
    {
        // Work on a copy: migrating an older backup to this version's schema must not change the operator's file.
        var scratch = Path.Combine(Path.GetTempPath(), $"trellis-restore-{Guid.NewGuid():N}.db");
        try
        {
            CopySqlite(Connection(file, SqliteOpenMode.ReadOnly), scratch);
            BackupCheck check;
            try
            {
                check = await CheckSqliteFileAsync(scratch, ct).ConfigureAwait(false);
            }
            catch (SqliteException e)
            {
                return new Error(ErrorCodes.InvalidBackup, $"{file} cannot be read as a Trellis database: {e.Message}", "FILE");
            }

            if (!check.Ok)
            {
                return new Error(ErrorCodes.InvalidBackup, $"{file} is damaged, nothing was restored: {check.Message}", "FILE");
            }

            if (File.Exists(db.Description))
            {
                var kept = await AutomaticBackups.KeepAsync(db, keepCurrentIn, "before-restore", ct).ConfigureAwait(false);
                if (!kept.IsSuccess)
                {
                    return kept.Error!;
                }
            }

            // The online backup API copies every page into the live file under its lock: readers see the old or the new database.
            CopySqlite(Connection(scratch, SqliteOpenMode.ReadOnly), db.Program.ConnectionString);
            return check;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(scratch);
        }
    }

    /// <summary>Opens <paramref name="file"/> as a Trellis database, brings it to this version's schema and checks it.</summary>
    private static async Task<BackupCheck> CheckSqliteFileAsync(string file, CancellationToken ct)
    {
        var db = new WebDatabase(TrellisDatabase.Open(Connection(file, SqliteOpenMode.ReadWrite)).Value);
        await db.MigrateAsync(ct).ConfigureAwait(false);
        var check = await BackupCheck.RunAsync(db, ct).ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
        return check;
    }

    private static void CopySqlite(string sourceConnection, string destination)
    {
        var destinationConnection = destination.Contains('=', StringComparison.Ordinal) ? destination : Connection(destination, SqliteOpenMode.ReadWriteCreate);
        using var source = new SqliteConnection(sourceConnection);
        using var target = new SqliteConnection(destinationConnection);
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    private static string Connection(string file, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString();
}
