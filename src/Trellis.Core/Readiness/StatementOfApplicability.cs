using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;

namespace Trellis.Core.Readiness;

/// <summary>One row of the Statement of Applicability (ISO/IEC 27001 6.1.3 d), derived from the program.</summary>
/// <param name="Control">Annex A control ID.</param>
/// <param name="Title">Official short name.</param>
/// <param name="Applicable">Applicable or excluded.</param>
/// <param name="Justification">Justification (required when excluded).</param>
/// <param name="Reasons">Reasons for inclusion.</param>
/// <param name="Status">Declared status when the SoA declares one, otherwise derived from the linked controls.</param>
/// <param name="Decided">False when no decision is recorded for this control.</param>
/// <param name="Controls">Program controls mapped to the Annex A control.</param>
/// <param name="Risks">Risks that need it or are treated by its controls.</param>
/// <param name="Drift">Where the SoA and the program disagree; empty when none.</param>
public sealed record SoaRow(
    string Control,
    string Title,
    bool Applicable,
    string Justification,
    IReadOnlyList<InclusionReason> Reasons,
    ImplementationStatus Status,
    bool Decided,
    IReadOnlyList<string> Controls,
    IReadOnlyList<string> Risks,
    IReadOnlyList<string> Drift);

/// <summary>
/// Builds the Statement of Applicability: one row for every Annex A control, with applicability and
/// justification from the recorded decisions, status and links derived from the program, and drift checks:
/// a row that says implemented while no implemented control with fresh evidence backs it, and an excluded
/// control that a linked risk needs.
/// </summary>
public static class StatementOfApplicability
{
    /// <summary>Builds all rows (93 for ISO/IEC 27001:2022) in Annex A order.</summary>
    public static IReadOnlyList<SoaRow> Build(ComplianceProgram program, Framework iso2022, DateOnly today, FreshnessPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(iso2022);
        var states = ControlState.Index(program, today, policy ?? new FreshnessPolicy());
        var decisions = program.Soa.ToDictionary(d => d.Control, StringComparer.Ordinal);
        var controlsByReq = program.Controls
            .SelectMany(c => c.Mappings.Where(m => m.Requirement.Framework == FrameworkIds.Iso27001v2022).Select(m => (Req: m.Requirement.Requirement, Control: c.Id)))
            .ToLookup(x => x.Req, x => x.Control, StringComparer.Ordinal);

        var rows = new List<SoaRow>();
        foreach (var req in iso2022.Requirements.Where(r => r.Kind == RequirementKind.Control))
        {
            var decided = decisions.TryGetValue(req.Id, out var decision);
            decision ??= new SoaDecision { Control = req.Id };
            var linked = controlsByReq[req.Id].Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var linkedSet = linked.ToHashSet(StringComparer.Ordinal);
            var needing = program.Risks.Where(r => r.RequirementIds.Contains(req.Id)).Select(r => r.Id).ToList();
            var risks = program.Risks.Where(r => r.RequirementIds.Contains(req.Id) || r.ControlIds.Any(linkedSet.Contains))
                .Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
            var derived = Derive(linked.Select(id => states[id].Control.Status).ToList(), decision.Applicable);
            var status = decision.DeclaredStatus ?? derived;

            var drift = new List<string>();
            if (!decided)
            {
                drift.Add("no applicability decision recorded");
            }

            if (decision.Applicable && status == ImplementationStatus.Implemented && !linked.Any(id => states[id].Operating))
            {
                drift.Add(linked.Count == 0
                    ? "says implemented, but no control is mapped to it"
                    : "says implemented, but no implemented control with fresh evidence backs it (" + string.Join("; ", linked.Select(id => states[id].Describe())) + ")");
            }

            if (!decision.Applicable)
            {
                drift.AddRange(needing.Select(r => $"excluded, but risk {r} needs it"));
                if (string.IsNullOrWhiteSpace(decision.Justification))
                {
                    drift.Add("excluded without a justification");
                }

                drift.AddRange(linked.Where(id => states[id].Control.Status == ImplementationStatus.Implemented).Select(id => $"excluded, but {id} implements it"));
            }

            rows.Add(new SoaRow(req.Id, req.Title, decision.Applicable, decision.Justification, decision.Reasons, status, decided, linked, risks, drift));
        }

        return rows;
    }

    private static ImplementationStatus Derive(IReadOnlyList<ImplementationStatus> statuses, bool applicable)
    {
        if (!applicable)
        {
            return ImplementationStatus.NotApplicable;
        }

        if (statuses.Contains(ImplementationStatus.Implemented))
        {
            return ImplementationStatus.Implemented;
        }

        return statuses.Contains(ImplementationStatus.InProgress) ? ImplementationStatus.InProgress : ImplementationStatus.Planned;
    }
}
