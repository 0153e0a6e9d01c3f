using Microsoft.EntityFrameworkCore;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Data.AuditTrail;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>What <see cref="ProgramStore.ReplaceAsync"/> wrote.</summary>
/// <param name="Controls">Controls.</param>
/// <param name="Evidence">Evidence items.</param>
/// <param name="EvidenceVersions">Evidence versions.</param>
/// <param name="Risks">Risks.</param>
/// <param name="SoaDecisions">SoA decisions.</param>
/// <param name="BlobsAdded">File contents newly stored (contents already stored are not counted).</param>
public sealed record ProgramCounts(int Controls, int Evidence, int EvidenceVersions, int Risks, int SoaDecisions, int BlobsAdded);

public sealed partial class ProgramStore
{
    /// <summary>
    /// Replaces the whole program (settings, controls, evidence, risks, SoA, judgements, task notes) in one transaction: on any failure
    /// the database is exactly as before. <paramref name="blobs"/> maps lowercase hex SHA-256 to file contents;
    /// every file version needs its contents either there or already stored. Contents no longer referenced
    /// afterwards are deleted. Rows that existed before get their version incremented (so an ETag taken
    /// before the replace goes stale); new rows start at 1. Imported frameworks are kept.
    /// Fails with <c>duplicate-id</c>, <c>unknown-control</c>, <c>invalid-evidence</c>, <c>missing-blob</c>
    /// or <c>blob-hash-mismatch</c> before writing anything. The stored policies are kept.
    /// </summary>
    public Task<Result<ProgramCounts>> ReplaceAsync(AuditRecord audit, ComplianceProgram program, IReadOnlyDictionary<string, byte[]> blobs, CancellationToken cancellationToken = default) =>
        ReplaceAsync(audit, program, blobs, null, null, cancellationToken);

    /// <summary>
    /// <see cref="ReplaceAsync(AuditRecord, ComplianceProgram, IReadOnlyDictionary{string, byte[]}, CancellationToken)"/>, and
    /// with <paramref name="policies"/> the program's policies are replaced by them in the same transaction (null: kept).
    /// </summary>
    /// <remarks>With <paramref name="registers"/>, the staff and vendor registers are replaced in the same transaction too (null: kept).</remarks>
    public async Task<Result<ProgramCounts>> ReplaceAsync(
        AuditRecord audit, ComplianceProgram program, IReadOnlyDictionary<string, byte[]> blobs, IReadOnlyList<Core.Policies.Policy>? policies,
        RegisterSet? registers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(blobs);
        if (ProgramIntegrity.Check(program) is { } invalid)
        {
            return invalid;
        }

        var ct = cancellationToken;
        var rows = ProgramRows.From(program);
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);

            // First write: updates the settings row, which every other replace also updates first, so
            // concurrent replaces on PostgreSQL run one after the other (SQLite's write lock already does this).
            var s = rows.Settings;
            await db.ProgramSettings.Where(x => x.Id == ProgramSettingsRow.SingletonId).ExecuteUpdateAsync(
                u => u.SetProperty(x => x.Organization, s.Organization)
                    .SetProperty(x => x.ScopeJson, s.ScopeJson)
                    .SetProperty(x => x.RiskMatrixJson, s.RiskMatrixJson)
                    .SetProperty(x => x.SoaVersion, s.SoaVersion)
                    .SetProperty(x => x.SoaApprovedBy, s.SoaApprovedBy)
                    .SetProperty(x => x.SoaApprovedOn, s.SoaApprovedOn)
                    .SetProperty(x => x.Version, x => x.Version + 1),
                ct).ConfigureAwait(false);

            var files = program.Evidence.SelectMany(e => e.Versions.Where(v => v.IsFile).Select(v => (e.Id, Version: v))).ToList();
            var wanted = files.Select(f => f.Version.Sha256!).Distinct(StringComparer.Ordinal).ToList();
            var stored = await db.Blobs.AsNoTracking().Where(b => wanted.Contains(b.Sha256))
                .Select(b => new { b.Sha256, b.Size }).ToDictionaryAsync(b => b.Sha256, b => b.Size, StringComparer.Ordinal, ct).ConfigureAwait(false);
            var checkedBlobs = ProgramIntegrity.CheckBlobs(files, blobs, stored);
            if (!checkedBlobs.IsSuccess)
            {
                return checkedBlobs.Error!;
            }

            await CarryVersionsAsync(db, rows, ct).ConfigureAwait(false);
            await DeleteProgramRowsAsync(db, ct).ConfigureAwait(false);

            var newBlobs = checkedBlobs.Value.Where(b => !stored.ContainsKey(b.Key))
                .Select(b => new BlobRow { Sha256 = b.Key, Content = b.Value, Size = b.Value.Length }).ToList();
            await BulkInsert.InsertAsync(db, newBlobs, ct).ConfigureAwait(false);
            await BulkInsert.InsertAsync(db, rows.Controls, ct).ConfigureAwait(false);
            await BulkInsert.InsertAsync(db, rows.Mappings, ct).ConfigureAwait(false);
            await BulkInsert.InsertAsync(db, rows.Evidence, ct).ConfigureAwait(false);
            await BulkInsert.InsertAsync(db, rows.Versions, ct).ConfigureAwait(false);
            await BulkInsert.InsertAsync(db, rows.EvidenceControls, ct).ConfigureAwait(false);
            await BulkInsert.InsertAsync(db, rows.Risks, ct).ConfigureAwait(false);
            await BulkInsert.InsertAsync(db, rows.RiskControls, ct).ConfigureAwait(false);
            await BulkInsert.InsertAsync(db, rows.Actions, ct).ConfigureAwait(false);
            await BulkInsert.InsertAsync(db, rows.ActionControls, ct).ConfigureAwait(false);
            await BulkInsert.InsertAsync(db, rows.Soa, ct).ConfigureAwait(false);
            await BulkInsert.InsertAsync(db, rows.Judgements, ct).ConfigureAwait(false);
            await BulkInsert.InsertAsync(db, rows.TaskNotes, ct).ConfigureAwait(false);
            if (policies is not null)
            {
                await ReplacePoliciesAsync(db, policies, ct).ConfigureAwait(false);
            }

            if (registers is not null)
            {
                await WriteRegistersAsync(db, registers, ct).ConfigureAwait(false);
            }

            // Contents no evidence version refers to any more; a frozen audit package's zip is kept (its record's ID is the hash).
            await db.Blobs.Where(b => !db.EvidenceVersions.Any(v => v.Sha256 == b.Sha256)
                    && !db.AuditDocuments.Any(d => d.Kind == EngagementStore.PackageKind && d.Id == b.Sha256))
                .ExecuteDeleteAsync(ct).ConfigureAwait(false);

            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return new ProgramCounts(rows.Controls.Count, rows.Evidence.Count, rows.Versions.Count, rows.Risks.Count, rows.Soa.Count, newBlobs.Count);
        }
    }

    /// <summary>Gives rows that already exist the next version, so old ETags no longer match.</summary>
    private static async Task CarryVersionsAsync(TrellisDbContext db, ProgramRows rows, CancellationToken ct)
    {
        var controls = await db.Controls.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Version, StringComparer.Ordinal, ct).ConfigureAwait(false);
        foreach (var r in rows.Controls)
        {
            r.Version = controls.GetValueOrDefault(r.Id) + 1;
        }

        var evidence = await db.Evidence.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Version, StringComparer.Ordinal, ct).ConfigureAwait(false);
        foreach (var r in rows.Evidence)
        {
            r.Version = evidence.GetValueOrDefault(r.Id) + 1;
        }

        var risks = await db.Risks.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Version, StringComparer.Ordinal, ct).ConfigureAwait(false);
        foreach (var r in rows.Risks)
        {
            r.Version = risks.GetValueOrDefault(r.Id) + 1;
        }

        var soa = await db.SoaDecisions.AsNoTracking().ToDictionaryAsync(x => x.Control, x => x.Version, StringComparer.Ordinal, ct).ConfigureAwait(false);
        foreach (var r in rows.Soa)
        {
            r.Version = soa.GetValueOrDefault(r.Control) + 1;
        }

        var judgements = await db.Judgements.AsNoTracking().ToDictionaryAsync(x => (x.Framework, x.Requirement), x => x.Version, ct).ConfigureAwait(false);
        foreach (var r in rows.Judgements)
        {
            r.Version = judgements.GetValueOrDefault((r.Framework, r.Requirement)) + 1;
        }
    }

    /// <summary>Deletes every program row (children first); blobs and imported frameworks stay.</summary>
    private static async Task DeleteProgramRowsAsync(TrellisDbContext db, CancellationToken ct)
    {
        await db.RiskActionControls.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.RiskActions.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.RiskControls.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.Risks.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.EvidenceControls.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.EvidenceVersions.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.Evidence.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.ControlMappings.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.ControlTaskNotes.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.Controls.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.SoaDecisions.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.Judgements.ExecuteDeleteAsync(ct).ConfigureAwait(false);
    }
}
