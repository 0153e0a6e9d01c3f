using Trellis.Core.Frameworks;
using Trellis.Core.Program;

namespace Trellis.Core.Readiness;

/// <summary>Rule 8: judgements of sufficiency and relevance applied to readiness.</summary>
public static partial class ReadinessAnalysis
{
    /// <summary>
    /// A requirement judged not relevant does not count (its parent is judged without it); one
    /// judged sufficiently met counts as covered while the judgement holds; a lapsed judgement changes nothing but says
    /// why it lapsed and asks for a review.
    /// </summary>
    private static void ApplyJudgements(Dictionary<string, RequirementReadiness> own, ComplianceProgram program, Framework fw, IReadOnlyDictionary<string, ControlState> states)
    {
        foreach (var state in Judgements.CheckAll(program, states).Where(s => s.Judgement.Requirement.Framework == fw.Id && own.ContainsKey(s.Judgement.Requirement.Requirement)))
        {
            var judgement = state.Judgement;
            var id = judgement.Requirement.Requirement;
            var mine = own[id];
            if (mine.Status == ReadinessStatus.NotApplicable && judgement.Kind == JudgementKind.Sufficient)
            {
                continue;
            }

            var who = $"{judgement.By} on {judgement.At.UtcDateTime:yyyy-MM-dd}";
            own[id] = (judgement.Kind, state.Active) switch
            {
                (JudgementKind.NotRelevant, _) => mine with
                {
                    Status = ReadinessStatus.NotRelevant,
                    Reasons = [$"judged not relevant by {who}: {judgement.Rationale}"],
                    Closers = [],
                    Judgement = state,
                },
                (_, true) => mine with
                {
                    Status = ReadinessStatus.Covered,
                    Controls = Union(mine.Controls, judgement.Controls.Select(c => c.Id)),
                    Evidence = Union(mine.Evidence, judgement.Controls.SelectMany(c => states.TryGetValue(c.Id, out var s) ? s.FreshEvidence : [])),
                    Reasons = [$"judged sufficiently met by {string.Join(", ", judgement.Controls.Select(c => c.Id))} ({who}): {judgement.Rationale}", .. mine.Reasons],
                    Closers = [],
                    Judgement = state,
                },
                _ => mine with
                {
                    Reasons = [.. mine.Reasons, $"the judgement of {who} lapsed: {string.Join("; ", state.LapsedBecause)}"],
                    Closers = [$"review the lapsed judgement of {id}", .. mine.Closers],
                    Judgement = state,
                },
            };
        }
    }
}
