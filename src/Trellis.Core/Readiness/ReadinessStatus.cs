using Trellis.Core.Common;

namespace Trellis.Core.Readiness;

/// <summary>How ready the program is for one requirement.</summary>
public enum ReadinessStatus
{
    /// <summary>An implemented control with fresh evidence fully meets it (equal or superset, directly or through the crosswalk).</summary>
    Covered,

    /// <summary>Something operates toward it, but not enough: a partial relationship, or evidence that is stale or missing.</summary>
    Partial,

    /// <summary>Nothing operating addresses it.</summary>
    Gap,

    /// <summary>Out of scope: excluded in the SoA, or a TSC category not in the report.</summary>
    NotApplicable,

    /// <summary>
    /// Judged not relevant to the entity's system by a person, with a justification (rule 8; a SOC 2 point of focus is
    /// guidance, not a requirement): it does not count towards its parent.
    /// </summary>
    NotRelevant,
}

/// <summary>Wire names of <see cref="ReadinessStatus"/>.</summary>
public static class ReadinessStatuses
{
    private static readonly WireNames<ReadinessStatus> Wire = new(new Dictionary<ReadinessStatus, string>
    {
        [ReadinessStatus.Covered] = "covered",
        [ReadinessStatus.Partial] = "partial",
        [ReadinessStatus.Gap] = "gap",
        [ReadinessStatus.NotApplicable] = "not-applicable",
        [ReadinessStatus.NotRelevant] = "not-relevant",
    });

    /// <summary>All wire names, in declaration order.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary><c>covered</c>, <c>partial</c>, <c>gap</c>, <c>not-applicable</c>, <c>not-relevant</c>.</summary>
    public static string ToWire(this ReadinessStatus s) => Wire[s];

    /// <summary>Not applicable or judged not relevant: it does not count towards its parent or the framework's coverage.</summary>
    public static bool IsOutOfScope(this ReadinessStatus s) => s is ReadinessStatus.NotApplicable or ReadinessStatus.NotRelevant;

    /// <summary>Parses a wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out ReadinessStatus status) => Wire.TryParse(text, out status);
}

/// <summary>The readiness of one requirement and why.</summary>
/// <param name="Id">Requirement ID.</param>
/// <param name="Title">Requirement title.</param>
/// <param name="Status">Covered, partial, gap, not applicable or not relevant.</param>
/// <param name="Controls">Controls that contribute (operating or not), in ID order.</param>
/// <param name="Evidence">Evidence items of the contributing controls that are fresh today.</param>
/// <param name="Reasons">Why, one line per fact.</param>
/// <param name="Closers">For anything not covered: what would close it.</param>
public sealed record RequirementReadiness(
    string Id,
    string Title,
    ReadinessStatus Status,
    IReadOnlyList<string> Controls,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Closers)
{
    /// <summary>
    /// For a SOC 2 criterion: the readiness of each of its points of focus, in the AICPA's order (they are nested here,
    /// not listed in <see cref="ReadinessReport.Requirements"/>); empty otherwise.
    /// </summary>
    public IReadOnlyList<RequirementReadiness> PointsOfFocus { get; init; } = [];

    /// <summary>The judgement recorded for this requirement, and whether it holds today; null when there is none.</summary>
    public JudgementState? Judgement { get; init; }
}

/// <summary>Readiness of a whole framework.</summary>
/// <param name="Framework">Framework ID.</param>
/// <param name="AsOf">The day readiness was judged.</param>
/// <param name="CreditedFrom">When set, only control mappings into this framework were credited (e.g. "what remains for SOC 2 after ISO").</param>
/// <param name="Requirements">One entry per requirement, in the standard's order.</param>
public sealed record ReadinessReport(string Framework, DateOnly AsOf, string? CreditedFrom, IReadOnlyList<RequirementReadiness> Requirements)
{
    /// <summary>Counts per status (every status present, zero when none).</summary>
    public IReadOnlyDictionary<ReadinessStatus, int> Summary =>
        Enum.GetValues<ReadinessStatus>().ToDictionary(s => s, s => Requirements.Count(r => r.Status == s));
}
