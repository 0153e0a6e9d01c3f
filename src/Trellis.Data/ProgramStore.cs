using Microsoft.EntityFrameworkCore;
using Trellis.Core.Program;
using Trellis.Core.Risks;

namespace Trellis.Data;

/// <summary>
/// Reads and writes the compliance program. Every method uses its own context and connection, and every
/// write that belongs together is one transaction. Expected failures come back as
/// <see cref="Trellis.Core.Common.Error"/>s with the codes of <see cref="DataErrors"/>.
/// </summary>
/// <param name="database">The database (migrated).</param>
public sealed partial class ProgramStore(TrellisDatabase database)
{
    /// <summary>The database the store works on.</summary>
    public TrellisDatabase Database { get; } = database;

    /// <summary>
    /// Loads the whole program from one consistent snapshot, in a fixed number of queries (one per table,
    /// whatever the number of controls or evidence items), stitched together in memory. Lists keep the order
    /// they were saved in; evidence versions are ordered by number.
    /// </summary>
    public async Task<ComplianceProgram> LoadAsync(CancellationToken cancellationToken = default)
    {
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginSnapshotReadAsync(db, cancellationToken).ConfigureAwait(false);
            var ct = cancellationToken;
            var settings = await db.ProgramSettings.AsNoTracking().SingleAsync(ct).ConfigureAwait(false);
            var controls = await db.Controls.AsNoTracking().OrderBy(c => c.Ordinal).ToListAsync(ct).ConfigureAwait(false);
            var mappings = (await db.ControlMappings.AsNoTracking().OrderBy(m => m.ControlId).ThenBy(m => m.Ordinal).ToListAsync(ct).ConfigureAwait(false))
                .ToLookup(m => m.ControlId, StringComparer.Ordinal);
            var evidence = await db.Evidence.AsNoTracking().OrderBy(e => e.Ordinal).ToListAsync(ct).ConfigureAwait(false);
            var versions = (await db.EvidenceVersions.AsNoTracking().OrderBy(v => v.EvidenceId).ThenBy(v => v.Number).ToListAsync(ct).ConfigureAwait(false))
                .ToLookup(v => v.EvidenceId, StringComparer.Ordinal);
            var evidenceControls = (await db.EvidenceControls.AsNoTracking().OrderBy(l => l.EvidenceId).ThenBy(l => l.Ordinal).ToListAsync(ct).ConfigureAwait(false))
                .ToLookup(l => l.EvidenceId, StringComparer.Ordinal);
            var risks = await db.Risks.AsNoTracking().OrderBy(r => r.Ordinal).ToListAsync(ct).ConfigureAwait(false);
            var riskControls = (await db.RiskControls.AsNoTracking().OrderBy(l => l.RiskId).ThenBy(l => l.Ordinal).ToListAsync(ct).ConfigureAwait(false))
                .ToLookup(l => l.RiskId, StringComparer.Ordinal);
            var actions = (await db.RiskActions.AsNoTracking().OrderBy(a => a.RiskId).ThenBy(a => a.Ordinal).ToListAsync(ct).ConfigureAwait(false))
                .ToLookup(a => a.RiskId, StringComparer.Ordinal);
            var actionControls = (await db.RiskActionControls.AsNoTracking().OrderBy(l => l.RiskId).ThenBy(l => l.ActionOrdinal).ThenBy(l => l.Ordinal).ToListAsync(ct).ConfigureAwait(false))
                .ToLookup(l => (l.RiskId, l.ActionOrdinal));
            var soa = await db.SoaDecisions.AsNoTracking().OrderBy(d => d.Ordinal).ToListAsync(ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);

            return ProgramAssembly.Program(
                settings,
                [.. controls.Select(c => ProgramAssembly.Control(c, mappings[c.Id]))],
                [.. evidence.Select(e => ProgramAssembly.Evidence(e, versions[e.Id], evidenceControls[e.Id]))],
                [.. risks.Select(r => ProgramAssembly.Risk(r, riskControls[r.Id], Plan(r.Id)))],
                [.. soa.Select(ProgramAssembly.Soa)]);

            IEnumerable<TreatmentAction> Plan(string riskId) =>
                actions[riskId].Select(a => ProgramAssembly.Action(a, actionControls[(riskId, a.Ordinal)]));
        }
    }
}
