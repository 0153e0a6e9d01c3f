using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Testing;
using R = Trellis.Core.Crosswalk.Relationship;

namespace Trellis.Core.Tests.Readiness;

public class ReadinessAnalysisTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static readonly CrosswalkEngine Engine = new CatalogBuilder()
        .Framework("iso", "x1", "x2").Framework("soc", "y1", "y2")
        .Link("iso:x1", R.SupersetOf, "soc:y1")
        .Link("iso:x2", R.SubsetOf, "soc:y2").Engine();

    private static RequirementReadiness One(ProgramBuilder program, string framework, string id, string? creditedFrom = null) =>
        ReadinessAnalysis.Compute(program.Build(), Engine, framework, Today, creditedFrom: creditedFrom).Value.Requirements.Single(r => r.Id == id);

    [Fact]
    public void ImplementedFreshEqual_IsCovered()
    {
        var p = new ProgramBuilder().Control("AC-01", ImplementationStatus.Implemented, Cadence.Monthly, ("iso:x1", R.Equal))
            .Evidence("EV-1", "AC-01", Today.AddDays(-10));

        var x1 = One(p, "iso", "x1");

        Assert.Equal(ReadinessStatus.Covered, x1.Status);
        Assert.Equal(["AC-01"], x1.Controls);
        Assert.Equal(["EV-1"], x1.Evidence);
        Assert.Empty(x1.Closers);
    }

    [Fact]
    public void ImplementedButStaleEvidence_IsPartialAndSaysToCollectEvidence()
    {
        var p = new ProgramBuilder().Control("AC-01", ImplementationStatus.Implemented, Cadence.Monthly, ("iso:x1", R.Equal))
            .Evidence("EV-1", "AC-01", Today.AddMonths(-3));

        var x1 = One(p, "iso", "x1");

        Assert.Equal(ReadinessStatus.Partial, x1.Status);
        Assert.Contains(x1.Reasons, r => r.Contains("evidence stale", StringComparison.Ordinal));
        Assert.Contains(x1.Closers, c => c.Contains("collect fresh evidence for AC-01", StringComparison.Ordinal));
        Assert.Empty(x1.Evidence);
    }

    [Fact]
    public void InProgressControl_IsAGap()
    {
        var p = new ProgramBuilder().Control("AC-01", ImplementationStatus.InProgress, Cadence.Monthly, ("iso:x1", R.Equal));

        var x1 = One(p, "iso", "x1");

        Assert.Equal(ReadinessStatus.Gap, x1.Status);
        Assert.Contains(x1.Closers, c => c.StartsWith("finish implementing AC-01", StringComparison.Ordinal));
    }

    [Fact]
    public void SubsetControl_IsOnlyPartialEvenWhenOperating()
    {
        var p = new ProgramBuilder().Control("AC-01", ImplementationStatus.Implemented, Cadence.Annual, ("iso:x1", R.SubsetOf))
            .Evidence("EV-1", "AC-01", Today.AddMonths(-2));

        Assert.Equal(ReadinessStatus.Partial, One(p, "iso", "x1").Status);
    }

    [Fact]
    public void ThroughCrosswalk_EqualThenSuperset_Covers_AndEqualThenSubset_IsPartial()
    {
        var p = new ProgramBuilder()
            .Control("AC-01", ImplementationStatus.Implemented, Cadence.Annual, ("iso:x1", R.Equal), ("iso:x2", R.Equal))
            .Evidence("EV-1", "AC-01", Today.AddMonths(-2));

        var y1 = One(p, "soc", "y1");

        Assert.Equal(ReadinessStatus.Covered, y1.Status);
        Assert.Contains(y1.Reasons, r => r.Contains("via iso:x1", StringComparison.Ordinal));
        Assert.Equal(ReadinessStatus.Partial, One(p, "soc", "y2").Status);
    }

    [Fact]
    public void CreditedFrom_IgnoresDirectMappingsIntoTheTarget()
    {
        var p = new ProgramBuilder()
            .Control("AC-01", ImplementationStatus.Implemented, Cadence.Annual, ("soc:y2", R.Equal))
            .Evidence("EV-1", "AC-01", Today.AddMonths(-2));

        Assert.Equal(ReadinessStatus.Covered, One(p, "soc", "y2").Status);
        Assert.Equal(ReadinessStatus.Gap, One(p, "soc", "y2", creditedFrom: "iso").Status);
    }

    [Theory]
    [InlineData(2026, 3, 14, ReadinessStatus.Covered)] // 31 Jan + 1 month = 28 Feb, + 14 days grace = 14 Mar
    [InlineData(2026, 3, 15, ReadinessStatus.Partial)]
    public void Freshness_MonthlyFromAMonthEnd_UsesCalendarMonths(int y, int m, int d, ReadinessStatus expected)
    {
        var p = new ProgramBuilder().Control("AC-01", ImplementationStatus.Implemented, Cadence.Monthly, ("iso:x1", R.Equal))
            .Evidence("EV-1", "AC-01", new DateOnly(2026, 1, 31));

        var report = ReadinessAnalysis.Compute(p.Build(), Engine, "iso", new DateOnly(y, m, d)).Value;

        Assert.Equal(expected, report.Requirements.Single(r => r.Id == "x1").Status);
    }

    [Fact]
    public void EvidencePeriod_CountsFromItsEnd()
    {
        var p = new ProgramBuilder().Control("AC-01", ImplementationStatus.Implemented, Cadence.Quarterly, ("iso:x1", R.Equal))
            .Evidence("EV-1", "AC-01", Today.AddMonths(-9), Today.AddMonths(-2));

        Assert.Equal(ReadinessStatus.Covered, One(p, "iso", "x1").Status);
    }

    [Fact]
    public void Summary_CountsEveryStatus()
    {
        var report = ReadinessAnalysis.Compute(new ProgramBuilder().Build(), Engine, "soc", Today).Value;

        Assert.Equal(2, report.Summary[ReadinessStatus.Gap]);
        Assert.Equal(0, report.Summary[ReadinessStatus.Covered]);
        Assert.Equal(Enum.GetValues<ReadinessStatus>().Length, report.Summary.Count);
    }
}
