using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Testing;
using R = Trellis.Core.Crosswalk.Relationship;

namespace Trellis.Core.Tests.Readiness;

/// <summary>
/// Rule 7 (docs/crosswalk-rules.md) and issue 13: a criterion is judged with its points of focus, and intersects-with
/// credit is partial credit, never dropped. Hand-worked cases on a two-framework catalog: iso:a and iso:b, and a
/// criterion soc:c with points of focus soc:c-1 and soc:c-2.
/// </summary>
public class CompositionTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static CrosswalkEngine Engine(params (string From, R Rel, string To)[] links)
    {
        var b = new CatalogBuilder().Framework("iso", "a", "b").Framework("soc", "c", "d")
            .PointOfFocus("soc:c-1", "soc:c").PointOfFocus("soc:c-2", "soc:c");
        foreach (var (from, rel, to) in links)
        {
            b.Link(from, rel, to);
        }

        return b.Engine();
    }

    private static ProgramBuilder Operating(string control, string requirement, R relationship) =>
        new ProgramBuilder().Control(control, ImplementationStatus.Implemented, Cadence.Monthly, (requirement, relationship))
            .Evidence("EV-" + control, control, Today.AddDays(-5));

    private static RequirementReadiness C(ProgramBuilder program, CrosswalkEngine engine, string? from = null) =>
        ReadinessAnalysis.Compute(program.Build(), engine, "soc", Today, creditedFrom: from).Value.Requirements.Single(r => r.Id == "c");

    [Fact]
    public void PointsOfFocus_AreNestedInTheirCriterion_NotListed()
    {
        var report = ReadinessAnalysis.Compute(new ProgramBuilder().Build(), Engine(), "soc", Today).Value;

        Assert.Equal(["c", "d"], report.Requirements.Select(r => r.Id));
        Assert.Equal(["c-1", "c-2"], report.Requirements[0].PointsOfFocus.Select(p => p.Id));
        Assert.Equal(2, report.Summary[ReadinessStatus.Gap]);
    }

    [Fact]
    public void EveryPointOfFocusCovered_CoversTheCriterion()
    {
        var engine = Engine(("iso:a", R.SupersetOf, "soc:c-1"), ("iso:b", R.Equal, "soc:c-2"));
        var p = Operating("AC-01", "iso:a", R.Equal);
        p.Control("AC-02", ImplementationStatus.Implemented, Cadence.Monthly, ("iso:b", R.Equal)).Evidence("EV-2", "AC-02", Today.AddDays(-5));

        var c = C(p, engine, "iso");

        Assert.Equal(ReadinessStatus.Covered, c.Status);
        Assert.Equal(["AC-01", "AC-02"], c.Controls);
        Assert.StartsWith("2 of 2 points of focus covered", c.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void OnePointOfFocusOfTwo_IsPartial_AndNamesWhatIsMissing_WithoutSayingNoControlMaps()
    {
        var engine = Engine(("iso:a", R.SupersetOf, "soc:c-1"));

        var c = C(Operating("AC-01", "iso:a", R.Equal), engine, "iso");

        Assert.Equal(ReadinessStatus.Partial, c.Status);
        Assert.Equal("1 of 2 points of focus covered; not yet: c-2", c.Reasons[0]);
        Assert.DoesNotContain(c.Reasons, r => r.StartsWith("no control maps", StringComparison.Ordinal));
        Assert.Contains("meet c-2", c.Closers);
        Assert.Equal(ReadinessStatus.Gap, c.PointsOfFocus.Single(p => p.Id == "c-2").Status);
    }

    [Fact]
    public void CriterionFullyMet_MeetsEachPointOfFocus()
    {
        // A control that is a superset of the criterion is a superset of every part of it.
        var engine = Engine(("iso:a", R.Equal, "soc:c"));

        var c = C(Operating("AC-01", "iso:a", R.SupersetOf), engine, "iso");

        Assert.Equal(ReadinessStatus.Covered, c.Status);
        Assert.All(c.PointsOfFocus, p => Assert.Equal(ReadinessStatus.Covered, p.Status));
        Assert.All(c.PointsOfFocus, p => Assert.Equal(["AC-01"], p.Controls));
    }

    [Fact]
    public void IntersectsWithLink_GivesPartialCredit_NeverDropped_NeverFull()
    {
        var engine = Engine(("iso:a", R.IntersectsWith, "soc:d"));

        var d = ReadinessAnalysis.Compute(Operating("AC-01", "iso:a", R.Equal).Build(), engine, "soc", Today, creditedFrom: "iso").Value.Requirements.Single(r => r.Id == "d");

        Assert.Equal(ReadinessStatus.Partial, d.Status);
        Assert.Equal(["AC-01"], d.Controls);
        Assert.Contains(d.Reasons, r => r.EndsWith("intersects-with d via iso:a", StringComparison.Ordinal));
    }

    [Fact]
    public void NothingAddressesTheCriterionOrItsPoints_IsAGapThatSaysSo()
    {
        var c = C(Operating("AC-01", "iso:b", R.Equal), Engine(("iso:a", R.Equal, "soc:c-1")), "iso");

        Assert.Equal(ReadinessStatus.Gap, c.Status);
        Assert.Contains("no control maps to c", c.Reasons);
    }

    [Theory]
    [InlineData(R.Equal, R.IntersectsWith, R.IntersectsWith)] // control = A, A meets B: control meets B
    [InlineData(R.SupersetOf, R.IntersectsWith, R.IntersectsWith)] // control ⊇ A, A meets B
    [InlineData(R.IntersectsWith, R.SubsetOf, R.IntersectsWith)] // control meets A, A ⊂ B
    [InlineData(R.IntersectsWith, R.Equal, R.IntersectsWith)]
    [InlineData(R.SupersetOf, R.SubsetOf, R.IntersectsWith)] // control ⊇ A ⊂ B: they share A
    [InlineData(R.SubsetOf, R.IntersectsWith, null)] // control ⊂ A meets B: may miss B entirely
    [InlineData(R.IntersectsWith, R.IntersectsWith, null)]
    [InlineData(R.IntersectsWith, R.SupersetOf, null)]
    [InlineData(R.SubsetOf, R.SupersetOf, null)]
    [InlineData(R.Equal, R.SupersetOf, R.SupersetOf)] // definite chains as Compose
    [InlineData(R.SubsetOf, R.SubsetOf, R.SubsetOf)]
    public void Credit_IsSetTheory(R control, R link, R? expected) =>
        Assert.Equal(expected, Relationships.Credit(control, link));
}
