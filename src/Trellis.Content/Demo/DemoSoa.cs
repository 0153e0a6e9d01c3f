using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Core.Risks;

namespace Trellis.Content.Demo;

/// <summary>
/// The demo Statement of Applicability: a decision for every Annex A control (ISO/IEC 27001 6.1.3 d). Physical controls
/// of data centres are excluded because AWS is a carved-out subservice organization. Two deliberate drifts: A.7.4 is
/// excluded while risk R-09 needs it, and A.8.8 is declared implemented while its control's evidence is stale.
/// </summary>
internal static class DemoSoa
{
    private static readonly Dictionary<string, string> Exclusions = new(StringComparer.Ordinal)
    {
        ["A.7.4"] = "Production is hosted only in AWS data centres, whose physical monitoring is carved out to AWS (see the AWS SOC 2 report); the offices hold no information processing facilities for customer data.",
        ["A.7.6"] = "Northwind has no secure areas of its own; secure areas for production are AWS data centres, carved out.",
        ["A.7.11"] = "Power, cooling and other supporting utilities for production are provided by AWS (carve-out); office equipment is battery-powered laptops.",
        ["A.7.12"] = "No Northwind-owned cabling carries production or customer data; data centre cabling is AWS's responsibility (carve-out).",
        ["A.8.30"] = "All software is developed by Northwind employees; no development is outsourced.",
    };

    private static readonly HashSet<string> Legal = new(StringComparer.Ordinal) { "A.5.31", "A.5.32", "A.5.33", "A.5.34", "A.6.1", "A.6.4", "A.5.5" };

    private static readonly HashSet<string> Contractual = new(StringComparer.Ordinal)
    {
        "A.5.14", "A.5.19", "A.5.20", "A.5.21", "A.5.22", "A.5.23", "A.5.24", "A.5.26", "A.6.6", "A.8.10", "A.8.13", "A.8.14", "A.8.24",
    };

    private static readonly HashSet<string> Business = new(StringComparer.Ordinal) { "A.5.6", "A.5.7", "A.5.8", "A.5.37", "A.8.6", "A.8.23" };

    private static readonly Dictionary<string, ImplementationStatus> Declared = new(StringComparer.Ordinal)
    {
        ["A.5.1"] = ImplementationStatus.Implemented,
        ["A.5.15"] = ImplementationStatus.Implemented,
        ["A.8.5"] = ImplementationStatus.Implemented,
        ["A.8.8"] = ImplementationStatus.Implemented,
        ["A.8.12"] = ImplementationStatus.Planned,
        ["A.8.32"] = ImplementationStatus.Implemented,
    };

    public static IReadOnlyList<SoaDecision> Create(Framework iso, IReadOnlyList<Risk> risks)
    {
        var riskDriven = risks.SelectMany(r => r.RequirementIds).ToHashSet(StringComparer.Ordinal);
        return iso.Requirements
            .Where(r => r.Kind == RequirementKind.Control && r.Id.StartsWith("A.", StringComparison.Ordinal))
            .Select(r => Exclusions.TryGetValue(r.Id, out var why)
                ? new SoaDecision { Control = r.Id, Applicable = false, Justification = why }
                : new SoaDecision
                {
                    Control = r.Id,
                    Applicable = true,
                    Reasons = Reasons(r.Id, riskDriven),
                    DeclaredStatus = Declared.TryGetValue(r.Id, out var s) ? s : null,
                })
            .ToList();
    }

    private static List<InclusionReason> Reasons(string id, HashSet<string> riskDriven)
    {
        var reasons = new List<InclusionReason>();
        if (riskDriven.Contains(id) || !(Legal.Contains(id) || Contractual.Contains(id) || Business.Contains(id)))
        {
            reasons.Add(InclusionReason.Risk);
        }

        if (Legal.Contains(id))
        {
            reasons.Add(InclusionReason.Legal);
        }

        if (Contractual.Contains(id))
        {
            reasons.Add(InclusionReason.Contractual);
        }

        if (Business.Contains(id))
        {
            reasons.Add(InclusionReason.Business);
        }

        return reasons;
    }
}
