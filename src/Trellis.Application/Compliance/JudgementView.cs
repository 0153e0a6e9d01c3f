using Trellis.Core.Program;
using Trellis.Core.Readiness;

namespace Trellis.Application.Compliance;

/// <summary>
/// A judgement (rule 8) and whether it holds today, as the API and the CLI show it: <c>state</c> is <c>active</c> or
/// <c>lapsed</c>, with <c>lapsedBecause</c>.
/// </summary>
public sealed record JudgementView(string Kind, string By, DateTimeOffset At, string Rationale, IReadOnlyList<string> Controls, string State, IReadOnlyList<string> LapsedBecause)
{
    /// <summary>The view of <paramref name="s"/>, or null when there is no judgement.</summary>
    public static JudgementView? From(JudgementState? s) => s is null ? null : new(
        s.Judgement.Kind.ToWire(), s.Judgement.By, s.Judgement.At, s.Judgement.Rationale, [.. s.Judgement.Controls.Select(c => c.Id)],
        s.Active ? "active" : "lapsed", s.LapsedBecause);
}
