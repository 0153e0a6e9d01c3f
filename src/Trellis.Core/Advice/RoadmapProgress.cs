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

    /// <summary>
    /// The requirements an assurance already held vouches for, so the roadmap starts from what is missing: an ISO/IEC
    /// 27001 certificate — every ISO/IEC 27001:2022 requirement, since the certification body audited the ISMS (clauses
    /// 4–10) and the controls of its SoA (docs/audit-cycle.md §2.2, §2.5); a SOC 2 report, Type 1 or Type 2 — the
    /// Security criteria CC1–CC9, in every report (§1.2; other categories only when the report had them, which is not
    /// known here). A framework missing from the engine contributes nothing.
    /// </summary>
    public static IReadOnlySet<RequirementRef> Held(CrosswalkEngine engine, IReadOnlySet<ExistingAssurance> held)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(held);
        var set = new HashSet<RequirementRef>();
        if (held.Contains(ExistingAssurance.Iso27001) && engine.Catalog.Framework(FrameworkIds.Iso27001v2022) is { IsSuccess: true } iso)
        {
            set.UnionWith(iso.Value.Requirements.Select(r => new RequirementRef(FrameworkIds.Iso27001v2022, r.Id)));
        }

        if ((held.Contains(ExistingAssurance.Soc2Type1) || held.Contains(ExistingAssurance.Soc2Type2))
            && engine.Catalog.Framework(FrameworkIds.Soc2v2017) is { IsSuccess: true } soc2)
        {
            set.UnionWith(soc2.Value.Requirements.Where(r => r.Category == TscCategories.All[0]).Select(r => new RequirementRef(FrameworkIds.Soc2v2017, r.Id)));
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
