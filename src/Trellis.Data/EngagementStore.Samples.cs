using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Audits;
using Trellis.Data.AuditTrail;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>Populations and samples (issue 16, item 3), stored whole as documents; a sample and its requests are one write.</summary>
public sealed partial class EngagementStore
{
    private const string SampleKind = "sample";
    private const string PopulationKind = "population";

    /// <summary>All samples, ordered by ID.</summary>
    public Task<IReadOnlyList<Versioned<AuditSample>>> SamplesAsync(CancellationToken cancellationToken = default) =>
        ListAsync<AuditSample>(SampleKind, cancellationToken);

    /// <summary>All uploaded populations, ordered by ID.</summary>
    public Task<IReadOnlyList<Versioned<Population>>> PopulationsAsync(CancellationToken cancellationToken = default) =>
        ListAsync<Population>(PopulationKind, cancellationToken);

    /// <summary>Stores an uploaded population with the next free ID (<c>POP-0001</c> onwards).</summary>
    public async Task<Population> AddPopulationAsync(Func<Population, AuditRecord> audit, Population population, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(population);
        await using var db = database.CreateContext();
        await using var tx = await BeginNumberingAsync(db, cancellationToken).ConfigureAwait(false);
        var stored = population with { Id = await NextIdAsync(db, PopulationKind, "POP-", cancellationToken).ConfigureAwait(false) };
        db.AuditDocuments.Add(new AuditDocumentRow { Kind = PopulationKind, Id = stored.Id, Document = JsonSerializer.Serialize(stored, Json) });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await AuditJournal.AppendAsync(db, database.Provider, audit(stored), cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>
    /// Stores a sample and one request per drawn item (<paramref name="requestFor"/> builds each from the sample as
    /// numbered and the item's position) in one transaction with one audit entry: either all of it is kept or none.
    /// </summary>
    public async Task<AuditSample> AddSampleAsync(
        Func<AuditSample, AuditRecord> audit, AuditSample sample, Func<AuditSample, int, AuditRequest> requestFor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(requestFor);
        await using var db = database.CreateContext();
        await using var tx = await BeginNumberingAsync(db, cancellationToken).ConfigureAwait(false);
        var numbered = sample with { Id = await NextIdAsync(db, SampleKind, "SMP-", cancellationToken).ConfigureAwait(false) };
        var next = Number(await NextIdAsync(db, RequestKind, "REQ-", cancellationToken).ConfigureAwait(false));
        var requests = numbered.Items.Select((_, i) => requestFor(numbered, i) with { Id = string.Create(CultureInfo.InvariantCulture, $"REQ-{next + i:D4}") }).ToList();
        numbered = numbered with { RequestIds = [.. requests.Select(r => r.Id)] };
        db.AuditDocuments.Add(new AuditDocumentRow { Kind = SampleKind, Id = numbered.Id, Document = JsonSerializer.Serialize(numbered, Json) });
        db.AuditDocuments.AddRange(requests.Select(r => new AuditDocumentRow { Kind = RequestKind, Id = r.Id, Document = JsonSerializer.Serialize(r, Json) }));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await AuditJournal.AppendAsync(db, database.Provider, audit(numbered), cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return numbered;
    }

    // A write transaction in which numbering is serialized: SQLite's write lock, or a table lock on PostgreSQL (read
    // committed alone would let two writers read the same highest number).
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginNumberingAsync(TrellisDbContext db, CancellationToken ct)
    {
        var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE audit_documents IN SHARE ROW EXCLUSIVE MODE", ct).ConfigureAwait(false);
        }

        return tx;
    }

    private static async Task<string> NextIdAsync(TrellisDbContext db, string kind, string prefix, CancellationToken ct)
    {
        var ids = await db.AuditDocuments.AsNoTracking().Where(r => r.Kind == kind).Select(r => r.Id).ToListAsync(ct).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{ids.Select(Number).DefaultIfEmpty(0).Max() + 1:D4}");
    }

    private static int Number(string id) =>
        int.TryParse(id.AsSpan(id.IndexOf('-', StringComparison.Ordinal) + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
