using Trellis.Content.Demo;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Testing;

namespace Trellis.Content.Tests.Demo;

/// <summary>The demo's three judgements (rule 8): one not relevant, one sufficient that holds, one sufficient that has lapsed.</summary>
public class DemoJudgementTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);
    private static readonly ComplianceProgram P = DemoProgram.Create(FixedClock.At(2026, 3, 15, 10)).Program;
    private static readonly IReadOnlyDictionary<string, ControlState> States = ControlState.Index(P, Today, new FreshnessPolicy());

    private static Judgement Of(string requirement) => P.Judgements.Single(j => j.Requirement.ToString() == requirement);

    [Fact]
    public void Create_ThreeJudgementsByTheComplianceLead_InThePast()
    {
        Assert.Equal(["soc2-2017:CC1.2-POF3", "soc2-2017:CC3.2-POF3", "soc2-2017:CC6.3-POF4"], P.Judgements.Select(j => j.Requirement.ToString()));
        Assert.All(P.Judgements, j => Assert.Equal("tom.becker@northwind.example", j.By));
        Assert.All(P.Judgements, j => Assert.True(j.At < new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero), $"{j.Requirement} at {j.At}"));
        Assert.All(P.Judgements, j => Assert.False(string.IsNullOrWhiteSpace(j.Rationale)));
    }

    [Fact]
    public void Create_NoIndependentBoard_IsNotRelevantAndReliesOnNothing()
    {
        var judgement = Of("soc2-2017:CC1.2-POF3");

        Assert.Equal(JudgementKind.NotRelevant, judgement.Kind);
        Assert.Empty(judgement.Controls);
        Assert.Empty(judgement.Evidence);
        Assert.Contains("No independent board", judgement.Rationale, StringComparison.Ordinal);
        Assert.True(Judgements.Check(judgement, P, States).Active);
    }

    [Fact]
    public void Create_RiskAssessmentJudgement_HoldsOnTheLatestEvidence()
    {
        var judgement = Of("soc2-2017:CC3.2-POF3");
        var state = Judgements.Check(judgement, P, States);

        Assert.Equal(JudgementKind.Sufficient, judgement.Kind);
        Assert.Equal(["AC-06", "AC-07"], judgement.Controls.Select(c => c.Id));
        Assert.True(state.Active, string.Join("; ", state.LapsedBecause));

        // Every evidence item of AC-06 and AC-07, at its newest version.
        var expected = P.Evidence.Where(e => e.ControlIds.Contains("AC-06") || e.ControlIds.Contains("AC-07")).Select(e => (e.Id, e.Versions[^1].Number));
        Assert.Equal(expected, judgement.Evidence.Select(e => (e.Evidence, e.Version)));
    }

    [Fact]
    public void Create_AccessReviewJudgement_HasLapsedBecauseAc22IsStale()
    {
        var judgement = Of("soc2-2017:CC6.3-POF4");
        var state = Judgements.Check(judgement, P, States);

        Assert.Equal(["AC-22", "AC-39"], judgement.Controls.Select(c => c.Id));
        Assert.NotEmpty(judgement.Evidence);
        Assert.False(state.Active);
        Assert.Equal(["AC-22's evidence is stale"], state.LapsedBecause);
    }
}
