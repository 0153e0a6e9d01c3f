using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trellis.Data.AuditTrail;
using Trellis.Web.Hosting;
using Trellis.Web.Storage;

namespace Trellis.Web.AuditTrail;

/// <summary>
/// Removes audit entries older than <see cref="AuditTrailOptions.RetentionYears"/>, oldest first, and moves the
/// anchor to the last one removed so the retained chain still verifies. Runs at start and then every
/// <see cref="AuditTrailOptions.RetentionInterval"/>.
/// </summary>
internal sealed partial class AuditRetention(WebDatabase database, TimeProvider clock, IOptions<AuditTrailOptions> options, ILogger<AuditRetention> logger) : BackgroundService
{
    /// <summary>Removes what has expired; returns how many entries were removed.</summary>
    internal static async Task<int> PruneAsync(WebDatabase database, DateTimeOffset now, int years, CancellationToken ct)
    {
        if (years <= 0)
        {
            return 0;
        }

        var cutoff = now.AddYears(-years);
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await AuditJournal.LockAsync(db, database.Provider, ct).ConfigureAwait(false);

            // Times are compared in memory: SQLite cannot compare DateTimeOffset columns in SQL.
            var oldest = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).Take(1000)
                .Select(e => new { e.Sequence, e.At, e.Hash }).ToListAsync(ct).ConfigureAwait(false);
            var expired = oldest.TakeWhile(e => e.At < cutoff).ToList();
            if (expired.Count == 0)
            {
                return 0;
            }

            var last = expired[^1];
            var anchor = await db.AuditAnchors.FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (anchor is null)
            {
                db.AuditAnchors.Add(new AuditAnchor { Sequence = last.Sequence, Hash = last.Hash });
            }
            else
            {
                anchor.Sequence = last.Sequence;
                anchor.Hash = last.Hash;
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            var removed = await db.AuditEntries.Where(e => e.Sequence <= last.Sequence).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return removed;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionInterval, clock);
        do
        {
            try
            {
                int removed;
                do
                {
                    removed = await PruneAsync(database, clock.GetUtcNow(), options.Value.RetentionYears, stoppingToken);
                    if (removed > 0)
                    {
                        LogPruned(removed, options.Value.RetentionYears);
                    }
                }
                while (removed > 0);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit trail retention removed {Count} entries older than {Years} years")]
    private partial void LogPruned(int count, int years);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit trail retention failed; it will run again")]
    private partial void LogFailed(Exception e);
}
