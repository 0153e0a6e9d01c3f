using Microsoft.EntityFrameworkCore;
using Trellis.Core.Program;
using Trellis.Core.Risks;
using Trellis.Data.Rows;

namespace Trellis.Data;

// These lambdas become SQL: lower() on both providers. The StringComparison overloads CA1862 suggests do not translate.
#pragma warning disable CA1862

/// <summary>
/// Lists done in the database: each filters, counts and cuts one page with SQL, then loads the children of that page's
/// rows only, so a page costs the same whatever the size of the program. Searches are case-insensitive "contains"
/// on ID and title (lower() on both providers: ASCII case folding on SQLite).
/// </summary>
public sealed partial class ProgramStore
{
    /// <summary>One page of controls, with the evidence linked to each (see <see cref="ControlQuery"/>).</summary>
    public async Task<ListPage<ControlListItem>> ListControlsAsync(ControlQuery query, ListWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(window);
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginSnapshotReadAsync(db, ct).ConfigureAwait(false);
            var rows = db.Controls.AsNoTracking();
            if (Needle(query.Search) is { } needle)
            {
                rows = rows.Where(c => c.Id.ToLower().Contains(needle) || c.Title.ToLower().Contains(needle));
            }

            if (query.Status is { } status)
            {
                rows = rows.Where(c => c.Status == status);
            }

            if (query.Owner is { } owner)
            {
                var lowered = owner.Trim().ToLowerInvariant();
                rows = rows.Where(c => c.Owner.ToLower() == lowered);
            }

            if (query.Framework is { } framework)
            {
                var requirement = query.Requirement;
                var mapped = db.ControlMappings.Where(m => m.Framework == framework && (requirement == null || m.Requirement == requirement)).Select(m => m.ControlId);
                rows = rows.Where(c => mapped.Contains(c.Id));
            }

            var total = await rows.CountAsync(ct).ConfigureAwait(false);
            var page = await SortControls(rows, query).Skip(window.Skip).Take(window.PageSize).ToListAsync(ct).ConfigureAwait(false);
            var ids = page.Select(c => c.Id).ToList();
            var mappings = (await db.ControlMappings.AsNoTracking().Where(m => ids.Contains(m.ControlId)).ToListAsync(ct).ConfigureAwait(false))
                .OrderBy(m => m.Ordinal).ToLookup(m => m.ControlId, StringComparer.Ordinal);
            var evidence = (await (
                    from l in db.EvidenceControls.AsNoTracking()
                    where ids.Contains(l.ControlId)
                    join v in db.EvidenceVersions.AsNoTracking() on l.EvidenceId equals v.EvidenceId
                    select new { l.ControlId, l.EvidenceId, End = v.EffectiveTo ?? v.EffectiveFrom })
                .ToListAsync(ct).ConfigureAwait(false))
                .GroupBy(x => (x.ControlId, x.EvidenceId))
                .Select(g => (g.Key.ControlId, Evidence: new ControlEvidence(g.Key.EvidenceId, g.Max(x => x.End))))
                .OrderBy(x => x.Evidence.EvidenceId, StringComparer.Ordinal)
                .ToLookup(x => x.ControlId, x => x.Evidence, StringComparer.Ordinal);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return new ListPage<ControlListItem>(
                [.. page.Select(c => new ControlListItem(ProgramAssembly.Control(c, mappings[c.Id]), [.. evidence[c.Id]]))], total);
        }
    }

    /// <summary>One page of evidence items with all their versions and links (see <see cref="EvidenceQuery"/>).</summary>
    public async Task<ListPage<EvidenceListItem>> ListEvidenceAsync(EvidenceQuery query, ListWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(window);
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginSnapshotReadAsync(db, ct).ConfigureAwait(false);
            var rows = db.Evidence.AsNoTracking();
            if (Needle(query.Search) is { } needle)
            {
                rows = rows.Where(e => e.Id.ToLower().Contains(needle) || e.Title.ToLower().Contains(needle));
            }

            if (query.Control is { } control)
            {
                // An uncorrelated IN: SQLite answered the correlated EXISTS through the control_id index once per
                // evidence row (32 s at 200,000 items, issue 18); this reads the control's links once.
                var linked = db.EvidenceControls.Where(l => l.ControlId == control).Select(l => l.EvidenceId);
                rows = rows.Where(e => linked.Contains(e.Id));
            }

            var total = await rows.CountAsync(ct).ConfigureAwait(false);
            var sorted = query.Sort switch
            {
                "id" => query.Descending ? rows.OrderByDescending(e => e.Id) : rows.OrderBy(e => e.Id),
                "title" => query.Descending ? rows.OrderByDescending(e => e.Title).ThenByDescending(e => e.Id) : rows.OrderBy(e => e.Title).ThenBy(e => e.Id),

                // Newest effective end first; "descending" turns it round to oldest first.
                _ => query.Descending
                    ? rows.OrderBy(e => db.EvidenceVersions.Where(v => v.EvidenceId == e.Id).Max(v => (DateOnly?)(v.EffectiveTo ?? v.EffectiveFrom))).ThenBy(e => e.Id)
                    : rows.OrderByDescending(e => db.EvidenceVersions.Where(v => v.EvidenceId == e.Id).Max(v => (DateOnly?)(v.EffectiveTo ?? v.EffectiveFrom))).ThenBy(e => e.Id),
            };
            var page = await sorted.Skip(window.Skip).Take(window.PageSize).ToListAsync(ct).ConfigureAwait(false);
            var ids = page.Select(e => e.Id).ToList();
            var versions = (await db.EvidenceVersions.AsNoTracking().Where(v => ids.Contains(v.EvidenceId)).ToListAsync(ct).ConfigureAwait(false))
                .OrderBy(v => v.Number).ToLookup(v => v.EvidenceId, StringComparer.Ordinal);
            var links = (await db.EvidenceControls.AsNoTracking().Where(l => ids.Contains(l.EvidenceId)).ToListAsync(ct).ConfigureAwait(false))
                .OrderBy(l => l.Ordinal).ToLookup(l => l.EvidenceId, StringComparer.Ordinal);
            var controlIds = links.SelectMany(l => l).Select(l => l.ControlId).Distinct(StringComparer.Ordinal).ToList();
            var cadences = await db.Controls.AsNoTracking().Where(c => controlIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Cadence, StringComparer.Ordinal, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return new ListPage<EvidenceListItem>(
                [.. page.Select(e => new EvidenceListItem(
                    ProgramAssembly.Evidence(e, versions[e.Id], links[e.Id]),
                    [.. links[e.Id].Select(l => cadences.TryGetValue(l.ControlId, out var c) ? (Cadence?)c : null).OfType<Cadence>()]))],
                total);
        }
    }

    /// <summary>One page of risks with their controls and treatment plans (see <see cref="RiskQuery"/>).</summary>
    public async Task<ListPage<Risk>> ListRisksAsync(RiskQuery query, ListWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(window);
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginSnapshotReadAsync(db, ct).ConfigureAwait(false);
            var rows = db.Risks.AsNoTracking();
            if (Needle(query.Search) is { } needle)
            {
                rows = rows.Where(r => r.Id.ToLower().Contains(needle) || r.Title.ToLower().Contains(needle));
            }

            if (query.Owner is { } owner)
            {
                var lowered = owner.Trim().ToLowerInvariant();
                rows = rows.Where(r => r.Owner.ToLower() == lowered);
            }

            if (query.Treatment is { } treatment)
            {
                rows = rows.Where(r => r.Treatment == treatment);
            }

            if (query.Likelihood is { } likelihood)
            {
                rows = rows.Where(r => r.ResidualLikelihood == likelihood);
            }

            if (query.Impact is { } impact)
            {
                rows = rows.Where(r => r.ResidualImpact == impact);
            }

            var total = await rows.CountAsync(ct).ConfigureAwait(false);
            var d = query.Descending;
            var sorted = query.Sort switch
            {
                "id" => d ? rows.OrderByDescending(r => r.Id) : rows.OrderBy(r => r.Id),
                "title" => d ? rows.OrderByDescending(r => r.Title).ThenByDescending(r => r.Id) : rows.OrderBy(r => r.Title).ThenBy(r => r.Id),
                "owner" => d ? rows.OrderByDescending(r => r.Owner).ThenBy(r => r.Ordinal) : rows.OrderBy(r => r.Owner).ThenBy(r => r.Ordinal),
                "residual" => d
                    ? rows.OrderBy(r => r.ResidualLikelihood * r.ResidualImpact).ThenBy(r => r.Ordinal)
                    : rows.OrderByDescending(r => r.ResidualLikelihood * r.ResidualImpact).ThenBy(r => r.Ordinal),
                _ => d ? rows.OrderByDescending(r => r.Ordinal) : rows.OrderBy(r => r.Ordinal),
            };
            var page = await sorted.Skip(window.Skip).Take(window.PageSize).ToListAsync(ct).ConfigureAwait(false);
            var ids = page.Select(r => r.Id).ToList();
            var controls = (await db.RiskControls.AsNoTracking().Where(l => ids.Contains(l.RiskId)).ToListAsync(ct).ConfigureAwait(false))
                .OrderBy(l => l.Ordinal).ToLookup(l => l.RiskId, StringComparer.Ordinal);
            var actions = (await db.RiskActions.AsNoTracking().Where(a => ids.Contains(a.RiskId)).ToListAsync(ct).ConfigureAwait(false))
                .OrderBy(a => a.Ordinal).ToLookup(a => a.RiskId, StringComparer.Ordinal);
            var actionControls = (await db.RiskActionControls.AsNoTracking().Where(l => ids.Contains(l.RiskId)).ToListAsync(ct).ConfigureAwait(false))
                .OrderBy(l => l.Ordinal).ToLookup(l => (l.RiskId, l.ActionOrdinal));
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return new ListPage<Risk>(
                [.. page.Select(r => ProgramAssembly.Risk(r, controls[r.Id], actions[r.Id].Select(a => ProgramAssembly.Action(a, actionControls[(r.Id, a.Ordinal)]))))],
                total);
        }
    }

    /// <summary>The number of risks at each residual likelihood and impact that holds any (the heat map), in one query.</summary>
    public async Task<IReadOnlyList<RiskCell>> RiskCellsAsync(CancellationToken cancellationToken = default)
    {
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await db.Risks.AsNoTracking()
                .GroupBy(r => new { r.ResidualLikelihood, r.ResidualImpact })
                .Select(g => new RiskCell(g.Key.ResidualLikelihood, g.Key.ResidualImpact, g.Count()))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Controls, evidence and risks whose ID or title contains <paramref name="text"/> (case-insensitive): at most
    /// <paramref name="limit"/> of each kind, by ID.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int limit, CancellationToken cancellationToken = default)
    {
        if (Needle(text) is not { } needle)
        {
            return [];
        }

        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var controls = await db.Controls.AsNoTracking().Where(c => c.Id.ToLower().Contains(needle) || c.Title.ToLower().Contains(needle))
                .OrderBy(c => c.Id).Take(limit).Select(c => new SearchHit("control", c.Id, c.Title)).ToListAsync(ct).ConfigureAwait(false);
            var evidence = await db.Evidence.AsNoTracking().Where(e => e.Id.ToLower().Contains(needle) || e.Title.ToLower().Contains(needle))
                .OrderBy(e => e.Id).Take(limit).Select(e => new SearchHit("evidence", e.Id, e.Title)).ToListAsync(ct).ConfigureAwait(false);
            var risks = await db.Risks.AsNoTracking().Where(r => r.Id.ToLower().Contains(needle) || r.Title.ToLower().Contains(needle))
                .OrderBy(r => r.Id).Take(limit).Select(r => new SearchHit("risk", r.Id, r.Title)).ToListAsync(ct).ConfigureAwait(false);
            return [.. controls, .. evidence, .. risks];
        }
    }

    private static IQueryable<ControlRow> SortControls(IQueryable<ControlRow> rows, ControlQuery query)
    {
        var d = query.Descending;
        return query.Sort switch
        {
            "id" => d ? rows.OrderByDescending(c => c.Id) : rows.OrderBy(c => c.Id),
            "title" => d ? rows.OrderByDescending(c => c.Title).ThenByDescending(c => c.Id) : rows.OrderBy(c => c.Title).ThenBy(c => c.Id),
            "owner" => d ? rows.OrderByDescending(c => c.Owner).ThenBy(c => c.Ordinal) : rows.OrderBy(c => c.Owner).ThenBy(c => c.Ordinal),
            "status" => d ? rows.OrderByDescending(c => c.Status).ThenBy(c => c.Ordinal) : rows.OrderBy(c => c.Status).ThenBy(c => c.Ordinal),
            "cadence" => d ? rows.OrderByDescending(c => c.Cadence).ThenBy(c => c.Ordinal) : rows.OrderBy(c => c.Cadence).ThenBy(c => c.Ordinal),
            _ => d ? rows.OrderByDescending(c => c.Ordinal) : rows.OrderBy(c => c.Ordinal),
        };
    }

    private static string? Needle(string? search) => string.IsNullOrWhiteSpace(search) ? null : search.Trim().ToLowerInvariant();
}
