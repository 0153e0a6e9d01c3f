using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Core.Readiness;
using Trellis.Data;

namespace Trellis.Application.Compliance;

/// <summary>What the roadmap and the advisor read of the program: the readiness view, never the evidence history (issue 18).</summary>
public sealed partial class ProgramService
{
    /// <summary>
    /// The program's <see cref="ReadinessView"/> today (scope, controls, judgements and each control's state), cached per
    /// revision and day: enough for the roadmap and the advisor, without loading the evidence history.
    /// </summary>
    public Task<ReadinessView> ReadinessViewAsync(CancellationToken ct) => cache.ReadinessViewAsync(Today, ct);

    /// <summary>
    /// The ISO/IEC 27001:2022 and SOC 2 requirements the program covers today — the rule of
    /// <c>RoadmapProgress.Satisfied</c> (a requirement counts as satisfied when readiness says covered) — from the same
    /// cached readiness reports the readiness screens show (before their vendor and staff annotations, as before).
    /// </summary>
    public async Task<IReadOnlySet<RequirementRef>> CoveredAsync(CancellationToken ct)
    {
        var engine = await EngineAsync(ct);
        var set = new HashSet<RequirementRef>();
        foreach (var framework in new[] { FrameworkIds.Iso27001v2022, FrameworkIds.Soc2v2017 })
        {
            var report = await cache.ReadinessAsync(engine, framework, null, Today, v => ReadinessAnalysis.Compute(v.Program, v.States, engine, framework, v.Today), ct);
            if (report.IsSuccess)
            {
                set.UnionWith(report.Value.Requirements.Where(r => r.Status == ReadinessStatus.Covered).Select(r => new RequirementRef(framework, r.Id)));
            }
        }

        return set;
    }
}
