using Microsoft.EntityFrameworkCore;
using Trellis.Core.Common;
using Trellis.Data.AuditTrail;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>A framework catalog the user imported, kept as its source document.</summary>
/// <param name="Id">Framework ID, unique among shipped and imported frameworks.</param>
/// <param name="Name">Display name.</param>
/// <param name="SourceFormat">Format of <paramref name="Document"/>, e.g. <c>oscal-catalog-json</c>.</param>
/// <param name="Document">The document text as imported.</param>
public sealed record ImportedFramework(string Id, string Name, string SourceFormat, string Document);

/// <summary>Stores imported framework documents (for example OSCAL catalogs); the program's replace leaves them alone.</summary>
/// <param name="database">The database (migrated).</param>
public sealed class ImportedFrameworkStore(TrellisDatabase database)
{
    /// <summary>The database's change stamp.</summary>
    public Changes.DatabaseChanges Changes => database.Changes;

    /// <summary>All imported frameworks, by ID (ordinal).</summary>
    public async Task<IReadOnlyList<Versioned<ImportedFramework>>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.ImportedFrameworks.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.OrderBy(r => r.Id, StringComparer.Ordinal).Select(ToVersioned)];
        }
    }

    /// <summary>The ID and version of every imported framework: what a cache compares to know whether to reload.</summary>
    public async Task<IReadOnlyList<(string Id, int Version)>> VersionsAsync(CancellationToken cancellationToken = default)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.ImportedFrameworks.AsNoTracking().Select(r => new { r.Id, r.Version }).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => (r.Id, r.Version))];
        }
    }

    /// <summary>One imported framework; <c>unknown-framework</c> when absent.</summary>
    public async Task<Result<Versioned<ImportedFramework>>> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var row = await db.ImportedFrameworks.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
            return row is null ? DataErrors.UnknownImportedFramework(id) : ToVersioned(row);
        }
    }

    /// <summary>
    /// Stores a framework, creating it (version 1) or replacing it (version + 1). With
    /// <paramref name="expectedVersion"/>, it must exist at that version (<c>unknown-framework</c> or
    /// <c>concurrency-conflict</c> otherwise).
    /// </summary>
    public async Task<Result<Versioned<ImportedFramework>>> SaveAsync(AuditRecord audit, ImportedFramework framework, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var ct = cancellationToken;
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            var row = await db.ImportedFrameworks.SingleOrDefaultAsync(r => r.Id == framework.Id, ct).ConfigureAwait(false);
            if (row is null)
            {
                if (expectedVersion is not null)
                {
                    return DataErrors.UnknownImportedFramework(framework.Id);
                }

                row = new ImportedFrameworkRow { Id = framework.Id };
                db.ImportedFrameworks.Add(row);
            }
            else if (expectedVersion is { } expected && expected != row.Version)
            {
                return DataErrors.ConcurrencyConflict("framework", framework.Id, expected, row.Version);
            }
            else
            {
                row.Version++;
            }

            row.Name = framework.Name;
            row.SourceFormat = framework.SourceFormat;
            row.Document = framework.Document;
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || StoreTransactions.IsUniqueViolation(e))
            {
                return DataErrors.ConcurrencyConflict("framework", framework.Id, null, null);
            }

            await AuditJournal.AppendAsync(db, database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return ToVersioned(row);
        }
    }

    /// <summary>Deletes an imported framework; <c>unknown-framework</c> when absent. Returns what was deleted.</summary>
    public async Task<Result<ImportedFramework>> DeleteAsync(AuditRecord audit, string id, CancellationToken cancellationToken = default)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, cancellationToken).ConfigureAwait(false);
            var row = await db.ImportedFrameworks.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
            var deleted = row is null ? 0 : await db.ImportedFrameworks.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            if (deleted == 0)
            {
                return DataErrors.UnknownImportedFramework(id);
            }

            await AuditJournal.AppendAsync(db, database.Provider, audit, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return ToVersioned(row!).Value;
        }
    }

    private static Versioned<ImportedFramework> ToVersioned(ImportedFrameworkRow r) => new(new(r.Id, r.Name, r.SourceFormat, r.Document), r.Version);
}
