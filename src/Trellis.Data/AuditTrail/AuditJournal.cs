using Microsoft.EntityFrameworkCore;

namespace Trellis.Data.AuditTrail;

/// <summary>
/// Appends an entry to the hash-chained audit trail inside the caller's open transaction, so the write and its entry
/// commit or roll back together. Appends are serialized across every process on the database: a transaction-scoped
/// PostgreSQL advisory lock (<see cref="LockKey"/>), or SQLite's single writer.
/// </summary>
public static class AuditJournal
{
    /// <summary>Key of the PostgreSQL advisory lock that serializes appends and retention.</summary>
    public const long LockKey = 0x7472656C6C6973; // "trellis"

    /// <summary>
    /// Appends <paramref name="record"/> after the newest entry (or the retention anchor) in <paramref name="db"/>'s
    /// current transaction and saves it. The caller commits.
    /// </summary>
    /// <param name="db">A context that maps <see cref="AuditEntry"/> and <see cref="AuditAnchor"/>, with a transaction open.</param>
    /// <param name="provider">The engine (PostgreSQL takes the advisory lock).</param>
    /// <param name="record">The entry to append.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<AuditEntry> AppendAsync(DbContext db, DatabaseProvider provider, AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("an audit entry is appended inside the write's own transaction");
        }

        var ct = cancellationToken;
        await LockAsync(db, provider, ct).ConfigureAwait(false);
        var last = await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var anchor = last is null ? await db.Set<AuditAnchor>().AsNoTracking().FirstOrDefaultAsync(ct).ConfigureAwait(false) : null;
        var entry = new AuditEntry
        {
            Sequence = (last?.Sequence ?? anchor?.Sequence ?? 0) + 1,
            At = AuditChain.Truncate(record.At),
            Actor = record.Actor,
            Action = record.Action,
            Resource = record.Resource,
            Change = CanonicalJson.Serialize(record.Change),
            PreviousHash = last?.Hash ?? anchor?.Hash ?? AuditChain.Genesis,
        };
        entry.Hash = AuditChain.Hash(entry);
        db.Set<AuditEntry>().Add(entry);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return entry;
    }

    /// <summary>Takes the append lock for the rest of the current transaction (PostgreSQL; SQLite has one writer).</summary>
    public static Task LockAsync(DbContext db, DatabaseProvider provider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return provider == DatabaseProvider.Postgres
            ? db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>The retained entries after sequence <paramref name="since"/> (all when null), in chain order.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> ListAsync(DbContext db, long? since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var from = since ?? 0;
        return await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence > from).OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
