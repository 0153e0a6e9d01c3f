using Microsoft.EntityFrameworkCore;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Data.AuditTrail;

namespace Trellis.Data;

public sealed partial class ProgramStore
{
    /// <summary>The SoA decision on one Annex A control with its version; <c>unknown-soa-decision</c> when none is stored.</summary>
    public async Task<Result<Versioned<SoaDecision>>> GetSoaDecisionAsync(string control, CancellationToken cancellationToken = default)
    {
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var row = await db.SoaDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.Control == control, cancellationToken).ConfigureAwait(false);
            return row is null ? DataErrors.UnknownSoaDecision(control) : new Versioned<SoaDecision>(ProgramAssembly.Soa(row), row.Version);
        }
    }

    /// <summary>
    /// Records the decision on one Annex A control: creates it (at the end of the SoA, version 1) or replaces
    /// it (version + 1). With <paramref name="expectedVersion"/>, the decision must exist at that version:
    /// otherwise <c>unknown-soa-decision</c> or <c>concurrency-conflict</c>.
    /// </summary>
    public async Task<Result<Versioned<SoaDecision>>> UpsertSoaDecisionAsync(AuditRecord audit, SoaDecision decision, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            var row = await db.SoaDecisions.SingleOrDefaultAsync(d => d.Control == decision.Control, ct).ConfigureAwait(false);
            if (row is null)
            {
                if (expectedVersion is not null)
                {
                    return DataErrors.UnknownSoaDecision(decision.Control);
                }

                var ordinal = await db.SoaDecisions.MaxAsync(d => (int?)d.Ordinal, ct).ConfigureAwait(false) ?? -1;
                row = ProgramRows.SoaRow(decision, ordinal + 1);
                db.SoaDecisions.Add(row);
            }
            else
            {
                if (expectedVersion is { } expected && expected != row.Version)
                {
                    return DataErrors.ConcurrencyConflict("SoA decision", decision.Control, expected, row.Version);
                }

                var updated = ProgramRows.SoaRow(decision, row.Ordinal);
                updated.Version = row.Version + 1;
                db.Entry(row).CurrentValues.SetValues(updated);
            }

            if (await SaveAsync(db, "SoA decision", decision.Control, ct).ConfigureAwait(false) is { } conflict)
            {
                return conflict;
            }

            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return new Versioned<SoaDecision>(decision, row.Version);
        }
    }

    /// <summary>
    /// Records the approval of the Statement of Applicability (ISO/IEC 27001:2022 6.1.3 d: the SoA is approved and
    /// versioned): version label, approver and date replace the previous approval, in one transaction with
    /// <paramref name="audit"/>.
    /// </summary>
    public async Task<SoaApproval> SaveSoaApprovalAsync(AuditRecord audit, SoaApproval approval, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            await db.ProgramSettings.Where(x => x.Id == Rows.ProgramSettingsRow.SingletonId).ExecuteUpdateAsync(
                u => u.SetProperty(x => x.SoaVersion, approval.Version).SetProperty(x => x.SoaApprovedBy, approval.ApprovedBy).SetProperty(x => x.SoaApprovedOn, approval.ApprovedOn),
                ct).ConfigureAwait(false);
            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return approval;
        }
    }
}
