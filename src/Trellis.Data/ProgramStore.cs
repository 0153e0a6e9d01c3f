using Microsoft.EntityFrameworkCore;
using Trellis.Core.Program;
using Trellis.Core.Risks;
using Trellis.Data.Rows;

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
    public async Task<ComplianceProgram> LoadAsync(CancellationToken cancellationToken = default) =>
        (await LoadRevisionAsync(cancellationToken).ConfigureAwait(false)).Program;

    /// <summary>
    /// The program's revision: a number every write to any part of the program increments, in the write's own
    /// transaction (it is the settings row's version). One query; caches key on it, so instances sharing a
    /// database notice each other's writes.
    /// </summary>
    public async Task<int> RevisionAsync(CancellationToken cancellationToken = default)
    {
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await db.ProgramSettings.AsNoTracking().Select(x => x.Version).SingleAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Like <see cref="LoadAsync"/>, with the <see cref="RevisionAsync">revision</see> of the same snapshot.</summary>
    public async Task<(ComplianceProgram Program, int Revision)> LoadRevisionAsync(CancellationToken cancellationToken = default)
    {
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginSnapshotReadAsync(db, cancellationToken).ConfigureAwait(false);
            var ct = cancellationToken;
            var settings = await db.ProgramSettings.AsNoTracking().SingleAsync(ct).ConfigureAwait(false);

            // No ORDER BY: a full scan plus an in-memory sort beats walking an index row by row (SQLite),
            // and the sort is stable and ordinal whatever the database's collation.
            var controls = Sorted(await db.Controls.AsNoTracking().ToListAsync(ct).ConfigureAwait(false), c => c.Ordinal);
            var mappings = Sorted(await db.ControlMappings.AsNoTracking().ToListAsync(ct).ConfigureAwait(false), m => m.Ordinal)
                .ToLookup(m => m.ControlId, StringComparer.Ordinal);
            var evidence = Sorted(await db.Evidence.AsNoTracking().ToListAsync(ct).ConfigureAwait(false), e => e.Ordinal);
            var versions = Sorted(await db.EvidenceVersions.AsNoTracking().ToListAsync(ct).ConfigureAwait(false), v => v.Number)
                .ToLookup(v => v.EvidenceId, StringComparer.Ordinal);
            var evidenceControls = Sorted(await db.EvidenceControls.AsNoTracking().ToListAsync(ct).ConfigureAwait(false), l => l.Ordinal)
                .ToLookup(l => l.EvidenceId, StringComparer.Ordinal);
            var risks = Sorted(await db.Risks.AsNoTracking().ToListAsync(ct).ConfigureAwait(false), r => r.Ordinal);
            var riskControls = Sorted(await db.RiskControls.AsNoTracking().ToListAsync(ct).ConfigureAwait(false), l => l.Ordinal)
                .ToLookup(l => l.RiskId, StringComparer.Ordinal);
            var actions = Sorted(await db.RiskActions.AsNoTracking().ToListAsync(ct).ConfigureAwait(false), a => a.Ordinal)
                .ToLookup(a => a.RiskId, StringComparer.Ordinal);
            var actionControls = Sorted(await db.RiskActionControls.AsNoTracking().ToListAsync(ct).ConfigureAwait(false), l => l.Ordinal)
                .ToLookup(l => (l.RiskId, l.ActionOrdinal));
            var soa = Sorted(await db.SoaDecisions.AsNoTracking().ToListAsync(ct).ConfigureAwait(false), d => d.Ordinal);
            var judgements = Sorted(await db.Judgements.AsNoTracking().ToListAsync(ct).ConfigureAwait(false), j => j.Ordinal);
            var notes = (await db.ControlTaskNotes.AsNoTracking().ToListAsync(ct).ConfigureAwait(false))
                .OrderBy(n => n.ControlId, StringComparer.Ordinal).ThenBy(n => n.PeriodStart).Select(ToNote).ToList();
            await tx.CommitAsync(ct).ConfigureAwait(false);

            var program = ProgramAssembly.Program(
                settings,
                [.. controls.Select(c => ProgramAssembly.Control(c, mappings[c.Id]))],
                [.. evidence.Select(e => ProgramAssembly.Evidence(e, versions[e.Id], evidenceControls[e.Id]))],
                [.. risks.Select(r => ProgramAssembly.Risk(r, riskControls[r.Id], Plan(r.Id)))],
                [.. soa.Select(ProgramAssembly.Soa)],
                [.. judgements.Select(ProgramAssembly.Judgement)]);
            return (program with { TaskNotes = notes }, settings.Version);

            IEnumerable<TreatmentAction> Plan(string riskId) =>
                actions[riskId].Select(a => ProgramAssembly.Action(a, actionControls[(riskId, a.Ordinal)]));
        }
    }

    // Every write takes the settings row first (the order ReplaceAsync uses), so writers serialize without deadlock.
    private static Task<int> BumpRevisionAsync(TrellisDbContext db, CancellationToken ct) =>
        db.ProgramSettings.Where(x => x.Id == ProgramSettingsRow.SingletonId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Version, x => x.Version + 1), ct);

    private static List<T> Sorted<T>(List<T> rows, Func<T, int> position)
    {
        // List.Sort is unstable, but positions are unique within each parent, which is all that matters here.
        rows.Sort((a, b) => position(a).CompareTo(position(b)));
        return rows;
    }
}
