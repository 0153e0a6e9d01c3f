using Trellis.Core.Evidence;
using Trellis.Core.Program;

namespace Trellis.Core.Readiness;

/// <summary>Whether a judgement holds today, and if not, why.</summary>
/// <param name="Judgement">The judgement.</param>
/// <param name="Active">True while every control and evidence version it relied on still stands.</param>
/// <param name="LapsedBecause">Why it lapsed, one line per reason; empty while active.</param>
public sealed record JudgementState(Judgement Judgement, bool Active, IReadOnlyList<string> LapsedBecause);

/// <summary>Rule 8: a sufficiency judgement lapses by itself when what it relied on changes or goes stale.</summary>
public static class Judgements
{
    /// <summary>
    /// Checks a judgement against the program today. A sufficiency judgement lapses when a control it names is gone,
    /// changed status or mappings, is not implemented or no longer operates (its evidence is stale or missing), or when an evidence
    /// version it names is gone. A not-relevant judgement does not lapse.
    /// </summary>
    public static JudgementState Check(Judgement judgement, ComplianceProgram program, IReadOnlyDictionary<string, ControlState> states)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        ArgumentNullException.ThrowIfNull(program);
        return Check(judgement, program, states, Versions(program, [judgement]));
    }

    private static JudgementState Check(Judgement judgement, ComplianceProgram program, IReadOnlyDictionary<string, ControlState> states, HashSet<(string, int)> versions)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (judgement.Kind == JudgementKind.NotRelevant)
        {
            return new JudgementState(judgement, true, []);
        }

        var reasons = new List<string>();
        foreach (var judged in judgement.Controls)
        {
            if (!states.TryGetValue(judged.Id, out var state))
            {
                reasons.Add($"{judged.Id} no longer exists");
                continue;
            }

            if (state.Control.Status != judged.Status)
            {
                reasons.Add($"{judged.Id} changed status from {judged.Status.ToWire()} to {state.Control.Status.ToWire()}");
            }

            if (!JudgedControl.MappingsOf(state.Control).SequenceEqual(judged.Mappings, StringComparer.Ordinal))
            {
                reasons.Add($"{judged.Id} changed its mappings");
            }

            if (state.Control.Status != ImplementationStatus.Implemented)
            {
                // A control that is not in place meets nothing, whatever was judged about it.
                reasons.Add($"{judged.Id} is {state.Control.Status.ToWire()}, not implemented");
            }
            else if (!state.Operating)
            {
                reasons.Add($"{judged.Id}'s evidence is {state.Freshness.ToWire()}");
            }
        }

        reasons.AddRange(judgement.Evidence.Where(e => !versions.Contains((e.Evidence, e.Version))).Select(e => $"evidence {e.Evidence} version {e.Version} no longer exists"));
        return new JudgementState(judgement, reasons.Count == 0, reasons);
    }

    /// <summary>Every judgement of the program checked as <see cref="Check"/> does, reading the evidence once for all of them.</summary>
    public static IReadOnlyList<JudgementState> CheckAll(ComplianceProgram program, IReadOnlyDictionary<string, ControlState> states)
    {
        ArgumentNullException.ThrowIfNull(program);
        var versions = Versions(program, program.Judgements);
        return [.. program.Judgements.Select(j => Check(j, program, states, versions))];
    }

    // The (evidence, version) pairs that exist among those the judgements name: one pass over the evidence.
    private static HashSet<(string, int)> Versions(ComplianceProgram program, IEnumerable<Judgement> judgements)
    {
        var named = judgements.SelectMany(j => j.Evidence).Select(e => e.Evidence).ToHashSet(StringComparer.Ordinal);
        return named.Count == 0 ? [] : [.. program.Evidence.Where(e => named.Contains(e.Id)).SelectMany(e => e.Versions.Select(v => (e.Id, v.Number)))];
    }
}
