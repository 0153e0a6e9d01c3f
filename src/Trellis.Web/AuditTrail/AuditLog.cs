using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Common;
using Trellis.Data.AuditTrail;
using Trellis.Web.Hosting;
using Trellis.Web.Storage;

namespace Trellis.Web.AuditTrail;

/// <summary>
/// The audit trail of the web state's own writes (accounts, API tokens), appended with <see cref="AuditJournal"/> in
/// the caller's transaction on <see cref="WebDbContext"/> (<see cref="AppendAsync(WebDbContext, string, string, string, object?, CancellationToken)"/>)
/// or in a transaction of its own. Program writes append theirs inside the stores' transactions.
/// </summary>
/// <param name="database">The database.</param>
/// <param name="clock">The clock that stamps entries.</param>
public sealed class AuditLog(WebDatabase database, TimeProvider clock)
{
    /// <summary>What an entry says: who did what to which resource, and the change.</summary>
    public sealed record AuditRecordParts(string Actor, string Action, string Resource, object? Change);

    /// <summary>Appends one entry in a transaction of its own (retried when another instance took the next sequence number).</summary>
    public async Task<AuditEntry> AppendAsync(string actor, string action, string resource, object? change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var db = database.CreateContext();
                await using (db.ConfigureAwait(false))
                {
                    await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    var entry = await AppendAsync(db, actor, action, resource, change, cancellationToken).ConfigureAwait(false);
                    await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return entry;
                }
            }
            catch (Exception e) when (attempt < 20 && e is DbUpdateException or DbException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Runs a write of the web state (accounts, tokens) and appends its entry in one transaction on
    /// <paramref name="db"/>: both commit, or — when the work fails or throws — neither does.
    /// </summary>
    /// <param name="db">The request's context; the work must write through it (Identity's stores do).</param>
    /// <param name="work">The write; a failed result rolls it back.</param>
    /// <param name="entry">The entry recording a successful write.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<Result<T>> WriteAsync<T>(WebDbContext db, Func<Task<Result<T>>> work, Func<T, AuditRecordParts> entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(entry);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await work().ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return result;
        }

        var (actor, action, resource, change) = entry(result.Value);
        await AppendAsync(db, actor, action, resource, change, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Appends one entry inside <paramref name="db"/>'s open transaction, so it commits with the write it records.</summary>
    public Task<AuditEntry> AppendAsync(WebDbContext db, string actor, string action, string resource, object? change, CancellationToken cancellationToken = default) =>
        AuditJournal.AppendAsync(db, database.Provider, new AuditRecord(clock.GetUtcNow(), actor, action, resource, change), cancellationToken);
}
