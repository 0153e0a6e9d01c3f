using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Data.AuditTrail;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>A frozen package as recorded: its zip is a blob, content-addressed like evidence files.</summary>
/// <param name="EngagementId">The engagement.</param>
/// <param name="Sha256">The zip's SHA-256 (the blob's key, and the record's ID).</param>
/// <param name="Size">The zip's length.</param>
/// <param name="Files">The files its manifest lists.</param>
/// <param name="FrozenBy">Who froze it.</param>
/// <param name="FrozenAt">When (UTC).</param>
public sealed record PackageRecord(string EngagementId, string Sha256, long Size, IReadOnlyList<PackageFile> Files, string FrozenBy, DateTimeOffset FrozenAt);

/// <summary>Frozen packages (issue 16, item 4): immutable once written; a program replace keeps their blobs.</summary>
public sealed partial class EngagementStore
{
    /// <summary>The document kind of packages; the ID is the zip's SHA-256, so the blob clean-up can see it is in use.</summary>
    public const string PackageKind = "package";

    /// <summary>Every frozen package, oldest first.</summary>
    public async Task<IReadOnlyList<PackageRecord>> PackagesAsync(CancellationToken cancellationToken = default) =>
        [.. (await ListAsync<PackageRecord>(PackageKind, cancellationToken).ConfigureAwait(false)).Select(p => p.Value).OrderBy(p => p.FrozenAt)];

    /// <summary>Stores the zip (unless the same bytes are stored) and its record, with the audit entry, in one transaction.</summary>
    public async Task<PackageRecord> AddPackageAsync(AuditRecord audit, PackageRecord record, byte[] zip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(zip);
        await using var db = database.CreateContext();
        await using var tx = await StoreTransactions.BeginWriteAsync(db, cancellationToken).ConfigureAwait(false);
        if (!await db.Blobs.AnyAsync(b => b.Sha256 == record.Sha256, cancellationToken).ConfigureAwait(false))
        {
            db.Blobs.Add(new BlobRow { Sha256 = record.Sha256, Content = zip, Size = zip.LongLength });
        }

        if (!await db.AuditDocuments.AnyAsync(d => d.Kind == PackageKind && d.Id == record.Sha256, cancellationToken).ConfigureAwait(false))
        {
            db.AuditDocuments.Add(new AuditDocumentRow { Kind = PackageKind, Id = record.Sha256, Document = JsonSerializer.Serialize(record, Json) });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await AuditJournal.AppendAsync(db, database.Provider, audit, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>The zip's bytes, verified against their SHA-256 (<c>blob-corrupt</c> otherwise).</summary>
    public async Task<Result<byte[]>> PackageBytesAsync(string sha256, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var bytes = await db.Blobs.AsNoTracking().Where(b => b.Sha256 == sha256).Select(b => b.Content).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return DataErrors.UnknownBlob(sha256);
        }

        var actual = ProgramIntegrity.Hash(bytes);
        return actual == sha256 ? bytes : DataErrors.BlobCorrupt(sha256, actual);
    }
}
