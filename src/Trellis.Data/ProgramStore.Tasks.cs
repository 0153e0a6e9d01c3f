using Microsoft.EntityFrameworkCore;
using Trellis.Core.Operations;
using Trellis.Data.AuditTrail;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>The notes people keep on occurrences of recurring control work (reassigned, snoozed, did not occur).</summary>
public sealed partial class ProgramStore
{
    /// <summary>Every note on a task whose period starts on or after <paramref name="from"/>.</summary>
    public async Task<IReadOnlyList<ControlTaskNote>> ControlTaskNotesAsync(DateOnly from, CancellationToken cancellationToken = default)
    {
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.ControlTaskNotes.AsNoTracking().Where(n => n.PeriodStart >= from)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(ToNote)];
        }
    }

    /// <summary>The note on one task, or null.</summary>
    public async Task<ControlTaskNote?> ControlTaskNoteAsync(string controlId, DateOnly periodStart, CancellationToken cancellationToken = default)
    {
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var row = await db.ControlTaskNotes.AsNoTracking().SingleOrDefaultAsync(n => n.ControlId == controlId && n.PeriodStart == periodStart, cancellationToken).ConfigureAwait(false);
            return row is null ? null : ToNote(row);
        }
    }

    /// <summary>
    /// Keeps <paramref name="note"/> as the task's note (replacing the one before) with its audit entry, in one
    /// transaction that also moves the program's revision.
    /// </summary>
    public async Task SaveControlTaskNoteAsync(AuditRecord audit, ControlTaskNote note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(note);
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            var row = await db.ControlTaskNotes.SingleOrDefaultAsync(n => n.ControlId == note.ControlId && n.PeriodStart == note.PeriodStart, ct).ConfigureAwait(false);
            if (row is null)
            {
                row = new ControlTaskNoteRow { ControlId = note.ControlId, PeriodStart = note.PeriodStart };
                db.ControlTaskNotes.Add(row);
            }

            row.Assignee = note.Assignee;
            row.SnoozedUntil = note.SnoozedUntil;
            row.SnoozeReason = note.SnoozeReason;
            row.DidNotOccurReason = note.DidNotOccurReason;
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    private static ControlTaskNote ToNote(ControlTaskNoteRow r) => new(r.ControlId, r.PeriodStart)
    {
        Assignee = r.Assignee,
        SnoozedUntil = r.SnoozedUntil,
        SnoozeReason = r.SnoozeReason,
        DidNotOccurReason = r.DidNotOccurReason,
    };
}
