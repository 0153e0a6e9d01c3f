using Trellis.Core.Common;

namespace Trellis.Core.Advice;

/// <summary>The input criteria the advisor weighs; each produces exactly one reason when it is answered.</summary>
public enum DecisionCriterion
{
    /// <summary>Target market (wire name <c>market</c>).</summary>
    Market,

    /// <summary>Buyer expectations (wire name <c>buyers</c>).</summary>
    Buyers,

    /// <summary>Organizational maturity (wire name <c>maturity</c>).</summary>
    Maturity,

    /// <summary>Product architecture (wire name <c>architecture</c>).</summary>
    Architecture,

    /// <summary>The date buyers need assurance by (wire name <c>deadline</c>); only when given.</summary>
    Deadline,

    /// <summary>Reports and certificates already held (wire name <c>existing</c>); only when some are.</summary>
    Existing,
}

/// <summary>The advisor's answer: which framework to pursue first.</summary>
public enum Recommendation
{
    /// <summary>SOC 2 first, then ISO/IEC 27001 (wire name <c>soc2-first</c>).</summary>
    Soc2First,

    /// <summary>ISO/IEC 27001 first, then SOC 2 (wire name <c>iso-first</c>).</summary>
    IsoFirst,

    /// <summary>Both on one program, ISMS as the baseline (wire name <c>both</c>; the guide's combined strategy).</summary>
    Both,

    /// <summary>An ISO/IEC 27001 certificate is held: add SOC 2 to the same program (wire name <c>add-soc2</c>).</summary>
    AddSoc2,

    /// <summary>A SOC 2 report is held: add ISO/IEC 27001 to the same program (wire name <c>add-iso27001</c>).</summary>
    AddIso,
}

/// <summary>
/// One row of the decision table: for an answer to a criterion, the points it gives SOC 2 and ISO/IEC 27001,
/// or the recommendation it forces, and why.
/// </summary>
/// <param name="Criterion">The criterion the row belongs to.</param>
/// <param name="Answer">The answer it matches: a wire name, or for deadline <c>tight</c>/<c>ample</c>, for existing <c>soc2-type1</c>/<c>soc2-type2</c>/<c>iso27001</c>/<c>soc2+iso27001</c>.</param>
/// <param name="Soc2Points">Points added to SOC 2.</param>
/// <param name="IsoPoints">Points added to ISO/IEC 27001.</param>
/// <param name="Forces">A recommendation this answer imposes regardless of points, or null.</param>
/// <param name="Because">Why, citing the guide or docs/audit-cycle.md.</param>
public sealed record DecisionRule(
    DecisionCriterion Criterion, string Answer, int Soc2Points, int IsoPoints, Recommendation? Forces, string Because)
{
    /// <summary>The effect in one line, e.g. <c>soc2 +2: …</c>, <c>forces both: …</c> or <c>no effect: …</c>.</summary>
    public string Effect => Forces is { } forced ? $"forces {forced.ToWire()}: {Because}"
        : Soc2Points > 0 ? $"soc2 +{Soc2Points}: {Because}"
        : IsoPoints > 0 ? $"iso +{IsoPoints}: {Because}"
        : $"no effect: {Because}";
}

/// <summary>
/// The advisor's decision table as data. Points follow the guide's "Strategic Decision Criteria" table:
/// a direct buyer demand weighs 3, the target market 2, maturity and architecture 1 each, a tight deadline
/// 2 for the path reachable fastest. Precedence: existing reports or certificates, then buyers wanting both,
/// then the point difference (within <see cref="CloseMargin"/> means <see cref="Recommendation.Both"/>).
/// </summary>
public static class DecisionTable
{
    private static readonly WireNames<DecisionCriterion> Criteria = new(new Dictionary<DecisionCriterion, string>
    {
        [DecisionCriterion.Market] = "market",
        [DecisionCriterion.Buyers] = "buyers",
        [DecisionCriterion.Maturity] = "maturity",
        [DecisionCriterion.Architecture] = "architecture",
        [DecisionCriterion.Deadline] = "deadline",
        [DecisionCriterion.Existing] = "existing",
    });

    private static readonly WireNames<Recommendation> Recommendations = new(new Dictionary<Recommendation, string>
    {
        [Recommendation.Soc2First] = "soc2-first",
        [Recommendation.IsoFirst] = "iso-first",
        [Recommendation.Both] = "both",
        [Recommendation.AddSoc2] = "add-soc2",
        [Recommendation.AddIso] = "add-iso27001",
    });

    /// <summary>A point difference at or below this is too close to call: the recommendation is both. The value is 1.</summary>
    public const int CloseMargin = 1;

    /// <summary>
    /// A deadline less than this many months after today is tight. The value is 6: a SOC 2 Type 1 or a first
    /// Type 2 with a 3-month window fits (docs/audit-cycle.md §1.1, §1.3); an ISMS that has run through an
    /// internal audit and a management review before stage 2 (§2.2, §2.5 items 14–15) usually does not.
    /// </summary>
    public const int TightDeadlineMonths = 6;

    /// <summary>Every row, criterion by criterion.</summary>
    public static IReadOnlyList<DecisionRule> Rules { get; } =
    [
        new(DecisionCriterion.Market, "us", 2, 0, null,
            "U.S. enterprise buyers expect a SOC 2 report from a CPA firm (guide, Strategic Decision Criteria: Target Market)"),
        new(DecisionCriterion.Market, "global", 0, 2, null,
            "an accredited ISO/IEC 27001 certificate is recognized worldwide (guide, Strategic Decision Criteria: Target Market; Overview: Applicability)"),
        new(DecisionCriterion.Market, "regulated", 0, 2, null,
            "regulated verticals expect an accredited certification of the whole ISMS (guide, Strategic Decision Criteria: Target Market)"),

        new(DecisionCriterion.Buyers, "type2", 3, 0, null,
            "buyers request a SOC 2 Type 2 report, which only a CPA attestation over a period gives (guide, Strategic Decision Criteria: Buyer Expectations; docs/audit-cycle.md §1.1)"),
        new(DecisionCriterion.Buyers, "iso", 0, 3, null,
            "buyers prefer the ISO/IEC 27001 certificate, issued by an accredited certification body (guide, Strategic Decision Criteria: Buyer Expectations; docs/audit-cycle.md §2.2)"),
        new(DecisionCriterion.Buyers, "both", 0, 0, Recommendation.Both,
            "buyers ask for both, so run one program with the ISMS as baseline and SOC 2 for the product (guide, Combined Implementation Strategy)"),
        new(DecisionCriterion.Buyers, "unknown", 0, 0, null,
            "no buyer signal yet; the other criteria decide"),

        new(DecisionCriterion.Maturity, "scaling", 1, 0, null,
            "a system-specific SOC 2 scope lets security practices grow with the product (guide, Strategic Decision Criteria: Organizational Maturity; Key Differences: Audit Scope)"),
        new(DecisionCriterion.Maturity, "formal", 0, 1, null,
            "ISO/IEC 27001 clauses 4–10 formalize security management as an ISMS (guide, Strategic Decision Criteria: Organizational Maturity)"),

        new(DecisionCriterion.Architecture, "saas", 1, 0, null,
            "SOC 2 is drawn around a defined service and its commitments (guide, Strategic Decision Criteria: Product Architecture; Key Differences: Audit Scope)"),
        new(DecisionCriterion.Architecture, "multi-unit", 0, 1, null,
            "ISO/IEC 27001 certifies an organization-wide ISMS whose scope can span business units (clause 4.3; guide, Strategic Decision Criteria: Product Architecture)"),

        new(DecisionCriterion.Deadline, "tight", 2, 0, null,
            $"less than {TightDeadlineMonths} months away: a SOC 2 Type 1 (design as of a date) or a first Type 2 with a 3-month window is reachable sooner than ISO stage 1 and stage 2 on an ISMS that has already run its internal audit and management review (docs/audit-cycle.md §1.1, §1.3, §2.2, §2.5)"),
        new(DecisionCriterion.Deadline, "ample", 0, 0, null,
            $"{TightDeadlineMonths} months or more away: time allows either path"),

        new(DecisionCriterion.Existing, "soc2-type1", 0, 0, Recommendation.AddIso,
            "a SOC 2 Type 1 report is already held: add ISO/IEC 27001 to the same program (the overlap shows how much of it the SOC 2 controls already cover), and start the first Type 2 window the day after the Type 1 date, since a Type 1 tests design only (docs/audit-cycle.md §1.1, §1.3)"),
        new(DecisionCriterion.Existing, "soc2-type2", 0, 0, Recommendation.AddIso,
            "a SOC 2 Type 2 report is already held: add ISO/IEC 27001 to the same program (the overlap shows how much of it the SOC 2 controls already cover) and keep the Type 2 windows back to back (docs/audit-cycle.md §1.3, §1.4)"),
        new(DecisionCriterion.Existing, "iso27001", 0, 0, Recommendation.AddSoc2,
            "an ISO/IEC 27001 certificate is already held: add SOC 2 to the same program (the overlap shows how much of it the ISMS already covers) and put its audits in the seasons of the surveillance audits (docs/audit-cycle.md §2.2, §3)"),
        new(DecisionCriterion.Existing, "soc2+iso27001", 0, 0, Recommendation.Both,
            "both are already held: keep them on one program and one audit calendar"),
    ];

    /// <summary>The row for an answer; throws when the table has none (a bug: every answer has a row).</summary>
    public static DecisionRule Find(DecisionCriterion criterion, string answer) =>
        Rules.SingleOrDefault(r => r.Criterion == criterion && r.Answer == answer)
        ?? throw new InvalidOperationException($"decision table has no row for {criterion.ToWire()}={answer}");

    /// <summary>Wire name of a criterion: <c>market</c>, <c>buyers</c>, <c>maturity</c>, <c>architecture</c>, <c>deadline</c>, <c>existing</c>.</summary>
    public static string ToWire(this DecisionCriterion criterion) => Criteria[criterion];

    /// <summary>Parses a criterion wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out DecisionCriterion criterion) => Criteria.TryParse(text, out criterion);

    /// <summary>Wire name of a recommendation: <c>soc2-first</c>, <c>iso-first</c>, <c>both</c>, <c>add-soc2</c> or <c>add-iso27001</c>.</summary>
    public static string ToWire(this Recommendation recommendation) => Recommendations[recommendation];

    /// <summary>Parses a recommendation wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out Recommendation recommendation) => Recommendations.TryParse(text, out recommendation);
}
