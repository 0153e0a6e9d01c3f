using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Trellis.Data;

/// <summary>
/// One start-up at a time per database (issue 14, hole L): several <c>trellis serve</c> processes started together on one
/// database run migrations, the demo load and the first administrator one after the other, so the second finds the
/// first one's work done instead of racing it. PostgreSQL: a session-level advisory lock on the database itself (created
/// first if missing, tolerating another instance creating it at the same moment). SQLite: an exclusive lock file beside
/// the database file.
/// </summary>
public sealed partial class TrellisDatabase
{
    /// <summary>Key of the PostgreSQL advisory lock held while an instance starts (distinct from the audit trail's).</summary>
    public const long StartupLockKey = 0x7472_656C_6C69_7301;

    /// <summary>How long an instance waits for another one's start-up before giving up.</summary>
    public static readonly TimeSpan StartupLockTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Waits until no other instance is starting on this database and holds the lock until disposed.</summary>
    public async Task<IAsyncDisposable> LockStartupAsync(CancellationToken cancellationToken = default)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return await SqliteLockFile.AcquireAsync(Description + ".startup-lock", StartupLockTimeout, cancellationToken).ConfigureAwait(false);
        }

        await EnsurePostgresDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand($"SET lock_timeout = '{(int)StartupLockTimeout.TotalMilliseconds}ms'; SELECT pg_advisory_lock({StartupLockKey})", connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new PostgresStartupLock(connection);
    }

    // EF Core creates a missing database inside Migrate, but two instances doing so at once make one fail with 42P04.
    private async Task EnsurePostgresDatabaseAsync(CancellationToken cancellationToken)
    {
        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (await creator.ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            try
            {
                await creator.CreateAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another instance created it first: that is all this step needed.
            }
        }
    }

    private sealed class PostgresStartupLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Closing the session releases a session-level advisory lock; unlocking first keeps pooled sessions clean.
            await using (var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({StartupLockKey})", connection))
            {
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class SqliteLockFile(FileStream stream) : IAsyncDisposable
    {
        public static async Task<SqliteLockFile> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            var waited = TimeSpan.Zero;
            var step = TimeSpan.FromMilliseconds(50);
            while (true)
            {
                try
                {
                    return new SqliteLockFile(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
                }
                catch (IOException) when (waited < timeout)
                {
                    await Task.Delay(step, cancellationToken).ConfigureAwait(false);
                    waited += step;
                }
            }
        }

        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }
}
