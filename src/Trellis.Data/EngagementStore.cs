using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Data.AuditTrail;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>
/// Engagements and findings, stored whole as JSON documents by ID (they are read and written whole and never
/// queried by field). Writes take an optional expected version, like the program store.
/// </summary>
/// <param name="database">The database.</param>
public sealed partial class EngagementStore(TrellisDatabase database)
{
    private const string EngagementKind = "engagement";
    private const string FindingKind = "finding";

    // Enums are written as their wire names (soc2-type2). Documents stored before that carry member names
    // (Soc2Type2) and are still read: a database created by an earlier version loads as it is.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new WireNamesJsonConverter(acceptMemberNames: true) },
    };

    /// <summary>All engagements, ordered by ID.</summary>
    public Task<IReadOnlyList<Versioned<Engagement>>> EngagementsAsync(CancellationToken cancellationToken = default) =>
        ListAsync<Engagement>(EngagementKind, cancellationToken);

    /// <summary>All findings, ordered by ID.</summary>
    public Task<IReadOnlyList<Versioned<Finding>>> FindingsAsync(CancellationToken cancellationToken = default) =>
        ListAsync<Finding>(FindingKind, cancellationToken);

    /// <summary>Saves an engagement (insert or update).</summary>
    public Task<Result<Versioned<Engagement>>> SaveEngagementAsync(AuditRecord audit, Engagement engagement, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        return SaveAsync(audit, EngagementKind, engagement.Id, engagement, expectedVersion, cancellationToken);
    }

    /// <summary>Saves a finding (insert or update).</summary>
    public Task<Result<Versioned<Finding>>> SaveFindingAsync(AuditRecord audit, Finding finding, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return SaveAsync(audit, FindingKind, finding.Id, finding, expectedVersion, cancellationToken);
    }

    /// <summary>
    /// Adds engagements and findings that are not stored yet, in one transaction (a planned calendar kept whole);
    /// IDs already stored are left as they are. Returns how many engagements and findings were added.
    /// </summary>
    public async Task<(int Engagements, int Findings)> AddMissingAsync(AuditRecord audit, IEnumerable<Engagement> engagements, IEnumerable<Finding> findings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engagements);
        ArgumentNullException.ThrowIfNull(findings);
        await using var db = database.CreateContext();
        await using var tx = await StoreTransactions.BeginWriteAsync(db, cancellationToken).ConfigureAwait(false);
        var stored = (await db.AuditDocuments.AsNoTracking().Select(r => new { r.Kind, r.Id }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(r => (r.Kind, r.Id)).ToHashSet();
        var rows = engagements.Select(e => (Kind: EngagementKind, e.Id, Document: JsonSerializer.Serialize(e, Json)))
            .Concat(findings.Select(f => (Kind: FindingKind, f.Id, Document: JsonSerializer.Serialize(f, Json))))
            .Where(r => stored.Add((r.Kind, r.Id)))
            .ToList();
        db.AuditDocuments.AddRange(rows.Select(r => new AuditDocumentRow { Kind = r.Kind, Id = r.Id, Version = 1, Document = r.Document }));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await AuditJournal.AppendAsync(db, database.Provider, audit, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (rows.Count(r => r.Kind == EngagementKind), rows.Count(r => r.Kind == FindingKind));
    }

    private async Task<IReadOnlyList<Versioned<T>>> ListAsync<T>(string kind, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var rows = await db.AuditDocuments.AsNoTracking().Where(r => r.Kind == kind).ToListAsync(ct).ConfigureAwait(false);
        return rows.OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new Versioned<T>(JsonSerializer.Deserialize<T>(r.Document, Json)!, r.Version))
            .ToList();
    }

    private async Task<Result<Versioned<T>>> SaveAsync<T>(AuditRecord audit, string kind, string id, T value, int? expectedVersion, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
        var row = await db.AuditDocuments.SingleOrDefaultAsync(r => r.Kind == kind && r.Id == id, ct).ConfigureAwait(false);
        if (expectedVersion is { } expected && row?.Version != expected)
        {
            return DataErrors.ConcurrencyConflict(kind, id, expected, row?.Version);
        }

        if (row is null)
        {
            row = new AuditDocumentRow { Kind = kind, Id = id, Version = 1 };
            db.AuditDocuments.Add(row);
        }
        else
        {
            row.Version++;
        }

        row.Document = JsonSerializer.Serialize(value, Json);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DataErrors.ConcurrencyConflict(kind, id, expectedVersion, null);
        }

        await AuditJournal.AppendAsync(db, database.Provider, audit, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return new Versioned<T>(value, row.Version);
    }
}
