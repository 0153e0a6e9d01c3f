using System.Globalization;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;

namespace Trellis.Core.Advice;

/// <summary>One reason behind a recommendation, tied to the criterion that produced it.</summary>
/// <param name="Criterion">The input criterion.</param>
/// <param name="Answer">The answer given, as its wire text (e.g. <c>us</c>, <c>2027-03-31</c>, <c>soc2-type2</c>).</param>
/// <param name="Rule">The decision-table row that applied.</param>
public sealed record AdviceReason(DecisionCriterion Criterion, string Answer, DecisionRule Rule)
{
    /// <summary>What the answer did to the decision, and why (<see cref="DecisionRule.Effect"/>).</summary>
    public string Effect => Rule.Effect;
}

/// <summary>The advisor's decision before the overlap is computed.</summary>
/// <param name="Recommendation">Which framework to pursue first.</param>
/// <param name="Soc2Score">Points for SOC 2.</param>
/// <param name="IsoScore">Points for ISO/IEC 27001.</param>
/// <param name="DecidedBy">The precedence step that settled it, in one line.</param>
/// <param name="Reasons">One reason per answered criterion, in criterion order.</param>
public sealed record Decision(
    Recommendation Recommendation, int Soc2Score, int IsoScore, string DecidedBy, IReadOnlyList<AdviceReason> Reasons)
{
    /// <summary>
    /// The framework done first — for <see cref="Recommendation.AddSoc2"/> and <see cref="Recommendation.AddIso"/> the one
    /// already held: SOC 2 for <see cref="Recommendation.Soc2First"/> and <see cref="Recommendation.AddIso"/>, otherwise
    /// ISO/IEC 27001 (the guide's order for both).
    /// </summary>
    public string First => Recommendation is Recommendation.Soc2First or Recommendation.AddIso ? FrameworkIds.Soc2v2017 : FrameworkIds.Iso27001v2022;

    /// <summary>The other framework.</summary>
    public string Second => First == FrameworkIds.Soc2v2017 ? FrameworkIds.Iso27001v2022 : FrameworkIds.Soc2v2017;
}

/// <summary>A decision with what the second framework adds on top of the first.</summary>
/// <param name="Decision">The recommendation and its reasons.</param>
/// <param name="Overlap">Requirements of the second framework full, partial or gap after all of the first.</param>
public sealed record Advice(Decision Decision, FrameworkOverlap Overlap);

/// <summary>
/// Answers "SOC 2 or ISO/IEC 27001 first?" from the guide's strategic decision criteria with the deterministic,
/// explained rules of <see cref="DecisionTable"/>, and prices the second framework from the crosswalk.
/// </summary>
public static class Advisor
{
    /// <summary>Decides with today's date taken from <paramref name="time"/> (UTC calendar date).</summary>
    public static Result<Decision> Decide(AdvisorAnswers answers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Decide(answers, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
    }

    /// <summary>
    /// Applies the decision table: sums the points of every answered criterion, then settles by precedence —
    /// existing reports or certificates; buyers wanting both; a point difference within
    /// <see cref="DecisionTable.CloseMargin"/> (both); otherwise the higher score goes first.
    /// </summary>
    /// <param name="answers">The questionnaire.</param>
    /// <param name="today">The date deadlines are measured from.</param>
    /// <returns>The decision, or <c>deadline-passed</c> when the deadline is before <paramref name="today"/>.</returns>
    public static Result<Decision> Decide(AdvisorAnswers answers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var reasons = new List<AdviceReason>
        {
            Reason(DecisionCriterion.Market, answers.Market.ToWire()),
            Reason(DecisionCriterion.Buyers, answers.Buyers.ToWire()),
            Reason(DecisionCriterion.Maturity, answers.Maturity.ToWire()),
            Reason(DecisionCriterion.Architecture, answers.Architecture.ToWire()),
        };

        if (answers.Deadline is { } deadline)
        {
            var text = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (deadline < today)
            {
                return new Error(ErrorCodes.DeadlinePassed, $"deadline {text} is before today ({today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})");
            }

            var tight = deadline < today.AddMonths(DecisionTable.TightDeadlineMonths);
            reasons.Add(new AdviceReason(DecisionCriterion.Deadline, text, DecisionTable.Find(DecisionCriterion.Deadline, tight ? "tight" : "ample")));
        }

        if (answers.Existing.Count > 0)
        {
            var soc2Type = answers.Existing.Contains(ExistingAssurance.Soc2Type2) ? "soc2-type2"
                : answers.Existing.Contains(ExistingAssurance.Soc2Type1) ? "soc2-type1" : null;
            var hasIso = answers.Existing.Contains(ExistingAssurance.Iso27001);
            var key = soc2Type is not null && hasIso ? "soc2+iso27001" : soc2Type ?? "iso27001";
            var text = string.Join(",", answers.Existing.Order().Select(e => e.ToWire()));
            reasons.Add(new AdviceReason(DecisionCriterion.Existing, text, DecisionTable.Find(DecisionCriterion.Existing, key)));
        }

        var soc2 = reasons.Sum(r => r.Rule.Soc2Points);
        var iso = reasons.Sum(r => r.Rule.IsoPoints);
        var (recommendation, decidedBy) = Settle(reasons, soc2, iso);
        return new Decision(recommendation, soc2, iso, decidedBy, reasons);
    }

    /// <summary>Decides and computes the overlap from the first framework to the second over the whole crosswalk.</summary>
    /// <param name="answers">The questionnaire.</param>
    /// <param name="engine">The crosswalk (e.g. the shipped one); must contain <see cref="FrameworkIds.Iso27001v2022"/> and <see cref="FrameworkIds.Soc2v2017"/>.</param>
    /// <param name="today">The date deadlines are measured from.</param>
    public static Result<Advice> Advise(AdvisorAnswers answers, CrosswalkEngine engine, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var decision = Decide(answers, today);
        if (!decision.IsSuccess)
        {
            return decision.Error!;
        }

        var overlap = FrameworkOverlap.Compute(engine, decision.Value.First, decision.Value.Second);
        return overlap.IsSuccess ? new Advice(decision.Value, overlap.Value) : overlap.Error!;
    }

    /// <summary>As <see cref="Advise(AdvisorAnswers, CrosswalkEngine, DateOnly)"/>, with today from <paramref name="time"/>.</summary>
    public static Result<Advice> Advise(AdvisorAnswers answers, CrosswalkEngine engine, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Advise(answers, engine, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
    }

    private static AdviceReason Reason(DecisionCriterion criterion, string answer) =>
        new(criterion, answer, DecisionTable.Find(criterion, answer));

    private static (Recommendation, string) Settle(List<AdviceReason> reasons, int soc2, int iso)
    {
        // Precedence: what is already held fixes the order; then a forced answer (buyers: both); then points.
        foreach (var criterion in new[] { DecisionCriterion.Existing, DecisionCriterion.Buyers })
        {
            var forcing = reasons.FirstOrDefault(r => r.Criterion == criterion && r.Rule.Forces is not null);
            if (forcing is not null)
            {
                return (forcing.Rule.Forces!.Value, $"{criterion.ToWire()}={forcing.Answer} forces {forcing.Rule.Forces.Value.ToWire()}");
            }
        }

        var difference = soc2 - iso;
        var score = string.Create(CultureInfo.InvariantCulture, $"soc2 {soc2} vs iso {iso}");
        return Math.Abs(difference) <= DecisionTable.CloseMargin
            ? (Recommendation.Both, $"{score}: within {DecisionTable.CloseMargin} point, too close to call")
            : difference > 0
                ? (Recommendation.Soc2First, $"{score}: SOC 2 leads")
                : (Recommendation.IsoFirst, $"{score}: ISO/IEC 27001 leads");
    }
}
