using Microsoft.EntityFrameworkCore;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Data.AuditTrail;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>
/// Stores imported mappings: one <see cref="MappingSet"/> per ordered pair of frameworks (its ID
/// <c>{from}_to_{to}</c>), its revision the row's version. The program's replace leaves them alone.
/// </summary>
/// <param name="database">The database (migrated).</param>
public sealed class ImportedMappingStore(TrellisDatabase database)
{
    /// <summary>The ID of the set holding the links from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static string IdOf(string from, string to) => $"{from}_to_{to}";

    /// <summary>All imported mapping sets, by ID (ordinal); each set's <see cref="MappingSet.Revision"/> is its version.</summary>
    public async Task<IReadOnlyList<MappingSet>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.ImportedMappings.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.OrderBy(r => r.Id, StringComparer.Ordinal).Select(ToSet)];
        }
    }

    /// <summary>The ID and version of every stored set: what a cache compares to know whether to reload.</summary>
    public async Task<IReadOnlyList<(string Id, int Version)>> VersionsAsync(CancellationToken cancellationToken = default)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.ImportedMappings.AsNoTracking().Select(r => new { r.Id, r.Version }).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => (r.Id, r.Version))];
        }
    }

    /// <summary>The set from <paramref name="from"/> to <paramref name="to"/>, or null when none was imported.</summary>
    public async Task<MappingSet?> FindAsync(string from, string to, CancellationToken cancellationToken = default)
    {
        var id = IdOf(from, to);
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var row = await db.ImportedMappings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
            return row is null ? null : ToSet(row);
        }
    }

    /// <summary>
    /// Stores <paramref name="set"/> as the links from <see cref="MappingSet.From"/> to <see cref="MappingSet.To"/>
    /// with its audit entry, in one transaction. <paramref name="expectedRevision"/> is the revision read before
    /// (null: none was stored); another writer in between gives <c>concurrency-conflict</c> and nothing is written.
    /// </summary>
    public async Task<Result<MappingSet>> SaveAsync(AuditRecord audit, MappingSet set, int? expectedRevision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var ct = cancellationToken;
        var id = IdOf(set.From, set.To);
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            var row = await db.ImportedMappings.SingleOrDefaultAsync(r => r.Id == id, ct).ConfigureAwait(false);
            if (row?.Version != expectedRevision)
            {
                return DataErrors.ConcurrencyConflict("mapping", id, expectedRevision, row?.Version);
            }

            if (row is null)
            {
                row = new ImportedMappingRow { Id = id, Source = set.From, Target = set.To };
                db.ImportedMappings.Add(row);
            }
            else
            {
                row.Version++;
            }

            row.Description = set.Description;
            row.Sources = DataJson.Write(set.Sources);
            row.Links = DataJson.Write(set.Links.Select(StoredLink.Of).ToList());
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || StoreTransactions.IsUniqueViolation(e))
            {
                return DataErrors.ConcurrencyConflict("mapping", id, expectedRevision, null);
            }

            await AuditJournal.AppendAsync(db, database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return ToSet(row);
        }
    }

    private static MappingSet ToSet(ImportedMappingRow r) => new(
        r.Id,
        r.Source,
        r.Target,
        r.Version,
        r.Description,
        DataJson.Read<Dictionary<string, string>>(r.Sources),
        [.. DataJson.Read<List<StoredLink>>(r.Links).Select(l => l.ToLink(r.Source, r.Target))]);

    /// <summary>A curated link as stored: requirement IDs only, the frameworks are the row's.</summary>
    private sealed record StoredLink(
        string From,
        string? To,
        Relationship Relationship,
        Rationale Rationale,
        int Strength,
        string Source,
        string Justification,
        bool NeedsReview)
    {
        public static StoredLink Of(MappingLink l) =>
            new(l.From.Requirement, l.To?.Requirement, l.Relationship, l.Rationale, l.Strength, l.Source, l.Justification, l.NeedsReview);

        public MappingLink ToLink(string source, string target) => new()
        {
            From = new RequirementRef(source, From),
            To = To is null ? null : new RequirementRef(target, To),
            Relationship = Relationship,
            Rationale = Rationale,
            Strength = Strength,
            Source = Source,
            Justification = Justification,
            NeedsReview = NeedsReview,
        };
    }
}
