using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;

namespace Trellis.Core.Advice;

/// <summary>
/// Builds the guide's "Combined Implementation Strategy" as an ordered plan: (1) the ISMS under ISO/IEC 27001,
/// (2) the Trust Services categories aligned with it, (3) control design and evidence reused across both
/// audits, (4) synchronized audit timelines. A pure function of the crosswalk, the service commitments and
/// the requirements already satisfied, so the program's readiness can feed it.
/// </summary>
public static class RoadmapPlanner
{
    /// <summary>The four steps, in the guide's order.</summary>
    public static IReadOnlyList<RoadmapStep> Steps { get; } =
    [
        new(1, "Build the ISMS under ISO/IEC 27001", "Build your ISMS under ISO 27001"),
        new(2, "Select the Trust Services categories aligned with the ISO controls", "Select Trust Services Criteria aligned with ISO controls"),
        new(3, "Reuse control design and evidence across both audits", "Reuse evidence and control design across both audits"),
        new(4, "Synchronize the audit timelines", "Synchronize audit timelines for efficiency"),
    ];

    private static readonly string[] CategoryTitles = ["Security", "Availability", "Confidentiality", "Processing Integrity", "Privacy"];

    private static readonly string[] CategoryBasis =
    [
        "Security (common criteria CC1–CC9) is in every SOC 2 report (docs/audit-cycle.md §1.2)",
        "added by choice because uptime, service levels or recovery times are committed (docs/audit-cycle.md §1.2)",
        "added by choice because information designated confidential is protected by commitment (docs/audit-cycle.md §1.2)",
        "added by choice because complete, valid, accurate, timely and authorized processing is committed (docs/audit-cycle.md §1.2)",
        "added by choice because personal information is handled (docs/audit-cycle.md §1.2)",
    ];

    /// <summary>Plans the roadmap.</summary>
    /// <param name="engine">The crosswalk; must contain <see cref="FrameworkIds.Iso27001v2022"/> and <see cref="FrameworkIds.Soc2v2017"/>.</param>
    /// <param name="commitments">Service commitments that bring optional categories into scope; Security is always in.</param>
    /// <param name="satisfied">Requirements the program already satisfies; null or empty means nothing yet.</param>
    /// <returns>The roadmap, or an error when the catalog lacks a requirement the plan names.</returns>
    public static Result<Roadmap> Plan(CrosswalkEngine engine, ServiceCommitments commitments, IReadOnlySet<RequirementRef>? satisfied = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var soc2 = engine.Catalog.Framework(FrameworkIds.Soc2v2017);
        if (!soc2.IsSuccess)
        {
            return soc2.Error!;
        }

        satisfied ??= new HashSet<RequirementRef>();
        var categories = RoadmapWire.CategoriesFor(commitments);
        var links = engine.Direct(FrameworkIds.Iso27001v2022, FrameworkIds.Soc2v2017)
            .Where(l => l.To is not null && l.Relationship != Relationship.NoRelationship)
            .ToList();
        var tasks = new List<RoadmapTask>();

        foreach (var (id, title, produces, clauses, basis) in IsmsTasks.All)
        {
            tasks.Add(NewTask(id, 1, title, produces, clauses.Select(Iso).ToList(), basis, satisfied));
        }

        foreach (var category in categories)
        {
            if (soc2.Value.Requirements.Any(r => r.Category == category))
            {
                tasks.Add(CategoryTask(soc2.Value, category, links, satisfied));
            }
        }

        var inScope = soc2.Value.Requirements.Where(r => categories.Contains(r.Category ?? "")).ToList();
        var reuse = inScope
            .SelectMany(c => links.Where(l => l.To!.Value.Requirement == c.Id && IsDefinite(l.Relationship)))
            .Select(l => new EvidenceReuse(l.From, l.To!.Value, l.Relationship))
            .ToList();
        foreach (var criterion in inScope)
        {
            var mine = reuse.Where(r => r.Criterion.Requirement == criterion.Id).ToList();
            if (mine.Count > 0)
            {
                tasks.Add(ReuseTask(criterion, mine, satisfied));
            }
        }

        tasks.Add(NewTask(
            "sync-audits", 4, "Synchronize the ISO and SOC 2 audit timelines",
            "One audit calendar from the audit planner (trellis plan): ISO stage 1 and stage 2, surveillance in years 1 and 2 (the first within 12 months of the certification decision) and recertification before expiry; SOC 2 Type 2 windows of 3–12 months back to back; an internal audit sampling for both before each external audit",
            [Iso("9.2.1"), Iso("9.2.2"), Soc2("CC4.1")],
            "docs/audit-cycle.md §1.3, §1.4, §2.2; crosswalk " + LinksText(links, ["9.2.1", "9.2.2"], ["CC4.1"]),
            satisfied));
        tasks.Add(NewTask(
            "sync-review", 4, "Run one review and corrective-action loop for both audits",
            "Management review and corrective action that take in ISO nonconformities and SOC 2 deviations alike, with deficiencies reported to those who must act",
            [Iso("9.3.2"), Iso("9.3.3"), Iso("10.2"), Soc2("CC4.2")],
            "crosswalk " + LinksText(links, ["9.3.2", "9.3.3", "10.2"], ["CC4.2"]),
            satisfied));

        var unknown = tasks.SelectMany(t => t.Satisfies).Distinct()
            .Select(r => engine.Catalog.Requirement(r.Framework, r.Requirement))
            .FirstOrDefault(r => !r.IsSuccess);
        return unknown.Error is { } error ? error : new Roadmap(Steps, categories, tasks, reuse);
    }

    /// <summary>Done when every requirement is satisfied, in progress when some are, otherwise not started.</summary>
    public static TaskProgress ProgressOf(IReadOnlyList<RequirementRef> requirements, IReadOnlySet<RequirementRef> satisfied)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(satisfied);
        var count = requirements.Count(satisfied.Contains);
        return count == 0 ? TaskProgress.NotStarted : count == requirements.Count ? TaskProgress.Done : TaskProgress.InProgress;
    }

    private static RoadmapTask CategoryTask(Framework soc2, string category, List<MappingLink> links, IReadOnlySet<RequirementRef> satisfied)
    {
        var index = TscCategories.All.ToList().IndexOf(category);
        var criteria = soc2.Requirements.Where(r => r.Category == category).ToList();
        int Count(Func<IEnumerable<MappingLink>, bool> test) =>
            criteria.Count(c => test(links.Where(l => l.To!.Value.Requirement == c.Id)));
        var definite = Count(ls => ls.Any(l => IsDefinite(l.Relationship)));
        var intersecting = Count(ls => ls.Any() && !ls.Any(l => IsDefinite(l.Relationship)));
        var none = criteria.Count - definite - intersecting;
        return NewTask(
            "tsc-" + category, 2, $"Put the {CategoryTitles[index]} category in the SOC 2 scope",
            $"{CategoryTitles[index]} criteria {criteria[0].Id}–{criteria[^1].Id} ({criteria.Count}) in the system description, each matched to its ISO requirements: {definite} with an equal, superset-of or subset-of link, {intersecting} only intersecting, {none} without an ISO link",
            criteria.Select(c => Soc2(c.Id)).ToList(),
            char.ToUpperInvariant(CategoryBasis[index][0]) + CategoryBasis[index][1..],
            satisfied);
    }

    private static RoadmapTask ReuseTask(Requirement criterion, List<EvidenceReuse> reuse, IReadOnlySet<RequirementRef> satisfied)
    {
        var full = reuse.Where(r => r.CountsFully).Select(r => r.Iso.Requirement).ToList();
        var supporting = reuse.Where(r => !r.CountsFully).Select(r => r.Iso.Requirement).ToList();
        var produces = "One control design and one evidence set tested in both audits."
            + (full.Count > 0 ? $" Counts fully for {criterion.Id}: {string.Join(", ", full)}." : "")
            + (supporting.Count > 0 ? $" Supporting evidence only, {criterion.Id} asks for more: {string.Join(", ", supporting)}." : "");
        return NewTask(
            "reuse-" + criterion.Id.ToLowerInvariant(), 3, $"Reuse ISO design and evidence for {criterion.Id} {criterion.Title}",
            produces,
            [.. reuse.Select(r => r.Iso), Soc2(criterion.Id)],
            "crosswalk " + string.Join("; ", reuse.Select(r => $"{r.Iso.Requirement} {r.Relationship.ToWire()} {criterion.Id}")) + " (domain rule 6: evidence counts fully only for equal or superset-of)",
            satisfied);
    }

    private static string LinksText(List<MappingLink> links, string[] iso, string[] criteria)
    {
        var found = links.Where(l => iso.Contains(l.From.Requirement) && criteria.Contains(l.To!.Value.Requirement))
            .Select(l => $"{l.From.Requirement} {l.Relationship.ToWire()} {l.To!.Value.Requirement}")
            .ToList();
        return found.Count > 0 ? string.Join("; ", found) : "has no direct link between them";
    }

    private static RoadmapTask NewTask(
        string id, int step, string title, string produces, IReadOnlyList<RequirementRef> satisfies, string basis, IReadOnlySet<RequirementRef> satisfied) =>
        new(id, step, title, produces, satisfies, basis, ProgressOf(satisfies, satisfied));

    private static bool IsDefinite(Relationship r) => r is Relationship.Equal or Relationship.SupersetOf or Relationship.SubsetOf;

    private static RequirementRef Iso(string id) => new(FrameworkIds.Iso27001v2022, id);

    private static RequirementRef Soc2(string id) => new(FrameworkIds.Soc2v2017, id);
}
