using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Testing;
using R = Trellis.Core.Crosswalk.Relationship;

namespace Trellis.Core.Tests.Readiness;

/// <summary>Readiness and the SoA over a real-shaped ISO/IEC 27001:2022 Annex A and SOC 2 scope.</summary>
public class SoaAndScopeTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    // Three Annex A controls and two SOC 2 criteria are enough to exercise the SoA rules.
    private static readonly Framework Iso = new("iso27001-2022", "ISO", "2022",
    [
        new Requirement { Id = "A.5.1", Title = "Policies for information security", Kind = RequirementKind.Control },
        new Requirement { Id = "A.7.1", Title = "Physical security perimeters", Kind = RequirementKind.Control },
        new Requirement { Id = "A.8.13", Title = "Information backup", Kind = RequirementKind.Control },
        new Requirement { Id = "6.1.2", Title = "Information security risk assessment", Kind = RequirementKind.Clause },
    ]);

    private static readonly Framework Soc = new("soc2-2017", "SOC 2", "2017",
    [
        new Requirement { Id = "CC6.1", Title = "Logical access", Kind = RequirementKind.Criterion, Category = "security" },
        new Requirement { Id = "A1.2", Title = "Recovery infrastructure", Kind = RequirementKind.Criterion, Category = "availability" },
    ]);

    [Fact]
    public void Soa_HasOneRowPerAnnexAControl_NotClauses()
    {
        var rows = StatementOfApplicability.Build(new ProgramBuilder().Build(), Iso, Today);

        Assert.Equal(["A.5.1", "A.7.1", "A.8.13"], rows.Select(r => r.Control));
        Assert.All(rows, r => Assert.Contains("no applicability decision recorded", r.Drift));
    }

    [Fact]
    public void Soa_DeclaredImplementedWithStaleEvidence_IsDrift()
    {
        var p = new ProgramBuilder()
            .Control("AC-07", ImplementationStatus.Implemented, Cadence.Monthly, ("iso27001-2022:A.8.13", R.Equal))
            .Evidence("EV-1", "AC-07", Today.AddMonths(-4))
            .Soa("A.8.13", applicable: true, declared: ImplementationStatus.Implemented);

        var row = StatementOfApplicability.Build(p.Build(), Iso, Today).Single(r => r.Control == "A.8.13");

        Assert.Equal(ImplementationStatus.Implemented, row.Status);
        Assert.Equal(["AC-07"], row.Controls);
        Assert.Contains(row.Drift, d => d.Contains("no implemented control with fresh evidence", StringComparison.Ordinal));
    }

    [Fact]
    public void Soa_ExcludedControlThatARiskNeeds_IsDrift()
    {
        var p = new ProgramBuilder()
            .Risk("R-03", ["A.7.1"])
            .Soa("A.7.1", applicable: false, justification: "Hosted on a cloud provider (carve-out)");

        var row = StatementOfApplicability.Build(p.Build(), Iso, Today).Single(r => r.Control == "A.7.1");

        Assert.False(row.Applicable);
        Assert.Equal(ImplementationStatus.NotApplicable, row.Status);
        Assert.Equal(["R-03"], row.Risks);
        Assert.Equal(["excluded, but risk R-03 needs it"], row.Drift);
    }

    [Fact]
    public void Soa_ApplicableOperatingRow_HasNoDrift()
    {
        var p = new ProgramBuilder()
            .Control("AC-01", ImplementationStatus.Implemented, Cadence.Annual, ("iso27001-2022:A.5.1", R.Equal))
            .Evidence("EV-1", "AC-01", Today.AddMonths(-1))
            .Soa("A.5.1", applicable: true);

        var row = StatementOfApplicability.Build(p.Build(), Iso, Today).Single(r => r.Control == "A.5.1");

        Assert.Empty(row.Drift);
        Assert.Equal(ImplementationStatus.Implemented, row.Status);
    }

    [Fact]
    public void Readiness_SoaExclusionAndTscScope_AreNotApplicable()
    {
        var engine = new CrosswalkEngine(new FrameworkCatalog([Iso, Soc], []));
        var p = new ProgramBuilder().Soa("A.7.1", applicable: false, justification: "carve-out").Categories("security").Build();

        var iso = ReadinessAnalysis.Compute(p, engine, "iso27001-2022", Today).Value.Requirements.ToDictionary(r => r.Id);
        var soc = ReadinessAnalysis.Compute(p, engine, "soc2-2017", Today).Value.Requirements.ToDictionary(r => r.Id);

        Assert.Equal(ReadinessStatus.NotApplicable, iso["A.7.1"].Status);
        Assert.Equal(ReadinessStatus.Gap, iso["A.5.1"].Status);
        Assert.Equal(ReadinessStatus.NotApplicable, soc["A1.2"].Status);
        Assert.Equal(ReadinessStatus.Gap, soc["CC6.1"].Status);
    }
}
