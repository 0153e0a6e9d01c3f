using Microsoft.EntityFrameworkCore;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Readiness;

namespace Trellis.Data;

/// <summary>
/// What readiness, the dashboard and the roadmap read, without the evidence history (issue 18, item 2).
/// </summary>
/// <param name="Program">
/// The program's settings, scope, controls with their mappings, SoA decisions and judgements. Its evidence holds only
/// the items a judgement names, with every version (rule 8 checks that a named version still exists); its risks and
/// task notes are empty. Not a program to export, validate or write back: <see cref="ProgramStore.LoadAsync"/> is.
/// </param>
/// <param name="States">Each control's state on <paramref name="Today"/>, judged from the database's aggregates.</param>
/// <param name="Today">The day the states are judged on.</param>
/// <param name="Revision">The program's revision the view was read at.</param>
public sealed record ReadinessView(ComplianceProgram Program, IReadOnlyDictionary<string, ControlState> States, DateOnly Today, int Revision);

/// <summary>The readiness view: a fixed number of queries, rows in proportion to controls and to fresh evidence links.</summary>
public sealed partial class ProgramStore
{
    /// <summary>
    /// Loads the <see cref="ReadinessView"/> for <paramref name="today"/> from one consistent snapshot in ten queries,
    /// whatever the number of evidence items: the database computes each control's newest effective end and, per link, the
    /// evidence item's newest effective end when it may still be fresh for the control's cadence
    /// (<see cref="EarliestFreshEnd"/>), so the rows grow with the fresh links, not with the history; the states are then judged by
    /// <c>ControlState.Index</c> over those aggregates, the same rule as from the whole program.
    /// </summary>
    public async Task<ReadinessView> LoadReadinessAsync(DateOnly today, FreshnessPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginSnapshotReadAsync(db, cancellationToken).ConfigureAwait(false);
            var ct = cancellationToken;
            var settings = await db.ProgramSettings.AsNoTracking().SingleAsync(ct).ConfigureAwait(false);
            var controls = Sorted(await db.Controls.AsNoTracking().ToListAsync(ct).ConfigureAwait(false), c => c.Ordinal);
            var mappings = Sorted(await db.ControlMappings.AsNoTracking().ToListAsync(ct).ConfigureAwait(false), m => m.Ordinal)
                .ToLookup(m => m.ControlId, StringComparer.Ordinal);
            var soa = Sorted(await db.SoaDecisions.AsNoTracking().ToListAsync(ct).ConfigureAwait(false), d => d.Ordinal);
            var judgements = Sorted(await db.Judgements.AsNoTracking().ToListAsync(ct).ConfigureAwait(false), j => j.Ordinal)
                .Select(ProgramAssembly.Judgement).ToList();

            // The evidence judgements name, whole (few items): rule 8 asks whether each named version still exists.
            var named = judgements.SelectMany(j => j.Evidence).Select(e => e.Evidence).Distinct(StringComparer.Ordinal).ToList();
            var namedItems = Sorted(await db.Evidence.AsNoTracking().Where(e => named.Contains(e.Id)).ToListAsync(ct).ConfigureAwait(false), e => e.Ordinal);
            var namedVersions = Sorted(await db.EvidenceVersions.AsNoTracking().Where(v => named.Contains(v.EvidenceId)).ToListAsync(ct).ConfigureAwait(false), v => v.Number)
                .ToLookup(v => v.EvidenceId, StringComparer.Ordinal);
            var namedLinks = Sorted(await db.EvidenceControls.AsNoTracking().Where(l => named.Contains(l.EvidenceId)).ToListAsync(ct).ConfigureAwait(false), l => l.Ordinal)
                .ToLookup(l => l.EvidenceId, StringComparer.Ordinal);

            var (latest, recent) = await EndsAsync(db, today, policy, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);

            var program = ProgramAssembly.Program(
                settings,
                [.. controls.Select(c => ProgramAssembly.Control(c, mappings[c.Id]))],
                [.. namedItems.Select(e => ProgramAssembly.Evidence(e, namedVersions[e.Id], namedLinks[e.Id]))],
                [],
                [.. soa.Select(ProgramAssembly.Soa)],
                judgements);
            var states = ControlState.Index(program.Controls, latest, recent, today, policy);
            return new ReadinessView(program, states, today, settings.Version);
        }
    }

    /// <summary>
    /// The earliest effective end that can still be fresh on <paramref name="today"/> for a cadence: one period is at most
    /// this many days (a month 31, a quarter 92, half a year 184, a year 366), so evidence ending before
    /// today − that − grace is stale whatever the calendar. A lower bound only: the exact rule is applied afterwards.
    /// </summary>
    public static DateOnly EarliestFreshEnd(Cadence cadence, DateOnly today, FreshnessPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var longest = cadence switch
        {
            Cadence.Daily => 1,
            Cadence.Weekly => 7,
            Cadence.Continuous or Cadence.Monthly => 31,
            Cadence.Quarterly => 92,
            Cadence.SemiAnnual => 184,
            _ => 366,
        };
        return today.AddDays(-longest - policy.GraceDays);
    }

    /// <summary>
    /// Two queries over each evidence item's newest effective end (versions grouped by item in key order, then its links:
    /// no per-link search of the versions). The first keeps the links whose item may still be fresh for the control's
    /// cadence, the second gives each control's newest end; rows grow with the controls and the fresh links, not with
    /// the history.
    /// </summary>
    private static async Task<(Dictionary<string, DateOnly> Latest, Dictionary<string, List<(string Id, DateOnly End)>> Recent)> EndsAsync(
        TrellisDbContext db, DateOnly today, FreshnessPolicy policy, CancellationToken ct)
    {
        var daily = EarliestFreshEnd(Cadence.Daily, today, policy);
        var weekly = EarliestFreshEnd(Cadence.Weekly, today, policy);
        var monthly = EarliestFreshEnd(Cadence.Monthly, today, policy);
        var quarterly = EarliestFreshEnd(Cadence.Quarterly, today, policy);
        var half = EarliestFreshEnd(Cadence.SemiAnnual, today, policy);
        var annual = EarliestFreshEnd(Cadence.Annual, today, policy);
        var recentRows = await db.Database.SqlQuery<EndRow>($"""
            SELECT l.control_id AS "ControlId", e.evidence_id AS "EvidenceId", e.item_end AS "End"
            FROM (SELECT evidence_id, MAX(COALESCE(effective_to, effective_from)) AS item_end FROM evidence_versions GROUP BY evidence_id) e
            JOIN evidence_controls l ON l.evidence_id = e.evidence_id
            JOIN controls c ON c.id = l.control_id
            WHERE e.item_end >= CASE c.cadence
                WHEN {Cadence.Daily.ToWire()} THEN {daily}
                WHEN {Cadence.Weekly.ToWire()} THEN {weekly}
                WHEN {Cadence.Continuous.ToWire()} THEN {monthly}
                WHEN {Cadence.Monthly.ToWire()} THEN {monthly}
                WHEN {Cadence.Quarterly.ToWire()} THEN {quarterly}
                WHEN {Cadence.SemiAnnual.ToWire()} THEN {half}
                ELSE {annual} END
            """).ToListAsync(ct).ConfigureAwait(false);
        var latestRows = await db.Database.SqlQuery<EndRow>($"""
            SELECT l.control_id AS "ControlId", '' AS "EvidenceId", MAX(e.item_end) AS "End"
            FROM (SELECT evidence_id, MAX(COALESCE(effective_to, effective_from)) AS item_end FROM evidence_versions GROUP BY evidence_id) e
            JOIN evidence_controls l ON l.evidence_id = e.evidence_id
            GROUP BY l.control_id
            """).ToListAsync(ct).ConfigureAwait(false);
        var latest = latestRows.ToDictionary(r => r.ControlId, r => r.End, StringComparer.Ordinal);
        var recent = new Dictionary<string, List<(string Id, DateOnly End)>>(StringComparer.Ordinal);
        foreach (var r in recentRows)
        {
            if (!recent.TryGetValue(r.ControlId, out var list))
            {
                recent[r.ControlId] = list = [];
            }

            list.Add((r.EvidenceId, r.End));
        }

        return (latest, recent);
    }

    /// <summary>A row of the ends query.</summary>
    internal sealed class EndRow
    {
        public string ControlId { get; set; } = "";

        public string EvidenceId { get; set; } = "";

        public DateOnly End { get; set; }
    }
}
