using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Trellis.Data;

/// <summary>Transaction and batching helpers shared by the stores.</summary>
internal static class StoreTransactions
{
    /// <summary>
    /// A read transaction that sees one snapshot across several queries. SQLite: a deferred transaction
    /// (takes no write lock, so it does not block the writer in WAL mode). PostgreSQL: repeatable read.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginSnapshotReadAsync(TrellisDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            var tx = sqlite.BeginTransaction(deferred: true);
            return (await db.Database.UseTransactionAsync(tx, ct).ConfigureAwait(false))!;
        }

        return await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A write transaction. SQLite: BEGIN IMMEDIATE (takes the write lock up front, so read-then-write cannot
    /// deadlock). PostgreSQL: read committed; writers serialize on the rows they update.
    /// </summary>
    public static Task<IDbContextTransaction> BeginWriteAsync(TrellisDbContext db, CancellationToken ct) =>
        db.Database.BeginTransactionAsync(ct);

    /// <summary>True when the write failed on a primary key or unique constraint (a concurrent insert of the same key).</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is 1555 or 2067, // SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
