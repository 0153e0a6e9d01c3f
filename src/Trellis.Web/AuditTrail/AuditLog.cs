using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Trellis.Data;
using Trellis.Web.Hosting;
using Trellis.Web.Storage;

namespace Trellis.Web.AuditTrail;

/// <summary>
/// Appends to the hash-chained audit trail. Appends are serialized across every process on the database
/// (a PostgreSQL advisory lock; SQLite's write lock), and a lost race on the sequence is retried, so the chain
/// stays linear with several instances. Each append uses its own context and transaction.
/// </summary>
/// <param name="database">The database.</param>
/// <param name="clock">The clock that stamps entries.</param>
public sealed class AuditLog(WebDatabase database, TimeProvider clock)
{
    /// <summary>Key of the PostgreSQL advisory lock that serializes appends and retention.</summary>
    internal const long LockKey = 0x7472656C6C6973; // "trellis"

    /// <summary>Appends one entry: <paramref name="change"/> is serialized to canonical JSON.</summary>
    /// <param name="actor">Who (e-mail, or <c>system</c>).</param>
    /// <param name="action">What, verb-noun, e.g. <c>control.update</c>.</param>
    /// <param name="resource">Which resource, e.g. <c>control/AC-01</c>.</param>
    /// <param name="change">The change (new values, or what was removed).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<AuditEntry> AppendAsync(string actor, string action, string resource, object? change, CancellationToken cancellationToken = default)
    {
        var canonical = CanonicalJson.Serialize(change);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAppendAsync(actor, action, resource, canonical, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < 20 && e is DbUpdateException or DbException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<AuditEntry> TryAppendAsync(string actor, string action, string resource, string canonical, CancellationToken ct)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await LockAsync(db, database.Provider, ct).ConfigureAwait(false);
            var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            var anchor = last is null ? await db.AuditAnchors.AsNoTracking().FirstOrDefaultAsync(ct).ConfigureAwait(false) : null;
            var entry = new AuditEntry
            {
                Sequence = (last?.Sequence ?? anchor?.Sequence ?? 0) + 1,
                At = AuditChain.Truncate(clock.GetUtcNow()),
                Actor = actor,
                Action = action,
                Resource = resource,
                Change = canonical,
                PreviousHash = last?.Hash ?? anchor?.Hash ?? AuditChain.Genesis,
            };
            entry.Hash = AuditChain.Hash(entry);
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return entry;
        }
    }

    internal static Task LockAsync(WebDbContext db, DatabaseProvider provider, CancellationToken ct) =>
        provider == DatabaseProvider.Postgres
            ? db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct)
            : Task.CompletedTask;
}
