using Microsoft.EntityFrameworkCore;
using Trellis.Core.Common;
using Trellis.Core.Evidence;
using Trellis.Data.AuditTrail;
using Trellis.Data.Rows;

namespace Trellis.Data;

public sealed partial class ProgramStore
{
    /// <summary>
    /// Adds a new evidence item (its versions, control links and the contents of its files) in one
    /// transaction, at the end of the evidence list. <paramref name="blobs"/> maps SHA-256 to contents; a file
    /// whose contents are already stored need not be supplied. Fails with <c>duplicate-id</c> when the ID is
    /// taken, <c>unknown-control</c>, <c>invalid-evidence</c>, <c>missing-blob</c> or <c>blob-hash-mismatch</c>.
    /// </summary>
    public Task<Result<Versioned<EvidenceItem>>> AddEvidenceAsync(AuditRecord audit, EvidenceItem item, IReadOnlyDictionary<string, byte[]>? blobs = null, CancellationToken cancellationToken = default) =>
        AddEvidenceAsync(_ => audit, item, blobs, cancellationToken);

    /// <summary>
    /// As above; an item whose <see cref="EvidenceItem.Id"/> is empty gets the next <c>EV-0001</c>-style ID inside the
    /// write transaction (after the program row is locked), so concurrent uploads never race for one ID.
    /// <paramref name="audit"/> builds the entry from the item as stored (with its ID).
    /// </summary>
    public async Task<Result<Versioned<EvidenceItem>>> AddEvidenceAsync(Func<EvidenceItem, AuditRecord> audit, EvidenceItem item, IReadOnlyDictionary<string, byte[]>? blobs = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(item);
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            if (item.Id.Length == 0)
            {
                item = item with { Id = await NextEvidenceIdAsync(db, ct).ConfigureAwait(false) };
            }

            if (await db.Evidence.AnyAsync(e => e.Id == item.Id, ct).ConfigureAwait(false))
            {
                return DataErrors.DuplicateId("evidence", item.Id);
            }

            var known = await db.Controls.Where(c => item.ControlIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
            if (ProgramIntegrity.CheckEvidence(item, known.ToHashSet(StringComparer.Ordinal)) is { } invalid)
            {
                return invalid;
            }

            var toStore = await CheckBlobsAsync(db, item.Id, item.Versions, blobs, ct).ConfigureAwait(false);
            if (!toStore.IsSuccess)
            {
                return toStore.Error!;
            }

            var ordinal = await db.Evidence.MaxAsync(e => (int?)e.Ordinal, ct).ConfigureAwait(false) ?? -1;
            db.Blobs.AddRange(toStore.Value);
            db.Evidence.Add(new EvidenceRow { Id = item.Id, Ordinal = ordinal + 1, Title = item.Title, Source = item.Source });
            db.EvidenceVersions.AddRange(item.Versions.Select(v => ProgramRows.VersionRow(item.Id, v)));
            db.EvidenceControls.AddRange(ProgramRows.EvidenceControlRows(item));
            var saved = await SaveAsync(db, "evidence", item.Id, ct).ConfigureAwait(false);
            if (saved is not null)
            {
                return saved;
            }

            await AuditJournal.AppendAsync(db, Database.Provider, audit(item), ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return new Versioned<EvidenceItem>(item, 1);
        }
    }

    /// <summary>Adds a new evidence item whose file versions all have the given contents (the usual single-file case).</summary>
    public Task<Result<Versioned<EvidenceItem>>> AddEvidenceAsync(AuditRecord audit, EvidenceItem item, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return AddEvidenceAsync(audit, item, new Dictionary<string, byte[]> { [ProgramIntegrity.Hash(content)] = content }, cancellationToken);
    }

    // One more than the highest EV- number stored, so an ID is never handed out twice, even after deletions.
    private static async Task<string> NextEvidenceIdAsync(TrellisDbContext db, CancellationToken ct)
    {
        var ids = await db.Evidence.Where(e => e.Id.StartsWith("EV-")).Select(e => e.Id).ToListAsync(ct).ConfigureAwait(false);
        var max = ids.Select(id => int.TryParse(id[3..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return $"EV-{max + 1:0000}";
    }

    /// <summary>
    /// Appends a version to an existing evidence item, storing <paramref name="content"/> for a file version
    /// (optional when those contents are already stored), in one transaction. Its number must follow the
    /// newest version's. With <paramref name="expectedVersion"/>, fails with <c>concurrency-conflict</c>
    /// unless the item is still at that version; two concurrent appends never both succeed.
    /// </summary>
    public async Task<Result<Versioned<EvidenceItem>>> AddEvidenceVersionAsync(AuditRecord audit, string evidenceId, EvidenceVersion version, byte[]? content = null, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            var row = await db.Evidence.SingleOrDefaultAsync(e => e.Id == evidenceId, ct).ConfigureAwait(false);
            if (row is null)
            {
                return DataErrors.UnknownEvidence(evidenceId);
            }

            if (expectedVersion is { } expected && expected != row.Version)
            {
                return DataErrors.ConcurrencyConflict("evidence", evidenceId, expected, row.Version);
            }

            var last = await db.EvidenceVersions.Where(v => v.EvidenceId == evidenceId).MaxAsync(v => (int?)v.Number, ct).ConfigureAwait(false) ?? 0;
            if (ProgramIntegrity.CheckVersion(evidenceId, version, last) is { } invalid)
            {
                return invalid;
            }

            var supplied = content is null ? null : new Dictionary<string, byte[]> { [ProgramIntegrity.Hash(content)] = content };
            var toStore = await CheckBlobsAsync(db, evidenceId, [version], supplied, ct).ConfigureAwait(false);
            if (!toStore.IsSuccess)
            {
                return toStore.Error!;
            }

            db.Blobs.AddRange(toStore.Value);
            db.EvidenceVersions.Add(ProgramRows.VersionRow(evidenceId, version));
            row.Version++;
            var saved = await SaveAsync(db, "evidence", evidenceId, ct).ConfigureAwait(false);
            if (saved is not null)
            {
                return saved;
            }

            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            var item = await LoadEvidenceAsync(db, row, ct).ConfigureAwait(false);
            return new Versioned<EvidenceItem>(item, row.Version);
        }
    }

    /// <summary>One evidence item with its version.</summary>
    public async Task<Result<Versioned<EvidenceItem>>> GetEvidenceAsync(string evidenceId, CancellationToken cancellationToken = default)
    {
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var row = await db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId, cancellationToken).ConfigureAwait(false);
            return row is null
                ? DataErrors.UnknownEvidence(evidenceId)
                : new Versioned<EvidenceItem>(await LoadEvidenceAsync(db, row, cancellationToken).ConfigureAwait(false), row.Version);
        }
    }

    /// <summary>
    /// The stored contents with this SHA-256, verified: bytes that no longer hash to their SHA-256 fail with
    /// <c>blob-corrupt</c> and are never returned. <c>unknown-blob</c> when nothing is stored under it.
    /// </summary>
    public async Task<Result<byte[]>> GetBlobAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var blob = await db.Blobs.AsNoTracking().Where(b => b.Sha256 == sha256).Select(b => b.Content).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (blob is null)
            {
                return DataErrors.UnknownBlob(sha256);
            }

            var actual = ProgramIntegrity.Hash(blob);
            return actual == sha256 ? blob : DataErrors.BlobCorrupt(sha256, actual);
        }
    }

    /// <summary>As <see cref="GetBlobAsync"/>, as a read-only stream over the verified bytes.</summary>
    public async Task<Result<Stream>> OpenBlobAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var bytes = await GetBlobAsync(sha256, cancellationToken).ConfigureAwait(false);
        return bytes.IsSuccess ? new MemoryStream(bytes.Value, writable: false) : bytes.Error!;
    }

    private static async Task<Result<IReadOnlyList<BlobRow>>> CheckBlobsAsync(
        TrellisDbContext db, string evidenceId, IEnumerable<EvidenceVersion> versions, IReadOnlyDictionary<string, byte[]>? supplied, CancellationToken ct)
    {
        var files = versions.Where(v => v.IsFile).Select(v => (evidenceId, v)).ToList();
        var wanted = files.Select(f => f.v.Sha256!).Distinct(StringComparer.Ordinal).ToList();
        var stored = await db.Blobs.AsNoTracking().Where(b => wanted.Contains(b.Sha256))
            .ToDictionaryAsync(b => b.Sha256, b => b.Size, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var result = ProgramIntegrity.CheckBlobs(files, supplied ?? new Dictionary<string, byte[]>(), stored);
        return result.IsSuccess
            ? result.Value.Where(b => !stored.ContainsKey(b.Key)).Select(b => new BlobRow { Sha256 = b.Key, Content = b.Value, Size = b.Value.Length }).ToList()
            : result.Error!;
    }

    private static async Task<EvidenceItem> LoadEvidenceAsync(TrellisDbContext db, EvidenceRow row, CancellationToken ct)
    {
        var versions = await db.EvidenceVersions.AsNoTracking().Where(v => v.EvidenceId == row.Id).OrderBy(v => v.Number).ToListAsync(ct).ConfigureAwait(false);
        var links = await db.EvidenceControls.AsNoTracking().Where(l => l.EvidenceId == row.Id).OrderBy(l => l.Ordinal).ToListAsync(ct).ConfigureAwait(false);
        return ProgramAssembly.Evidence(row, versions, links);
    }

    /// <summary>Saves; a concurrent change (stale token, same key inserted meanwhile) becomes <c>concurrency-conflict</c>.</summary>
    private static async Task<Error?> SaveAsync(TrellisDbContext db, string what, string id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return DataErrors.ConcurrencyConflict(what, id, null, null);
        }
        catch (DbUpdateException e) when (StoreTransactions.IsUniqueViolation(e))
        {
            return DataErrors.ConcurrencyConflict(what, id, null, null);
        }
    }
}
