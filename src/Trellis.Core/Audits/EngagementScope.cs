using Trellis.Core.Program;

namespace Trellis.Core.Audits;

/// <summary>Which of the organization's controls an engagement looks at.</summary>
public static class EngagementScope
{
    /// <summary>
    /// The controls in scope: those mapped to a requirement of the engagement's framework, not marked
    /// not-applicable. For SOC 2 only criteria of the categories in scope count (CC for Security, A for
    /// Availability, C for Confidentiality, PI for Processing Integrity, P for Privacy; docs/audit-cycle.md §1.2).
    /// </summary>
    public static IReadOnlyList<Control> Controls(Engagement engagement, IEnumerable<Control> controls) =>
        controls
            .Where(c => c.Status != ImplementationStatus.NotApplicable)
            .Where(c => c.Mappings.Any(m => m.Requirement.Framework == engagement.Framework
                && (!engagement.Kind.IsSoc2() || engagement.Categories.Contains(TscCategory(m.Requirement.Requirement)))))
            .ToList();

    /// <summary>The TSC category of a 2017 criterion ID (<c>CC6.1</c> → security, <c>PI1.3</c> → processing-integrity).</summary>
    public static string TscCategory(string criterion) => criterion switch
    {
        _ when criterion.StartsWith("CC", StringComparison.Ordinal) => "security",
        _ when criterion.StartsWith("PI", StringComparison.Ordinal) => "processing-integrity",
        _ when criterion.StartsWith('A') => "availability",
        _ when criterion.StartsWith('C') => "confidentiality",
        _ when criterion.StartsWith('P') => "privacy",
        _ => "security",
    };
}
