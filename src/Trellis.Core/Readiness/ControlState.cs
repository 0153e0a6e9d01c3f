using Trellis.Core.Evidence;
using Trellis.Core.Program;

namespace Trellis.Core.Readiness;

/// <summary>What readiness needs to know about one control today: status, evidence freshness, fresh evidence IDs.</summary>
/// <param name="Control">The control.</param>
/// <param name="Freshness">Fresh, stale or missing, from its cadence and newest effective date.</param>
/// <param name="LatestEffective">The newest effective end among its evidence, or null.</param>
/// <param name="FreshEvidence">Evidence items that are fresh today.</param>
public sealed record ControlState(Control Control, FreshnessState Freshness, DateOnly? LatestEffective, IReadOnlyList<string> FreshEvidence)
{
    /// <summary>Implemented and backed by fresh evidence: it counts fully.</summary>
    public bool Operating => Control.Status == ImplementationStatus.Implemented && Freshness == FreshnessState.Fresh;

    /// <summary>
    /// Indexes the program's evidence by control once (O(evidence)), then judges each control.
    /// </summary>
    public static IReadOnlyDictionary<string, ControlState> Index(ComplianceProgram program, DateOnly today, FreshnessPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(policy);
        var latest = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var items = new Dictionary<string, List<(string Id, DateOnly End)>>(StringComparer.Ordinal);
        foreach (var e in program.Evidence)
        {
            var end = e.Versions.Max(v => v.EffectiveEnd);
            foreach (var c in e.ControlIds)
            {
                if (!latest.TryGetValue(c, out var known) || end > known)
                {
                    latest[c] = end;
                }

                if (!items.TryGetValue(c, out var list))
                {
                    items[c] = list = [];
                }

                list.Add((e.Id, end));
            }
        }

        return Judge(program.Controls, latest, items, today, policy);
    }

    /// <summary>
    /// Judges each control from facts a database can aggregate, exactly as the index over the whole program
    /// does from the whole evidence history: <paramref name="latest"/> holds, per control ID, the newest effective end of any
    /// version of any evidence linked to it; <paramref name="recent"/> holds, per control ID, each linked evidence item with the
    /// newest effective end of its versions. <paramref name="recent"/> may leave out items that cannot be fresh today (their
    /// end is judged here again, so a superset of the fresh ones is enough); order does not matter.
    /// </summary>
    public static IReadOnlyDictionary<string, ControlState> Index(
        IEnumerable<Control> controls,
        IReadOnlyDictionary<string, DateOnly> latest,
        IReadOnlyDictionary<string, List<(string Id, DateOnly End)>> recent,
        DateOnly today,
        FreshnessPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(controls);
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(recent);
        ArgumentNullException.ThrowIfNull(policy);
        return Judge(controls, latest, recent, today, policy);
    }

    private static Dictionary<string, ControlState> Judge(
        IEnumerable<Control> controls,
        IReadOnlyDictionary<string, DateOnly> latest,
        IReadOnlyDictionary<string, List<(string Id, DateOnly End)>> items,
        DateOnly today,
        FreshnessPolicy policy)
    {
        var result = new Dictionary<string, ControlState>(StringComparer.Ordinal);
        foreach (var control in controls)
        {
            DateOnly? last = latest.TryGetValue(control.Id, out var d) ? d : null;
            var fresh = items.TryGetValue(control.Id, out var list)
                ? list.Where(x => policy.Judge(control.Cadence, x.End, today) == FreshnessState.Fresh).Select(x => x.Id).Order(StringComparer.Ordinal).ToList()
                : [];
            result[control.Id] = new ControlState(control, policy.Judge(control.Cadence, last, today), last, fresh);
        }

        return result;
    }

    /// <summary>One line describing the control's state, for reasons.</summary>
    public string Describe() => Control.Status switch
    {
        ImplementationStatus.Implemented => Freshness switch
        {
            FreshnessState.Fresh => $"{Control.Id} implemented, evidence fresh (latest {LatestEffective:yyyy-MM-dd})",
            FreshnessState.Stale => $"{Control.Id} implemented but evidence stale (latest {LatestEffective:yyyy-MM-dd}, {Control.Cadence.ToWire()} cadence)",
            _ => $"{Control.Id} implemented but has no evidence",
        },
        ImplementationStatus.InProgress => $"{Control.Id} in progress",
        ImplementationStatus.Planned => $"{Control.Id} planned",
        _ => $"{Control.Id} not applicable",
    };
}
