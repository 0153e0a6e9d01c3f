using Microsoft.EntityFrameworkCore;
using Trellis.Core.Common;
using Trellis.Core.Evidence;
using Trellis.Data.AuditTrail;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>A collector run as stored, with its checks' results.</summary>
/// <param name="Run">The run.</param>
/// <param name="Checks">Its checks' results, in order.</param>
public sealed record StoredCollectorRun(CollectorRunRow Run, IReadOnlyList<CollectorCheckResultRow> Checks);

public sealed partial class ProgramStore
{
    /// <summary>Adds a collector's configuration with its audit entry; <c>duplicate-id</c> when the name is taken.</summary>
    public async Task<Result<CollectorRow>> AddCollectorAsync(AuditRecord audit, CollectorRow row, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(row);
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            if (await db.Set<CollectorRow>().AnyAsync(c => c.Name == row.Name, ct).ConfigureAwait(false))
            {
                return DataErrors.DuplicateId("collector", row.Name);
            }

            db.Set<CollectorRow>().Add(row);
            if (await SaveAsync(db, "collector", row.Name, ct).ConfigureAwait(false) is { } conflict)
            {
                return conflict;
            }

            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return row;
        }
    }

    /// <summary>Every collector, by name.</summary>
    public async Task<IReadOnlyList<CollectorRow>> CollectorsAsync(CancellationToken ct = default)
    {
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await db.Set<CollectorRow>().AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The runs of every collector (or of <paramref name="collector"/>), newest first, with their checks' results;
    /// at most <paramref name="perCollector"/> per collector.
    /// </summary>
    public async Task<IReadOnlyList<StoredCollectorRun>> CollectorRunsAsync(string? collector = null, int perCollector = 100, CancellationToken ct = default)
    {
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var runs = await db.Set<CollectorRunRow>().AsNoTracking()
                .Where(r => collector == null || r.Collector == collector)
                .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
                .ToListAsync(ct).ConfigureAwait(false);
            var kept = runs.GroupBy(r => r.Collector, StringComparer.Ordinal).SelectMany(g => g.Take(perCollector)).ToList();
            var ids = kept.Select(r => r.Id).ToList();
            var checks = (await db.Set<CollectorCheckResultRow>().AsNoTracking().Where(c => ids.Contains(c.RunId)).ToListAsync(ct).ConfigureAwait(false))
                .ToLookup(c => c.RunId, StringComparer.Ordinal);
            return [.. kept.Select(r => new StoredCollectorRun(r, [.. checks[r.Id].OrderBy(c => c.Ordinal)]))];
        }
    }

    /// <summary>
    /// Records a run in one transaction: the run, its checks' results, each capture as a new evidence item (IDs
    /// assigned here, <c>EV-0001</c>-style, with its file contents by SHA-256) and the audit entry, which
    /// <paramref name="audit"/> builds from the evidence IDs. Returns those IDs, in the order of <paramref name="evidence"/>.
    /// </summary>
    public async Task<Result<IReadOnlyList<string>>> RecordCollectorRunAsync(
        Func<IReadOnlyList<string>, AuditRecord> audit, StoredCollectorRun run, IReadOnlyList<(EvidenceItem Item, byte[] Content)> evidence, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(evidence);
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            var ids = new List<string>();
            if (evidence.Count > 0)
            {
                var next = int.Parse((await NextEvidenceIdAsync(db, ct).ConfigureAwait(false))[3..], System.Globalization.CultureInfo.InvariantCulture);
                var ordinal = await db.Evidence.MaxAsync(e => (int?)e.Ordinal, ct).ConfigureAwait(false) ?? -1;
                var controls = evidence.SelectMany(e => e.Item.ControlIds).Distinct(StringComparer.Ordinal).ToList();
                var known = (await db.Controls.Where(c => controls.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
                var blobs = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (candidate, content) in evidence)
                {
                    var item = candidate with { Id = $"EV-{next++:0000}" };
                    if (ProgramIntegrity.CheckEvidence(item, known) is { } invalid)
                    {
                        return invalid;
                    }

                    var sha = item.Current.Sha256!;
                    var toStore = await CheckBlobsAsync(db, item.Id, item.Versions, new Dictionary<string, byte[]> { [sha] = content }, ct).ConfigureAwait(false);
                    if (!toStore.IsSuccess)
                    {
                        return toStore.Error!;
                    }

                    db.Blobs.AddRange(toStore.Value.Where(b => blobs.Add(b.Sha256)));
                    db.Evidence.Add(new EvidenceRow { Id = item.Id, Ordinal = ++ordinal, Title = item.Title, Source = item.Source });
                    db.EvidenceVersions.AddRange(item.Versions.Select(v => ProgramRows.VersionRow(item.Id, v)));
                    db.EvidenceControls.AddRange(ProgramRows.EvidenceControlRows(item));
                    ids.Add(item.Id);
                }
            }

            run.Run.EvidenceJson = System.Text.Json.JsonSerializer.Serialize(ids);
            db.Set<CollectorRunRow>().Add(run.Run);
            db.Set<CollectorCheckResultRow>().AddRange(run.Checks);
            if (await SaveAsync(db, "collector run", run.Run.Id, ct).ConfigureAwait(false) is { } conflict)
            {
                return conflict;
            }

            await AuditJournal.AppendAsync(db, Database.Provider, audit(ids), ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return ids;
        }
    }
}
