using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>
/// Engagements and findings, stored whole as JSON documents by ID (they are read and written whole and never
/// queried by field). Writes take an optional expected version, like the program store.
/// </summary>
/// <param name="database">The database.</param>
public sealed class AuditStore(TrellisDatabase database)
{
    private const string EngagementKind = "engagement";
    private const string FindingKind = "finding";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>All engagements, ordered by ID.</summary>
    public Task<IReadOnlyList<Versioned<Engagement>>> EngagementsAsync(CancellationToken cancellationToken = default) =>
        ListAsync<Engagement>(EngagementKind, cancellationToken);

    /// <summary>All findings, ordered by ID.</summary>
    public Task<IReadOnlyList<Versioned<Finding>>> FindingsAsync(CancellationToken cancellationToken = default) =>
        ListAsync<Finding>(FindingKind, cancellationToken);

    /// <summary>Saves an engagement (insert or update).</summary>
    public Task<Result<Versioned<Engagement>>> SaveEngagementAsync(Engagement engagement, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        return SaveAsync(EngagementKind, engagement.Id, engagement, expectedVersion, cancellationToken);
    }

    /// <summary>Saves a finding (insert or update).</summary>
    public Task<Result<Versioned<Finding>>> SaveFindingAsync(Finding finding, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return SaveAsync(FindingKind, finding.Id, finding, expectedVersion, cancellationToken);
    }

    private async Task<IReadOnlyList<Versioned<T>>> ListAsync<T>(string kind, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var rows = await db.AuditDocuments.AsNoTracking().Where(r => r.Kind == kind).ToListAsync(ct).ConfigureAwait(false);
        return rows.OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new Versioned<T>(JsonSerializer.Deserialize<T>(r.Document, Json)!, r.Version))
            .ToList();
    }

    private async Task<Result<Versioned<T>>> SaveAsync<T>(string kind, string id, T value, int? expectedVersion, CancellationToken ct)
    {
        await using var db = database.CreateContext();
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

        return new Versioned<T>(value, row.Version);
    }
}
