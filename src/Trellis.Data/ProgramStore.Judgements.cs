using Microsoft.EntityFrameworkCore;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Data.AuditTrail;

namespace Trellis.Data;

public sealed partial class ProgramStore
{
    /// <summary>
    /// Records a judgement (docs/crosswalk-rules.md, rule 8): creates the one of <c>judgement.Requirement</c> (at the
    /// end of the list, version 1) or replaces it (same position, version + 1). One transaction with the audit entry;
    /// moves the program revision. The judgement is stored as given: the caller decides what it relies on.
    /// </summary>
    public async Task<Result<Judgement>> SaveJudgementAsync(AuditRecord audit, Judgement judgement, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            var (framework, requirement) = (judgement.Requirement.Framework, judgement.Requirement.Requirement);
            var row = await db.Judgements.SingleOrDefaultAsync(j => j.Framework == framework && j.Requirement == requirement, ct).ConfigureAwait(false);
            if (row is null)
            {
                var ordinal = await db.Judgements.MaxAsync(j => (int?)j.Ordinal, ct).ConfigureAwait(false) ?? -1;
                db.Judgements.Add(ProgramRows.JudgementRow(judgement, ordinal + 1));
            }
            else
            {
                var updated = ProgramRows.JudgementRow(judgement, row.Ordinal);
                updated.Version = row.Version + 1;
                db.Entry(row).CurrentValues.SetValues(updated);
            }

            if (await SaveAsync(db, "judgement of", judgement.Requirement.ToString(), ct).ConfigureAwait(false) is { } conflict)
            {
                return conflict;
            }

            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return judgement;
        }
    }

    /// <summary>
    /// Withdraws the judgement of <paramref name="requirement"/>; <c>unknown-judgement</c> when there is none. One
    /// transaction with the audit entry; moves the program revision. Returns what was deleted.
    /// </summary>
    public async Task<Result<Judgement>> DeleteJudgementAsync(AuditRecord audit, RequirementRef requirement, CancellationToken ct = default)
    {
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            var (framework, id) = (requirement.Framework, requirement.Requirement);
            var row = await db.Judgements.AsNoTracking().SingleOrDefaultAsync(j => j.Framework == framework && j.Requirement == id, ct).ConfigureAwait(false);
            if (row is null)
            {
                return DataErrors.UnknownJudgement(requirement);
            }

            // The version condition makes a concurrent replace between the read above and this delete a conflict.
            var deleted = await db.Judgements.Where(j => j.Framework == framework && j.Requirement == id && j.Version == row.Version)
                .ExecuteDeleteAsync(ct).ConfigureAwait(false);
            if (deleted == 0)
            {
                return DataErrors.ConcurrencyConflict("judgement of", requirement.ToString(), null, null);
            }

            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return ProgramAssembly.Judgement(row);
        }
    }
}
