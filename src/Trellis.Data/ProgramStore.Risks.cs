using Microsoft.EntityFrameworkCore;
using Trellis.Core.Common;
using Trellis.Core.Risks;
using Trellis.Data.AuditTrail;

namespace Trellis.Data;

public sealed partial class ProgramStore
{
    /// <summary>One risk with its controls, treatment plan and version; <c>unknown-risk</c> when absent.</summary>
    public async Task<Result<Versioned<Risk>>> GetRiskAsync(string id, CancellationToken cancellationToken = default)
    {
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var row = await db.Risks.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct).ConfigureAwait(false);
            if (row is null)
            {
                return DataErrors.UnknownRisk(id);
            }

            return new Versioned<Risk>(await LoadRiskAsync(db, row, ct).ConfigureAwait(false), row.Version);
        }
    }

    /// <summary>
    /// Creates the risk (at the end of the register, version 1) or replaces it with its control links and
    /// treatment plan (version + 1, same place in the register), in one transaction. Every control it or its
    /// actions link must exist (<c>unknown-control</c>). With <paramref name="expectedVersion"/> (an If-Match),
    /// the risk must exist at that version: otherwise <c>unknown-risk</c> or <c>concurrency-conflict</c>;
    /// without it the write is unconditional. A concurrent writer that wins the race also yields
    /// <c>concurrency-conflict</c>.
    /// </summary>
    public async Task<Result<Versioned<Risk>>> UpsertRiskAsync(AuditRecord audit, Risk risk, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(risk);
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            var linked = ProgramIntegrity.RiskControlIds(risk);
            var known = await db.Controls.Where(c => linked.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
            if (ProgramIntegrity.CheckRisk(risk, known.ToHashSet(StringComparer.Ordinal)) is { } invalid)
            {
                return invalid;
            }

            var row = await db.Risks.SingleOrDefaultAsync(r => r.Id == risk.Id, ct).ConfigureAwait(false);
            if (row is null)
            {
                if (expectedVersion is not null)
                {
                    return DataErrors.UnknownRisk(risk.Id);
                }

                var ordinal = await db.Risks.MaxAsync(r => (int?)r.Ordinal, ct).ConfigureAwait(false) ?? -1;
                row = ProgramRows.RiskRow(risk, ordinal + 1);
                db.Risks.Add(row);
            }
            else
            {
                if (expectedVersion is { } expected && expected != row.Version)
                {
                    return DataErrors.ConcurrencyConflict("risk", risk.Id, expected, row.Version);
                }

                var updated = ProgramRows.RiskRow(risk, row.Ordinal);
                updated.Version = row.Version + 1;
                db.Entry(row).CurrentValues.SetValues(updated);
                await db.RiskActionControls.Where(l => l.RiskId == risk.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                await db.RiskActions.Where(a => a.RiskId == risk.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                await db.RiskControls.Where(l => l.RiskId == risk.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            }

            db.RiskControls.AddRange(ProgramRows.RiskControlRows(risk));
            db.RiskActions.AddRange(ProgramRows.RiskActionRows(risk));
            db.RiskActionControls.AddRange(ProgramRows.RiskActionControlRows(risk));
            if (await SaveAsync(db, "risk", risk.Id, ct).ConfigureAwait(false) is { } conflict)
            {
                return conflict;
            }

            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return new Versioned<Risk>(risk, row.Version);
        }
    }

    /// <summary>
    /// Deletes a risk with its control links and treatment plan (the controls stay). With
    /// <paramref name="expectedVersion"/>, only when still at that version (<c>concurrency-conflict</c>
    /// otherwise). <c>unknown-risk</c> when absent. Returns what was deleted.
    /// </summary>
    public async Task<Result<Risk>> DeleteRiskAsync(AuditRecord audit, string id, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            var row = await db.Risks.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct).ConfigureAwait(false);
            if (row is null)
            {
                return DataErrors.UnknownRisk(id);
            }

            if (expectedVersion is { } expected && expected != row.Version)
            {
                return DataErrors.ConcurrencyConflict("risk", id, expected, row.Version);
            }

            var risk = await LoadRiskAsync(db, row, ct).ConfigureAwait(false);

            // The version condition makes a concurrent update between the read above and this delete a conflict.
            // Foreign keys cascade to the control links and the plan (and its control links).
            var deleted = await db.Risks.Where(r => r.Id == id && r.Version == row.Version).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            if (deleted == 0)
            {
                return DataErrors.ConcurrencyConflict("risk", id, null, null);
            }

            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return risk;
        }
    }

    private static async Task<Risk> LoadRiskAsync(TrellisDbContext db, Rows.RiskRow row, CancellationToken ct)
    {
        var controls = await db.RiskControls.AsNoTracking().Where(l => l.RiskId == row.Id).OrderBy(l => l.Ordinal).ToListAsync(ct).ConfigureAwait(false);
        var actions = await db.RiskActions.AsNoTracking().Where(a => a.RiskId == row.Id).OrderBy(a => a.Ordinal).ToListAsync(ct).ConfigureAwait(false);
        var actionControls = (await db.RiskActionControls.AsNoTracking().Where(l => l.RiskId == row.Id).OrderBy(l => l.Ordinal).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(l => l.ActionOrdinal);
        return ProgramAssembly.Risk(row, controls, actions.Select(a => ProgramAssembly.Action(a, actionControls[a.Ordinal])));
    }
}
