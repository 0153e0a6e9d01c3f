using Microsoft.EntityFrameworkCore;
using Trellis.Data.AuditTrail;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>Program settings outside program-as-code (the frameworks pursued) and the daily readiness snapshots.</summary>
public sealed partial class ProgramStore
{
    /// <summary>The IDs of the frameworks the program pursues, in the order saved; null when never set (every shipped one).</summary>
    public async Task<IReadOnlyList<string>?> PursuedFrameworksAsync(CancellationToken cancellationToken = default)
    {
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var json = await db.ProgramSettings.AsNoTracking().Select(x => x.PursuedFrameworksJson).SingleAsync(cancellationToken).ConfigureAwait(false);
            return json is null ? null : DataJson.Read<List<string>>(json);
        }
    }

    /// <summary>
    /// Records the frameworks the program pursues (null: back to every shipped one) with its audit entry, in one
    /// transaction that also moves the program's revision.
    /// </summary>
    public async Task SetPursuedFrameworksAsync(AuditRecord audit, IReadOnlyList<string>? frameworks, CancellationToken cancellationToken = default)
    {
        var ct = cancellationToken;
        var json = frameworks is null ? null : DataJson.Write(frameworks);
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            await db.ProgramSettings.Where(x => x.Id == ProgramSettingsRow.SingletonId)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.PursuedFrameworksJson, json), ct).ConfigureAwait(false);
            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Keeps the readiness counts of a framework for their day unless that day already has them: the first counts of a
    /// day stay (INSERT … ON CONFLICT DO NOTHING, the same SQL on both providers, so instances racing on one database
    /// keep one row). True when this call wrote the row. Derived data, not a decision: no audit entry, no revision.
    /// </summary>
    public async Task<bool> RecordReadinessAsync(ReadinessCounts counts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var written = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO readiness_snapshots (framework, day, covered, partial, gap, not_applicable) VALUES ({counts.Framework}, {counts.Day}, {counts.Covered}, {counts.Partial}, {counts.Gap}, {counts.NotApplicable}) ON CONFLICT (framework, day) DO NOTHING",
                cancellationToken).ConfigureAwait(false);
            return written > 0;
        }
    }

    /// <summary>The kept readiness counts of a framework from <paramref name="from"/> on (every day when null), oldest first.</summary>
    public async Task<IReadOnlyList<ReadinessCounts>> ReadinessHistoryAsync(string framework, DateOnly? from = null, CancellationToken cancellationToken = default)
    {
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var rows = db.ReadinessSnapshots.AsNoTracking().Where(s => s.Framework == framework);
            if (from is { } first)
            {
                rows = rows.Where(s => s.Day >= first);
            }

            return await rows.OrderBy(s => s.Day)
                .Select(s => new ReadinessCounts(s.Framework, s.Day, s.Covered, s.Partial, s.Gap, s.NotApplicable))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
