using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Testing;
using R = Trellis.Core.Crosswalk.Relationship;

namespace Trellis.Core.Tests.Readiness;

/// <summary>Rule 8 (docs/crosswalk-rules.md): judged sufficiency holds only while what it relied on stands.</summary>
public class JudgementTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateTimeOffset Judged = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static readonly CrosswalkEngine Engine = new CatalogBuilder().Framework("iso", "a").Framework("soc", "c")
        .PointOfFocus("soc:c-1", "soc:c").PointOfFocus("soc:c-2", "soc:c")
        .Link("iso:a", R.SupersetOf, "soc:c-1").Link("iso:a", R.IntersectsWith, "soc:c-2").Engine();

    // AC-01 (= iso:a) fully meets c-1 and meets c-2 only in part; its evidence is fresh unless evidenceAge says otherwise.
    private static ComplianceProgram Program(int evidenceAgeDays = 5, ImplementationStatus status = ImplementationStatus.Implemented) =>
        new ProgramBuilder().Control("AC-01", status, Cadence.Monthly, ("iso:a", R.Equal))
            .Evidence("EV-1", "AC-01", Today.AddDays(-evidenceAgeDays)).Build();

    private static Judgement Sufficient(ComplianceProgram program) => new()
    {
        Requirement = new RequirementRef("soc", "c-2"),
        Kind = JudgementKind.Sufficient,
        Controls = [JudgedControl.Of(program.Controls.Single(c => c.Id == "AC-01"))],
        Evidence = [new JudgedEvidence("EV-1", 1)],
        By = "lead@example.com",
        At = Judged,
        Rationale = "AC-01 also covers the rest of c-2 in our system.",
    };

    private static RequirementReadiness C(ComplianceProgram program) =>
        ReadinessAnalysis.Compute(program, Engine, "soc", Today).Value.Requirements.Single(r => r.Id == "c");

    [Fact]
    public void WithoutJudgement_ThePartialPointKeepsTheCriterionPartial() =>
        Assert.Equal(ReadinessStatus.Partial, C(Program()).Status);

    [Fact]
    public void ActiveSufficiencyJudgement_CoversThePoint_AndSoTheCriterion()
    {
        var program = Program();
        var c = C(program with { Judgements = [Sufficient(program)] });

        Assert.Equal(ReadinessStatus.Covered, c.Status);
        var point = c.PointsOfFocus.Single(p => p.Id == "c-2");
        Assert.True(point.Judgement!.Active);
        Assert.StartsWith("judged sufficiently met by AC-01 (lead@example.com on 2026-11-20)", point.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Judgement_LapsesWhenTheEvidenceItReliedOnGoesStale()
    {
        var judgement = Sufficient(Program());
        var stale = Program(evidenceAgeDays: 120) with { Judgements = [judgement] };

        var c = C(stale);

        var point = c.PointsOfFocus.Single(p => p.Id == "c-2");
        Assert.False(point.Judgement!.Active);
        Assert.Equal(["AC-01's evidence is stale"], point.Judgement.LapsedBecause);
        Assert.NotEqual(ReadinessStatus.Covered, point.Status);
        Assert.Contains("review the lapsed judgement of c-2", point.Closers);
    }

    [Fact]
    public void Judgement_ReliedOnAControlNotImplementedFromTheStart_NeverCovers()
    {
        // A judgement written in program.yaml about an in-progress control: nothing changed since, but nothing operates.
        var inProgress = Program(status: ImplementationStatus.InProgress);
        var c = C(inProgress with { Judgements = [Sufficient(inProgress)] });

        var point = c.PointsOfFocus.Single(p => p.Id == "c-2");
        Assert.False(point.Judgement!.Active);
        Assert.Equal(["AC-01 is in-progress, not implemented"], point.Judgement.LapsedBecause);
        Assert.NotEqual(ReadinessStatus.Covered, point.Status);
    }

    [Fact]
    public void Judgement_LapsesWhenAControlChangesStatusOrMappings_OrEvidenceIsGone()
    {
        var judgement = Sufficient(Program());
        var changed = Program(status: ImplementationStatus.InProgress);
        var remapped = Program() with { Controls = [Program().Controls[0] with { Mappings = [] }] };
        var noEvidence = Program() with { Evidence = [] };

        Assert.Contains("AC-01 changed status from implemented to in-progress", Judgements.Check(judgement, changed, ControlState.Index(changed, Today, new())).LapsedBecause);
        Assert.Contains("AC-01 changed its mappings", Judgements.Check(judgement, remapped, ControlState.Index(remapped, Today, new())).LapsedBecause);
        Assert.Contains("evidence EV-1 version 1 no longer exists", Judgements.Check(judgement, noEvidence, ControlState.Index(noEvidence, Today, new())).LapsedBecause);
    }

    [Fact]
    public void NotRelevantPoint_DoesNotCount_EitherWay()
    {
        var program = Program();
        var notRelevant = new Judgement
        {
            Requirement = new RequirementRef("soc", "c-2"),
            Kind = JudgementKind.NotRelevant,
            By = "lead@example.com",
            At = Judged,
            Rationale = "We have no such processing.",
        };

        var c = C(program with { Judgements = [notRelevant] });

        Assert.Equal(ReadinessStatus.Covered, c.Status);
        Assert.Equal("1 of 1 points of focus covered", c.Reasons[0]);
        Assert.Equal(ReadinessStatus.NotRelevant, c.PointsOfFocus.Single(p => p.Id == "c-2").Status);
    }
}
