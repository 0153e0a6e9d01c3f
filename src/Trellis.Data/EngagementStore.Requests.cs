using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Data.AuditTrail;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>The requests auditors raise (issue 16), stored whole as documents like engagements and findings.</summary>
public sealed partial class EngagementStore
{
    private const string RequestKind = "request";

    /// <summary>All stored requests, ordered by ID.</summary>
    public Task<IReadOnlyList<Versioned<AuditRequest>>> RequestsAsync(CancellationToken cancellationToken = default) =>
        ListAsync<AuditRequest>(RequestKind, cancellationToken);

    /// <summary>One stored request, or null.</summary>
    public async Task<Versioned<AuditRequest>?> RequestAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var row = await db.AuditDocuments.AsNoTracking().SingleOrDefaultAsync(r => r.Kind == RequestKind && r.Id == id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : new Versioned<AuditRequest>(JsonSerializer.Deserialize<AuditRequest>(row.Document, Json)!, row.Version);
    }

    /// <summary>
    /// Stores new requests, giving each the next free ID (<c>REQ-0001</c> onwards) inside the write transaction, so
    /// parallel writers never share one; <paramref name="audit"/> builds the entry from the requests as stored.
    /// </summary>
    public async Task<IReadOnlyList<AuditRequest>> AddRequestsAsync(Func<IReadOnlyList<AuditRequest>, AuditRecord> audit, IReadOnlyList<AuditRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(requests);
        await using var db = database.CreateContext();
        await using var tx = await BeginNumberingAsync(db, cancellationToken).ConfigureAwait(false);
        var next = Number(await NextIdAsync(db, RequestKind, "REQ-", cancellationToken).ConfigureAwait(false));
        var stored = new List<AuditRequest>();
        foreach (var r in requests)
        {
            var withId = r with { Id = string.Create(CultureInfo.InvariantCulture, $"REQ-{next++:D4}") };
            stored.Add(withId);
            db.AuditDocuments.Add(new AuditDocumentRow { Kind = RequestKind, Id = withId.Id, Version = 1, Document = JsonSerializer.Serialize(withId, Json) });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await AuditJournal.AppendAsync(db, database.Provider, audit(stored), cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>Saves a step of a stored request; <paramref name="expectedVersion"/> is the version it was read at.</summary>
    public Task<Result<Versioned<AuditRequest>>> SaveRequestAsync(AuditRecord audit, AuditRequest request, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SaveAsync(audit, RequestKind, request.Id, request, expectedVersion, cancellationToken);
    }
}
