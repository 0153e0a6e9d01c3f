using System.Data.Common;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>Appends one entry inside <paramref name="db"/>'s open transaction, so it commits with the write it records.</summary>
    public Task<AuditEntry> AppendAsync(WebDbContext db, string actor, string action, string resource, object? change, CancellationToken cancellationToken = default) =>
        AuditJournal.AppendAsync(db, database.Provider, new AuditRecord(clock.GetUtcNow(), actor, action, resource, change), cancellationToken);
}
