using Trellis.Application.Actors;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Core.Risks;
using Trellis.Data;

namespace Trellis.Application.Compliance;

/// <summary>A control of a list page: its state on the account's day and the evidence linked to it.</summary>
public sealed record ControlEntry(ControlState State, IReadOnlyList<string> Evidence);

/// <summary>
/// An evidence item of a list page with its freshness on the account's day: <paramref name="FreshUntil"/> is the last
/// day it keeps the most frequent of its controls fresh (newest effective end + one cadence period + grace), null when
/// it supports no control.
/// </summary>
public sealed record EvidenceEntry(EvidenceItem Item, DateOnly? FreshUntil, DateOnly AsOf)
{
    /// <summary>Fresh while <see cref="FreshUntil"/> is today or later; stale after; missing when it supports no control.</summary>
    public FreshnessState Freshness => FreshUntil is not { } until ? FreshnessState.Missing : until >= AsOf ? FreshnessState.Fresh : FreshnessState.Stale;

    /// <summary>Days until it goes stale (1: tomorrow, its last fresh day being today); null when stale already or unlinked.</summary>
    public int? StaleInDays => FreshUntil is { } until && until >= AsOf ? until.DayNumber - AsOf.DayNumber + 1 : null;
}

/// <summary>
/// Lists, one page at a time. Staff lists are filtered, sorted and cut by the database (<see cref="ProgramStore"/>'s
/// list queries). An auditor's lists are cut from their view in memory with the same rules: the window rule (versions
/// effective inside it, controls reached through judgements) has no SQL form here, and a view is one engagement's
/// share of the program.
/// </summary>
public sealed partial class ProgramService
{
    private static readonly FreshnessPolicy Policy = new();

    /// <summary>One page of the controls the account sees, with each one's state (see <see cref="ControlQuery"/>).</summary>
    public async Task<ListPage<ControlEntry>> ListControlsAsync(Account account, ControlQuery query, ListWindow window, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(window);
        if (account.Scope is null)
        {
            var page = await cache.ControlPageAsync(query, window, ct);
            return new ListPage<ControlEntry>([.. page.Items.Select(i => new ControlEntry(StateOf(i), [.. i.Evidence.Select(e => e.EvidenceId)]))], page.Total);
        }

        var view = await ViewAsync(account, ct);
        var states = await ControlStatesAsync(account, ct);
        var rows = states.Where(s => Matches(s.Control, query)).ToList();
        var sorted = SortInMemory(rows, query, view.Program.Controls);
        return new ListPage<ControlEntry>(
            [.. sorted.Skip(window.Skip).Take(window.PageSize).Select(s => new ControlEntry(s, [.. view.Program.Evidence.Where(e => e.ControlIds.Contains(s.Control.Id)).Select(e => e.Id)]))],
            rows.Count);
    }

    /// <summary>One page of the evidence the account sees, with each item's freshness (see <see cref="EvidenceQuery"/>).</summary>
    public async Task<ListPage<EvidenceEntry>> ListEvidenceAsync(Account account, EvidenceQuery query, ListWindow window, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(window);
        if (account.Scope is null)
        {
            var page = await cache.EvidencePageAsync(query, window, ct);
            return new ListPage<EvidenceEntry>([.. page.Items.Select(i => Entry(i.Item, i.ControlCadences, Today))], page.Total);
        }

        var view = await ViewAsync(account, ct);
        var program = view.AsOfProgram();
        var cadences = view.Program.Controls.ToDictionary(c => c.Id, c => c.Cadence, StringComparer.Ordinal);
        var rows = view.Program.Evidence
            .Where(e => Contains(e.Id, e.Title, query.Search))
            .Where(e => query.Control is null || e.ControlIds.Contains(query.Control))
            .ToList();
        var d = query.Descending;
        IEnumerable<EvidenceItem> sorted = query.Sort switch
        {
            "id" => d ? rows.OrderByDescending(e => e.Id, StringComparer.Ordinal) : rows.OrderBy(e => e.Id, StringComparer.Ordinal),
            "title" => d ? rows.OrderByDescending(e => e.Title, StringComparer.Ordinal) : rows.OrderBy(e => e.Title, StringComparer.Ordinal),
            _ => d ? rows.OrderBy(End).ThenBy(e => e.Id, StringComparer.Ordinal) : rows.OrderByDescending(End).ThenBy(e => e.Id, StringComparer.Ordinal),
        };
        return new ListPage<EvidenceEntry>(
            [.. sorted.Skip(window.Skip).Take(window.PageSize).Select(e => Entry(e, [.. e.ControlIds.Where(cadences.ContainsKey).Select(c => cadences[c])], view.AsOf))],
            rows.Count);

        static DateOnly End(EvidenceItem e) => e.Versions.Max(v => v.EffectiveEnd);
    }

    /// <summary>One page of the risks the account sees (see <see cref="RiskQuery"/>).</summary>
    public async Task<ListPage<Risk>> ListRisksAsync(Account account, RiskQuery query, ListWindow window, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(window);
        if (account.Scope is null)
        {
            return await store.ListRisksAsync(query, window, ct);
        }

        var register = (await ViewAsync(account, ct)).Program.Risks;
        var rows = register
            .Where(r => Contains(r.Id, r.Title, query.Search))
            .Where(r => query.Owner is null || string.Equals(r.Owner, query.Owner.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(r => query.Treatment is null || r.Treatment == query.Treatment)
            .Where(r => (query.Likelihood is null || r.ResidualLikelihood == query.Likelihood) && (query.Impact is null || r.ResidualImpact == query.Impact))
            .ToList();
        var d = query.Descending;
        IEnumerable<Risk> sorted = query.Sort switch
        {
            "id" => d ? rows.OrderByDescending(r => r.Id, StringComparer.Ordinal) : rows.OrderBy(r => r.Id, StringComparer.Ordinal),
            "title" => d ? rows.OrderByDescending(r => r.Title, StringComparer.Ordinal) : rows.OrderBy(r => r.Title, StringComparer.Ordinal),
            "owner" => d ? rows.OrderByDescending(r => r.Owner, StringComparer.Ordinal) : rows.OrderBy(r => r.Owner, StringComparer.Ordinal),
            "residual" => d ? rows.OrderBy(r => r.ResidualLikelihood * r.ResidualImpact) : rows.OrderByDescending(r => r.ResidualLikelihood * r.ResidualImpact),
            _ => d ? Enumerable.Reverse(rows) : rows,
        };
        return new ListPage<Risk>([.. sorted.Skip(window.Skip).Take(window.PageSize)], rows.Count);
    }

    /// <summary>How many of the risks the account sees sit in each residual cell of the matrix (the heat map).</summary>
    public async Task<IReadOnlyList<RiskCell>> RiskCellsAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Scope is null
            ? await store.RiskCellsAsync(ct)
            : [.. (await ViewAsync(account, ct)).Program.Risks.GroupBy(r => (r.ResidualLikelihood, r.ResidualImpact)).Select(g => new RiskCell(g.Key.ResidualLikelihood, g.Key.ResidualImpact, g.Count()))];
    }

    /// <summary>
    /// Controls, evidence and risks of the whole program whose ID or title contains <paramref name="text"/>, found by
    /// the database (at most <paramref name="limit"/> of each) — staff only: an auditor's search goes through their view.
    /// </summary>
    internal Task<IReadOnlyList<SearchHit>> SearchProgramAsync(string text, int limit, CancellationToken ct) => store.SearchAsync(text, limit, ct);

    /// <summary>The program's risk matrix (its levels and thresholds).</summary>
    public async Task<RiskMatrix> RiskMatrixAsync(CancellationToken ct) => (await LoadAsync(ct)).RiskMatrix;

    private ControlState StateOf(ControlListItem item)
    {
        // The rule of ControlState.Index, on the page's evidence only.
        var control = item.Control;
        DateOnly? latest = item.Evidence.Count == 0 ? null : item.Evidence.Max(e => e.LatestEnd);
        var fresh = item.Evidence.Where(e => Policy.Judge(control.Cadence, e.LatestEnd, Today) == FreshnessState.Fresh).Select(e => e.EvidenceId).Order(StringComparer.Ordinal).ToList();
        return new ControlState(control, Policy.Judge(control.Cadence, latest, Today), latest, fresh);
    }

    private static EvidenceEntry Entry(EvidenceItem item, IReadOnlyList<Cadence> cadences, DateOnly asOf)
    {
        var end = item.Versions.Max(v => v.EffectiveEnd);
        DateOnly? until = cadences.Count == 0 ? null : cadences.Min(c => c.AddPeriod(end).AddDays(Policy.GraceDays));
        return new EvidenceEntry(item, until, asOf);
    }

    private static bool Matches(Control c, ControlQuery query) =>
        Contains(c.Id, c.Title, query.Search)
        && (query.Status is null || c.Status == query.Status)
        && (query.Owner is null || string.Equals(c.Owner, query.Owner.Trim(), StringComparison.OrdinalIgnoreCase))
        && (query.Framework is null || c.Mappings.Any(m => m.Requirement.Framework == query.Framework && (query.Requirement is null || m.Requirement.Requirement == query.Requirement)));

    private static bool Contains(string id, string title, string? search) =>
        string.IsNullOrWhiteSpace(search)
        || id.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
        || title.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<ControlState> SortInMemory(List<ControlState> rows, ControlQuery query, IReadOnlyList<Control> order)
    {
        var d = query.Descending;
        var position = order.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return query.Sort switch
        {
            "id" => d ? rows.OrderByDescending(s => s.Control.Id, StringComparer.Ordinal) : rows.OrderBy(s => s.Control.Id, StringComparer.Ordinal),
            "title" => d ? rows.OrderByDescending(s => s.Control.Title, StringComparer.Ordinal) : rows.OrderBy(s => s.Control.Title, StringComparer.Ordinal),
            "owner" => d ? rows.OrderByDescending(s => s.Control.Owner, StringComparer.Ordinal) : rows.OrderBy(s => s.Control.Owner, StringComparer.Ordinal),
            // Stored as wire names, which the database sorts as text: the same here.
            "status" => d ? rows.OrderByDescending(s => s.Control.Status.ToWire(), StringComparer.Ordinal) : rows.OrderBy(s => s.Control.Status.ToWire(), StringComparer.Ordinal),
            "cadence" => d ? rows.OrderByDescending(s => s.Control.Cadence.ToWire(), StringComparer.Ordinal) : rows.OrderBy(s => s.Control.Cadence.ToWire(), StringComparer.Ordinal),
            _ => d ? rows.OrderByDescending(s => position[s.Control.Id]) : rows.OrderBy(s => position[s.Control.Id]),
        };
    }
}
