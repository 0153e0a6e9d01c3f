using Microsoft.EntityFrameworkCore;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Data.AuditTrail;

namespace Trellis.Data;

public sealed partial class ProgramStore
{
    /// <summary>One control with its version; <c>unknown-control</c> when absent.</summary>
    public async Task<Result<Versioned<Control>>> GetControlAsync(string id, CancellationToken cancellationToken = default)
    {
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var row = await db.Controls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return DataErrors.UnknownControl(id);
            }

            var mappings = await db.ControlMappings.AsNoTracking().Where(m => m.ControlId == id).OrderBy(m => m.Ordinal).ToListAsync(cancellationToken).ConfigureAwait(false);
            return new Versioned<Control>(ProgramAssembly.Control(row, mappings), row.Version);
        }
    }

    /// <summary>
    /// Creates the control (at the end of the list, version 1) or replaces it and its mappings (version + 1),
    /// in one transaction. With <paramref name="expectedVersion"/> (an If-Match), the control must exist at
    /// that version: otherwise <c>unknown-control</c> or <c>concurrency-conflict</c>; without it the write is
    /// unconditional. A concurrent writer that wins the race also yields <c>concurrency-conflict</c>.
    /// </summary>
    public async Task<Result<Versioned<Control>>> UpsertControlAsync(AuditRecord audit, Control control, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(control);
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            var row = await db.Controls.SingleOrDefaultAsync(c => c.Id == control.Id, ct).ConfigureAwait(false);
            if (row is null)
            {
                if (expectedVersion is not null)
                {
                    return DataErrors.UnknownControl(control.Id);
                }

                var ordinal = await db.Controls.MaxAsync(c => (int?)c.Ordinal, ct).ConfigureAwait(false) ?? -1;
                row = ProgramRows.ControlRow(control, ordinal + 1);
                db.Controls.Add(row);
            }
            else
            {
                if (expectedVersion is { } expected && expected != row.Version)
                {
                    return DataErrors.ConcurrencyConflict("control", control.Id, expected, row.Version);
                }

                var updated = ProgramRows.ControlRow(control, row.Ordinal);
                updated.Version = row.Version + 1;
                db.Entry(row).CurrentValues.SetValues(updated);
                await db.ControlMappings.Where(m => m.ControlId == control.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            }

            db.ControlMappings.AddRange(ProgramRows.MappingRows(control));
            if (await SaveAsync(db, "control", control.Id, ct).ConfigureAwait(false) is { } conflict)
            {
                return conflict;
            }

            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return new Versioned<Control>(control, row.Version);
        }
    }

    /// <summary>
    /// Adds a new control (at the end of the list, version 1) with its mappings, in one transaction. A control whose
    /// <see cref="Control.Id"/> is empty gets the next <c>AC-01</c>-style ID inside the write (after the program row is
    /// locked), so concurrent creations never race for one ID. <c>duplicate-id</c> (location <c>id</c>) when the ID is
    /// taken: a create never replaces. <paramref name="audit"/> builds the entry from the control as stored.
    /// </summary>
    public async Task<Result<Versioned<Control>>> AddControlAsync(Func<Control, AuditRecord> audit, Control control, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(control);
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            if (control.Id.Length == 0)
            {
                control = control with { Id = await NextControlIdAsync(db, ct).ConfigureAwait(false) };
            }

            if (await db.Controls.AnyAsync(c => c.Id == control.Id, ct).ConfigureAwait(false))
            {
                return new Error(ErrorCodes.DuplicateId, $"control '{control.Id}' exists: change it with PUT and If-Match", "id");
            }

            var ordinal = await db.Controls.MaxAsync(c => (int?)c.Ordinal, ct).ConfigureAwait(false) ?? -1;
            db.Controls.Add(ProgramRows.ControlRow(control, ordinal + 1));
            db.ControlMappings.AddRange(ProgramRows.MappingRows(control));
            if (await SaveAsync(db, "control", control.Id, ct).ConfigureAwait(false) is { } conflict)
            {
                return conflict;
            }

            await AuditJournal.AppendAsync(db, Database.Provider, audit(control), ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return new Versioned<Control>(control, 1);
        }
    }

    /// <summary>
    /// Deletes a control with its mappings and its links from evidence, risks and treatment actions (the
    /// evidence and risks stay). With <paramref name="expectedVersion"/>, only when still at that version
    /// (<c>concurrency-conflict</c> otherwise). <c>unknown-control</c> when absent. Returns what was deleted.
    /// </summary>
    public async Task<Result<Control>> DeleteControlAsync(AuditRecord audit, string id, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            var row = await db.Controls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct).ConfigureAwait(false);
            if (row is null)
            {
                return DataErrors.UnknownControl(id);
            }

            if (expectedVersion is { } expected && expected != row.Version)
            {
                return DataErrors.ConcurrencyConflict("control", id, expected, row.Version);
            }

            var mappings = await db.ControlMappings.AsNoTracking().Where(m => m.ControlId == id).OrderBy(m => m.Ordinal).ToListAsync(ct).ConfigureAwait(false);

            // The version condition makes a concurrent update between the read above and this delete a conflict.
            // Foreign keys cascade to mappings and to evidence, risk and action links.
            var deleted = await db.Controls.Where(c => c.Id == id && c.Version == row.Version).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            if (deleted == 0)
            {
                return DataErrors.ConcurrencyConflict("control", id, null, null);
            }

            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return ProgramAssembly.Control(row, mappings);
        }
    }

    // AC-01 … AC-99, then AC-100: one more than the highest number in use, at least two digits (the demo's style).
    private static async Task<string> NextControlIdAsync(TrellisDbContext db, CancellationToken ct)
    {
        var ids = await db.Controls.Where(c => c.Id.StartsWith("AC-")).Select(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
        var max = ids.Select(id => int.TryParse(id[3..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return $"AC-{max + 1:00}";
    }
}
