using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;

namespace Trellis.Core.Advice;

/// <summary>How far a roadmap task has come, from the requirements the program already satisfies.</summary>
public enum TaskProgress
{
    /// <summary>None of the task's requirements is satisfied yet (wire name <c>not-started</c>).</summary>
    NotStarted,

    /// <summary>Some are (wire name <c>in-progress</c>).</summary>
    InProgress,

    /// <summary>All are (wire name <c>done</c>).</summary>
    Done,
}

/// <summary>
/// The service commitments that bring an optional Trust Services category into a SOC 2 report
/// (docs/audit-cycle.md §1.2: Security is always in scope; the others are added by choice).
/// </summary>
[Flags]
public enum ServiceCommitments
{
    /// <summary>Commitments cover security only.</summary>
    None = 0,

    /// <summary>Uptime, service levels or recovery times are promised: Availability (A1).</summary>
    Availability = 1,

    /// <summary>Customer information designated confidential is protected by contract: Confidentiality (C1).</summary>
    Confidentiality = 2,

    /// <summary>Processing is promised complete, valid, accurate, timely and authorized: Processing Integrity (PI1).</summary>
    ProcessingIntegrity = 4,

    /// <summary>Personal information is collected, used, kept or disclosed: Privacy (P1–P8).</summary>
    Privacy = 8,
}

/// <summary>One of the guide's four combined-implementation steps.</summary>
/// <param name="Number">1 to 4, in the guide's order.</param>
/// <param name="Title">What the step achieves.</param>
/// <param name="Guide">The guide's wording of the step ("Combined Implementation Strategy").</param>
public sealed record RoadmapStep(int Number, string Title, string Guide);

/// <summary>One task of the roadmap.</summary>
/// <param name="Id">Stable ID, e.g. <c>isms-soa</c>, <c>tsc-availability</c>, <c>reuse-cc6.1</c>, <c>sync-audits</c>.</param>
/// <param name="Step">The step it belongs to (1–4).</param>
/// <param name="Title">What to do.</param>
/// <param name="Produces">The document, record or outcome it leaves behind.</param>
/// <param name="Satisfies">The requirements it satisfies; never empty. The task is done when all of them are satisfied.</param>
/// <param name="Basis">The clause, fact or crosswalk link it rests on.</param>
/// <param name="Status">Progress, from the satisfied requirements given to <see cref="RoadmapPlanner.Plan"/>.</param>
public sealed record RoadmapTask(
    string Id, int Step, string Title, string Produces, IReadOnlyList<RequirementRef> Satisfies, string Basis, TaskProgress Status);

/// <summary>
/// ISO evidence reused for a SOC 2 criterion (domain rule 6): it counts fully when the ISO requirement is
/// equal to or a superset of the criterion, otherwise it is supporting evidence a reviewer must accept.
/// </summary>
/// <param name="Iso">The ISO/IEC 27001 requirement.</param>
/// <param name="Criterion">The SOC 2 criterion it serves.</param>
/// <param name="Relationship">ISO requirement relative to the criterion (equal, superset-of or subset-of).</param>
public sealed record EvidenceReuse(RequirementRef Iso, RequirementRef Criterion, Relationship Relationship)
{
    /// <summary>True under rule 1 (equal or superset-of): the evidence counts fully for both audits.</summary>
    public bool CountsFully => Relationship.Satisfies();
}

/// <summary>The guide's combined implementation strategy made concrete for one organization.</summary>
/// <param name="Steps">The four steps.</param>
/// <param name="Categories">Trust Services categories in scope (wire names), Security first.</param>
/// <param name="Tasks">Every task, ordered by step and then as the standards order their requirements.</param>
/// <param name="Reuse">ISO requirements serving the in-scope criteria through equal, superset-of or subset-of links.</param>
public sealed record Roadmap(
    IReadOnlyList<RoadmapStep> Steps, IReadOnlyList<string> Categories, IReadOnlyList<RoadmapTask> Tasks, IReadOnlyList<EvidenceReuse> Reuse);

/// <summary>Wire names of roadmap values.</summary>
public static class RoadmapWire
{
    private static readonly WireNames<TaskProgress> Progress = new(new Dictionary<TaskProgress, string>
    {
        [TaskProgress.NotStarted] = "not-started",
        [TaskProgress.InProgress] = "in-progress",
        [TaskProgress.Done] = "done",
    });

    /// <summary>Wire name of a progress state: <c>not-started</c>, <c>in-progress</c> or <c>done</c>.</summary>
    public static string ToWire(this TaskProgress progress) => Progress[progress];

    /// <summary>Parses a progress wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out TaskProgress progress) => Progress.TryParse(text, out progress);

    /// <summary>The category wire names (<see cref="TscCategories.All"/>) a set of commitments brings into scope, Security always first.</summary>
    public static IReadOnlyList<string> CategoriesFor(ServiceCommitments commitments) =>
        TscCategories.All.Where((_, i) => i == 0 || commitments.HasFlag((ServiceCommitments)(1 << (i - 1)))).ToList();

    /// <summary>
    /// Parses a comma-separated list of category wire names (e.g. <c>availability,privacy</c>); <c>security</c>
    /// is accepted and ignored (always in scope). Unknown names fail with the nearest valid ones.
    /// </summary>
    public static Result<ServiceCommitments> ParseCategories(string? text)
    {
        var result = ServiceCommitments.None;
        foreach (var name in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var i = TscCategories.All.ToList().IndexOf(name.ToLowerInvariant());
            if (i < 0)
            {
                var near = Suggestions.Nearest(name, TscCategories.All);
                return new Error(ErrorCodes.UnknownCategory, $"unknown Trust Services category '{name}'; did you mean {string.Join(", ", near)}?");
            }

            result |= i == 0 ? ServiceCommitments.None : (ServiceCommitments)(1 << (i - 1));
        }

        return result;
    }
}
