using Trellis.Content;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Testing;

namespace Trellis.Content.Tests;

/// <summary>
/// Issue 13, item 5: the framework-level answer ("if all of ISO/IEC 27001:2022 were in place, what of SOC 2?", the
/// advisor's overlap, the Compare page, the walkthrough) and the program-level one (readiness credited from ISO) come
/// from the same rules: a program that runs every ISO requirement with an operating control gets exactly the coverage
/// analysis's answer, criterion by criterion, and the other way round.
/// </summary>
public class OneEngineTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static ComplianceProgram EveryRequirementOf(string framework)
    {
        var builder = new ProgramBuilder();
        var n = 0;
        foreach (var r in ShippedContent.Catalog.Framework(framework).Value.Requirements)
        {
            var id = $"C-{++n:000}";
            builder.Control(id, ImplementationStatus.Implemented, Cadence.Monthly, ($"{framework}:{r.Id}", Relationship.Equal))
                .Evidence($"EV-{n:000}", id, Today.AddDays(-3));
        }

        return builder.Build() with { Scope = new ProgramScope { TscCategories = ["security", "availability", "confidentiality", "processing-integrity", "privacy"] } };
    }

    [Theory]
    [InlineData("soc2-2017", "iso27001-2022")]
    [InlineData("iso27001-2022", "soc2-2017")]
    [InlineData("nist-csf-2.0", "iso27001-2022")]
    public void CoverageOfAFramework_EqualsReadinessOfAProgramRunningAllOfTheOther(string target, string from)
    {
        var coverage = CoverageAnalysis.Compute(ShippedContent.Engine, target, from).Value
            .Select(c => (c.Requirement, c.Level switch { CoverageLevel.Full => "covered", CoverageLevel.Partial => "partial", _ => "gap" }))
            .ToList();

        var readiness = ReadinessAnalysis.Compute(EveryRequirementOf(from), ShippedContent.Engine, target, Today, creditedFrom: from).Value.Requirements
            .Select(r => (r.Id, r.Status.ToWire()))
            .ToList();

        Assert.Equal(coverage, readiness);
    }
}
