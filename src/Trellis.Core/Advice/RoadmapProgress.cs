using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Core.Readiness;

namespace Trellis.Core.Advice;

/// <summary>
/// Feeds the program into the roadmap: which requirements it already satisfies (readiness says covered, for
/// ISO/IEC 27001:2022 and SOC 2) and which Trust Services categories its scope commits to.
/// </summary>
public static class RoadmapProgress
{
    /// <summary>
    /// The ISO/IEC 27001:2022 and SOC 2 requirements whose readiness is <see cref="ReadinessStatus.Covered"/> on
    /// <paramref name="today"/>; a framework missing from the engine contributes nothing.
    /// </summary>
    public static IReadOnlySet<RequirementRef> Satisfied(ComplianceProgram program, CrosswalkEngine engine, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(engine);
        var set = new HashSet<RequirementRef>();
        foreach (var framework in new[] { FrameworkIds.Iso27001v2022, FrameworkIds.Soc2v2017 })
        {
            var report = ReadinessAnalysis.Compute(program, engine, framework, today);
            if (report.IsSuccess)
            {
                set.UnionWith(report.Value.Requirements.Where(r => r.Status == ReadinessStatus.Covered).Select(r => new RequirementRef(framework, r.Id)));
            }
        }

        return set;
    }

    /// <summary>The service commitments the scope's Trust Services categories stand for (Security needs none).</summary>
    public static ServiceCommitments CommitmentsOf(ProgramScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var known = scope.TscCategories.Where(TscCategories.All.Contains);
        return RoadmapWire.ParseCategories(string.Join(',', known)).Value;
    }
}
