using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Catalogs;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Advice;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Roadmap;

/// <summary>
/// The guide's four combined-implementation steps as a guided setup: every task with what it produces and the
/// requirements it satisfies, progress from the program's readiness, and the next task to do.
/// </summary>
[Authorize(Policy = Policies.InternalRead)]
public sealed class IndexModel(ProgramService program) : PageModel
{
    /// <summary>Optional categories chosen on the page; empty means the program's scope.</summary>
    [BindProperty(SupportsGet = true)]
    public IReadOnlyList<string> Categories { get; set; } = [];

    /// <summary>Reports and certificates already held (wire names): what they vouch for counts as done.</summary>
    [BindProperty(SupportsGet = true)]
    public IReadOnlyList<string> Has { get; set; } = [];

    /// <summary>The roadmap.</summary>
    public Trellis.Core.Advice.Roadmap? Plan { get; private set; }

    /// <summary>Why the roadmap could not be made.</summary>
    public string? Message { get; private set; }

    /// <summary>The first task not done, in roadmap order.</summary>
    public RoadmapTask? Next { get; private set; }

    /// <summary>Plans with the program's progress.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var p = await program.LoadAsync(ct);
        var commitments = RoadmapProgress.CommitmentsOf(p.Scope);
        if (Categories.Count > 0)
        {
            var chosen = RoadmapWire.ParseCategories(string.Join(',', Categories));
            if (!chosen.IsSuccess)
            {
                Message = chosen.Error!.Message;
                return;
            }

            commitments = chosen.Value;
        }

        var held = new HashSet<ExistingAssurance>();
        foreach (var name in Has)
        {
            if (AdvisorWire.TryParse(name, out ExistingAssurance e))
            {
                held.Add(e);
            }
        }

        Has = [.. held.Order().Select(e => e.ToWire())];
        var satisfied = (await CoveredAsync(ct)).Union(RoadmapProgress.Held(FrameworkLibrary.ShippedEngine, held)).ToHashSet();
        var plan = RoadmapPlanner.Plan(FrameworkLibrary.ShippedEngine, commitments, satisfied);
        if (!plan.IsSuccess)
        {
            Message = plan.Error!.Message;
            return;
        }

        Plan = plan.Value;
        Next = Plan.Tasks.FirstOrDefault(t => t.Status != TaskProgress.Done);
        Categories = Plan.Categories;
    }

    /// <summary>Where in Trellis the work of a task is done.</summary>
    public static (string Href, string Label) WhereToWork(RoadmapTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Id switch
        {
            "isms-soa" => ("/soa", "Statement of Applicability"),
            "isms-risk-assessment-process" or "isms-risk-treatment-process" or "isms-risk-treatment-plan" or "isms-risk-assessment" or "isms-risk-treatment" => ("/risks", "Risk register"),
            "isms-internal-audit" or "isms-management-review" or "isms-corrective-action" => ("/engagements", "Engagements and findings"),
            "sync-audits" => ("/calendar", "Audit calendar"),
            "sync-review" => ("/engagements", "Engagements and findings"),
            _ when task.Id.StartsWith("reuse-", StringComparison.Ordinal) => ("/requests", "Request list"),
            _ when task.Satisfies.Any(r => r.Framework == FrameworkIds.Soc2v2017) && task.Step == 2 => ($"/readiness/{FrameworkIds.Soc2v2017}", "SOC 2 readiness"),
            _ => ($"/readiness/{FrameworkIds.Iso27001v2022}", "ISO/IEC 27001 readiness"),
        };
    }

    // What RoadmapProgress.Satisfied counts — the covered requirements of ISO/IEC 27001:2022 and SOC 2 — from the
    // readiness reports the program cache keeps per revision, instead of computing both again on every request
    // (7 s at 2,000 controls and 200,000 evidence items, issue 18).
    private async Task<HashSet<RequirementRef>> CoveredAsync(CancellationToken ct)
    {
        var covered = new HashSet<RequirementRef>();
        foreach (var framework in new[] { FrameworkIds.Iso27001v2022, FrameworkIds.Soc2v2017 })
        {
            var report = await program.ReadinessAsync(HttpContext.Account(), framework, null, ct);
            if (report.IsSuccess)
            {
                covered.UnionWith(report.Value.Requirements.Where(r => r.Status == ReadinessStatus.Covered).Select(r => new RequirementRef(framework, r.Id)));
            }
        }

        return covered;
    }
}
