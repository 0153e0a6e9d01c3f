using Microsoft.EntityFrameworkCore;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Data.AuditTrail;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>What <see cref="ProgramStore.UpsertControlsAsync"/> did, or in a dry run would do, by control ID in input order.</summary>
/// <param name="Added">Controls that were not stored: appended to the program's list, at version 1.</param>
/// <param name="Updated">Stored controls that differed: replaced with their mappings, version + 1.</param>
/// <param name="Unchanged">Stored controls equal field by field and mapping by mapping: not written, version kept.</param>
public sealed record ControlUpsertSummary(IReadOnlyList<string> Added, IReadOnlyList<string> Updated, IReadOnlyList<string> Unchanged);

public sealed partial class ProgramStore
{
    /// <summary>
    /// Adds or replaces many controls in one transaction: all are written or none is (an import of a controls
    /// workbook), and the program's revision goes up once when anything was written. New IDs are appended to the control list in input order; stored controls that differ are
    /// replaced together with their mappings; equal ones are left alone. Controls not in
    /// <paramref name="controls"/> are kept, and evidence, risks and SoA decisions are not touched (their links to
    /// controls stay valid because no control is deleted). With <paramref name="dryRun"/> nothing is written and the
    /// summary says what would happen. Fails with <c>duplicate-id</c> before writing, or with
    /// <c>concurrency-conflict</c> when another writer changed one of the controls meanwhile (then nothing is written).
    /// </summary>
    public async Task<Result<ControlUpsertSummary>> UpsertControlsAsync(AuditRecord audit, IReadOnlyList<Control> controls, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(controls);
        var ids = new List<string>(controls.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var control in controls)
        {
            if (!seen.Add(control.Id))
            {
                return DataErrors.DuplicateId("control", control.Id);
            }

            ids.Add(control.Id);
        }

        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            if (!dryRun)
            {
                // Rolled back with everything else when nothing changes or the write fails.
                await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            }

            var stored = await db.Controls.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, ct).ConfigureAwait(false);
            var storedMappings = (await db.ControlMappings.AsNoTracking().Where(m => ids.Contains(m.ControlId)).ToListAsync(ct).ConfigureAwait(false))
                .OrderBy(m => m.Ordinal).ToLookup(m => m.ControlId, StringComparer.Ordinal);
            var added = new List<Control>();
            var updated = new List<Control>();
            var unchanged = new List<string>();
            foreach (var control in controls)
            {
                if (!stored.TryGetValue(control.Id, out var row))
                {
                    added.Add(control);
                }
                else if (Same(row, storedMappings[control.Id], control))
                {
                    unchanged.Add(control.Id);
                }
                else
                {
                    updated.Add(control);
                }
            }

            var summary = new ControlUpsertSummary([.. added.Select(c => c.Id)], [.. updated.Select(c => c.Id)], unchanged);
            if (dryRun || added.Count + updated.Count == 0)
            {
                return summary;
            }

            var updatedIds = updated.Select(c => c.Id).ToList();
            await db.ControlMappings.Where(m => updatedIds.Contains(m.ControlId)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            foreach (var control in updated)
            {
                var row = stored[control.Id];
                var replacement = ProgramRows.ControlRow(control, row.Ordinal);
                replacement.Version = row.Version + 1;
                db.Entry(row).CurrentValues.SetValues(replacement);
            }

            var next = (await db.Controls.MaxAsync(c => (int?)c.Ordinal, ct).ConfigureAwait(false) ?? -1) + 1;
            db.Controls.AddRange(added.Select((c, i) => ProgramRows.ControlRow(c, next + i)));
            db.ControlMappings.AddRange(added.Concat(updated).SelectMany(ProgramRows.MappingRows));
            if (await SaveAsync(db, "control", ids[0], ct).ConfigureAwait(false) is { } conflict)
            {
                return conflict with { Message = "a control being written was changed by someone else meanwhile; nothing was written, try again" };
            }

            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return summary;
        }
    }

    private static bool Same(ControlRow row, IEnumerable<ControlMappingRow> mappings, Control control) =>
        row.Title == control.Title
        && row.Description == control.Description
        && row.Owner == control.Owner
        && row.Cadence == control.Cadence
        && row.Status == control.Status
        && mappings.Select(m => (m.Framework, m.Requirement, m.Relationship))
            .SequenceEqual(control.Mappings.Select(m => (m.Requirement.Framework, m.Requirement.Requirement, m.Relationship)));
}
