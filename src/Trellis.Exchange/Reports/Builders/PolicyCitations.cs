using Trellis.Core.Crosswalk;
using Trellis.Core.Policies;
using Trellis.Exchange.Reports.Writers;

namespace Trellis.Exchange.Reports.Builders;

/// <summary>
/// The published policies a report cites per requirement (ISO/IEC 27001:2022 A.5.1 and SOC 2 CC5.3: policies approved
/// by management and published): each policy mapped to the requirement whose current version is published, as
/// "title vN, approved YYYY-MM-DD" (the day its last named approver approved). Drafts, versions in review and approved
/// but unpublished versions are not cited.
/// </summary>
internal static class PolicyCitations
{
    public static ILookup<RequirementRef, string> ByRequirement(IReadOnlyList<Policy> policies) =>
        policies
            .Where(p => p.Current?.ApprovedAt is not null)
            .SelectMany(p => p.Requirements.Distinct().Select(r => (Requirement: r, Text: Cite(p, p.Current!))))
            .ToLookup(x => x.Requirement, x => x.Text);

    private static string Cite(Policy p, PolicyVersion v) =>
        $"{p.Title} v{v.Number}, approved {ReportText.Date(DateOnly.FromDateTime(v.ApprovedAt!.Value.UtcDateTime))}";
}
