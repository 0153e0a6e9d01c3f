using Trellis.Content.Demo;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Testing;

namespace Trellis.Content.Tests.Demo;

/// <summary>
/// The demo's judgements (rule 8), checked one by one against the reference list of points of focus and against the
/// program as it stood when each was recorded: who, what was relied on, and a rationale in our own words.
/// </summary>
public class DemoJudgementTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);
    private static readonly ComplianceProgram P = DemoProgram.Create(FixedClock.At(2026, 3, 15, 10)).Program;
    private static readonly IReadOnlyDictionary<string, ControlState> States = ControlState.Index(P, Today, new FreshnessPolicy());

    // The AICPA's 330 points of focus by ID, with the heading Trellis may cite (tests/reference/domain).
    private static readonly IReadOnlyDictionary<string, string> Headings =
        ReferenceData.Csv("soc2-tsc-2017-points-of-focus.csv").ToDictionary(r => r["id"], r => r["heading"]);

    public static TheoryData<string> Judged() => [.. P.Judgements.Select(j => j.Requirement.Requirement)];

    private static Judgement Of(string requirement) => P.Judgements.Single(j => j.Requirement.Requirement == requirement);

    [Fact]
    public void Create_EveryJudgementByTheComplianceLead_InThePast_OncePerPointOfFocus()
    {
        Assert.All(P.Judgements, j => Assert.Equal("tom.becker@northwind.example", j.By));
        Assert.All(P.Judgements, j => Assert.True(j.At < new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero), $"{j.Requirement} at {j.At}"));
        Assert.Equal(P.Judgements.Count, P.Judgements.Select(j => j.Requirement).Distinct().Count());
        Assert.InRange(P.Judgements.Count, 40, 120);
    }

    [Theory]
    [MemberData(nameof(Judged))]
    public void Create_JudgesOnlyPointsOfFocusOfTheReferenceList(string requirement)
    {
        var judgement = Of(requirement);

        Assert.Equal("soc2-2017", judgement.Requirement.Framework);
        Assert.True(Headings.ContainsKey(requirement), $"{requirement} is not a point of focus of the 2017 criteria (2022 revision)");
    }

    [Theory]
    [MemberData(nameof(Judged))]
    public void Create_RationaleIsOurOwnWords(string requirement)
    {
        var rationale = Of(requirement).Rationale;

        Assert.True(rationale.Length >= 80, $"{requirement}: rationale of {rationale.Length} characters says too little");
        Assert.DoesNotContain(Headings[requirement], rationale, StringComparison.OrdinalIgnoreCase);

        // The AICPA describes each point of focus in sentences about "the entity"; ours speak of Northwind and its controls,
        // and cite other points of focus by ID only: no heading of four words or more appears in a rationale.
        Assert.DoesNotContain("the entity", rationale, StringComparison.OrdinalIgnoreCase);
        Assert.All(Headings.Values.Where(h => h.Split(' ').Length >= 4), h => Assert.DoesNotContain(h, rationale, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Judged))]
    public void Create_SufficiencyReliesOnImplementedControlsOperatingWhenJudged(string requirement)
    {
        var judgement = Of(requirement);
        if (judgement.Kind == JudgementKind.NotRelevant)
        {
            Assert.Empty(judgement.Controls);
            Assert.Empty(judgement.Evidence);
            return;
        }

        var day = DateOnly.FromDateTime(judgement.At.UtcDateTime);
        Assert.NotEmpty(judgement.Controls);
        Assert.All(judgement.Controls, judged =>
        {
            var control = Assert.Single(P.Controls, c => c.Id == judged.Id);
            Assert.Equal(ImplementationStatus.Implemented, control.Status);
            Assert.Equal(ImplementationStatus.Implemented, judged.Status);

            // Fresh on the day of the judgement, counting only evidence collected by then.
            var known = P.Evidence.Where(e => e.ControlIds.Contains(judged.Id))
                .SelectMany(e => e.Versions).Where(v => v.CollectedAt <= judgement.At).Select(v => (DateOnly?)v.EffectiveEnd).Max();
            Assert.True(
                new FreshnessPolicy().Judge(control.Cadence, known, day) == FreshnessState.Fresh,
                $"{requirement}: {judged.Id} was not operating on {day} (latest evidence {known})");
        });

        // Every evidence version relied on belongs to a judged control and had been collected by then.
        var ids = judgement.Controls.Select(c => c.Id).ToHashSet();
        Assert.NotEmpty(judgement.Evidence);
        Assert.All(judgement.Evidence, e =>
        {
            var item = Assert.Single(P.Evidence, x => x.Id == e.Evidence);
            Assert.Contains(item.ControlIds, ids.Contains);
            Assert.True(item.Versions.Single(v => v.Number == e.Version).CollectedAt <= judgement.At, $"{requirement}: {e.Evidence} v{e.Version} collected later");
        });
    }

    [Fact]
    public void Create_AllButTheAccessReviewJudgementStillHold()
    {
        var lapsed = P.Judgements.Select(j => Judgements.Check(j, P, States)).Where(s => !s.Active).Select(s => s.Judgement.Requirement.Requirement);

        Assert.Equal(["CC6.3-POF4"], lapsed);
    }

    [Fact]
    public void Create_NoIndependentBoard_IsNotRelevantAndReliesOnNothing()
    {
        var judgement = Of("CC1.2-POF3");

        Assert.Equal(JudgementKind.NotRelevant, judgement.Kind);
        Assert.Contains("No independent board", judgement.Rationale, StringComparison.Ordinal);
        Assert.True(Judgements.Check(judgement, P, States).Active);
    }

    [Fact]
    public void Create_RiskAssessmentJudgement_HoldsOnTheLatestEvidence()
    {
        var judgement = Of("CC3.2-POF3");
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
        var judgement = Of("CC6.3-POF4");
        var state = Judgements.Check(judgement, P, States);

        Assert.Equal(["AC-22", "AC-39"], judgement.Controls.Select(c => c.Id));
        Assert.NotEmpty(judgement.Evidence);
        Assert.False(state.Active);
        Assert.Equal(["AC-22's evidence is stale"], state.LapsedBecause);
    }
}
