using Trellis.Content.Demo;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Testing;

namespace Trellis.Content.Tests.Demo;

/// <summary>
/// The demo's SOC 2 readiness computed from its program (ISO controls, mappings, evidence and the compliance lead's
/// judgements): the Common Criteria left open are exactly the ones a mature ISO/IEC 27001 company really has left —
/// what ISO does not ask for, and what the demo's deliberate gaps (planned, in-progress and stale controls) leave undone.
/// </summary>
public class DemoReadinessTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);
    private static readonly ComplianceProgram P = DemoProgram.Create(FixedClock.At(2026, 3, 15, 10)).Program;
    private static readonly ReadinessReport Report = ReadinessAnalysis.Compute(P, ShippedContent.Engine, "soc2-2017", Today).Value;

    // Each open criterion, why it stays open, and the points of focus that must still be unmet for that reason. Written from
    // what ISO/IEC 27001 asks for (docs/content.md, soc2-2017_to_iso27001-2022) and from the demo's deliberate gaps, not read
    // from the output.
    private static readonly Dictionary<string, (string Why, string[] Unmet)> Open = new()
    {
        ["CC1.1"] = ("adherence to the code of conduct is not evaluated: AC-16 compliance checks are planned", ["CC1.1-POF3"]),
        ["CC1.2"] = ("ISO asks nothing of a board: its oversight duties and expertise", ["CC1.2-POF1", "CC1.2-POF2", "CC1.2-POF4"]),
        ["CC1.4"] = ("ISO asks for competence, not for retaining people or succession planning", ["CC1.4-POF3", "CC1.4-POF4"]),
        ["CC1.5"] = ("ISO asks for no performance measures, incentives or pressure assessment of individuals", ["CC1.5-POF2", "CC1.5-POF3", "CC1.5-POF4", "CC1.5-POF5"]),
        ["CC2.1"] = ("no data-flow documentation or information-quality checks, and security metrics AC-08 are in progress", ["CC2.1-POF3", "CC2.1-POF5", "CC2.1-POF8"]),
        ["CC2.2"] = ("internal communication to a board and a separate confidential reporting line are not ISO's", ["CC2.2-POF2", "CC2.2-POF3"]),
        ["CC2.3"] = ("external communication of commitments and an outside whistleblowing line are not ISO's", ["CC2.3-POF3", "CC2.3-POF4"]),
        ["CC3.1"] = ("ISMS objectives are security objectives: no operations, financial or reporting objectives", ["CC3.1-POF3", "CC3.1-POF5", "CC3.1-POF9", "CC3.1-POF12"]),
        ["CC3.3"] = ("fraud risk is not part of the ISO risk assessment, and AC-59 is planned", ["CC3.3-POF1", "CC3.3-POF2", "CC3.3-POF4"]),
        ["CC3.4"] = ("changes in supplier relationships wait for supplier monitoring AC-24, in progress", ["CC3.4-POF5"]),
        ["CC4.1"] = ("monitoring built into business processes waits for AC-16, planned", ["CC4.1-POF5"]),
        ["CC5.1"] = ("ISO does not ask at which organizational layer controls operate", ["CC5.1-POF5"]),
        ["CC5.2"] = ("ISO does not trace how business controls depend on IT general controls", ["CC5.2-POF1"]),
        ["CC6.2"] = ("credential validity is reviewed in the access reviews, AC-22, whose evidence is stale", ["CC6.2-POF2"]),
        ["CC6.3"] = ("its access review judgement lapsed when AC-22's evidence went stale", ["CC6.3-POF4"]),
        ["CC6.7"] = ("restricting transmission needs data leakage prevention, AC-48, which is planned", ["CC6.7-POF1"]),
        ["CC7.1"] = ("vulnerability scanning, AC-44, has stale evidence", ["CC7.1-POF5"]),
        ["CC7.2"] = ("detection rests on the SIEM, AC-51, whose evidence is stale", ["CC7.2-POF1", "CC7.2-POF2", "CC7.2-POF3", "CC7.2-POF4"]),
        ["CC8.1"] = ("masked test data, AC-47, is planned", ["CC8.1-POF16"]),
        ["CC9.1"] = ("ISO never asks for insurance, and backups (AC-49) have stale evidence", ["CC9.1-POF1", "CC9.1-POF2"]),
        ["CC9.2"] = ("vendor management beyond onboarding waits for AC-24, in progress", ["CC9.2-POF4", "CC9.2-POF6", "CC9.2-POF8"]),
    };

    private static IEnumerable<RequirementReadiness> CommonCriteria => Report.Requirements.Where(r => r.Id.StartsWith("CC", StringComparison.Ordinal));

    [Fact]
    public void Compute_Demo_CoversEveryCommonCriterionExceptTheGenuineDifferences()
    {
        var criteria = ReferenceData.Csv("soc2-tsc-2017.csv").Select(r => r["id"]).Where(id => id.StartsWith("CC", StringComparison.Ordinal)).ToList();
        var notCovered = CommonCriteria.Where(r => r.Status != ReadinessStatus.Covered).Select(r => r.Id);

        Assert.Equal(33, criteria.Count);
        Assert.Equal(criteria, CommonCriteria.Select(r => r.Id));
        Assert.Equal(Open.Keys.Order(StringComparer.Ordinal), notCovered.Order(StringComparer.Ordinal));
        Assert.Equal(33 - Open.Count, CommonCriteria.Count(r => r.Status == ReadinessStatus.Covered));
    }

    [Fact]
    public void Compute_Demo_OpenCriteriaArePartialWithTheirReasonUnmet()
    {
        Assert.All(Open, open =>
        {
            var criterion = CommonCriteria.Single(r => r.Id == open.Key);
            var unmet = criterion.PointsOfFocus.Where(p => p.Status != ReadinessStatus.Covered && !p.Status.IsOutOfScope()).Select(p => p.Id).ToList();

            Assert.Equal(ReadinessStatus.Partial, criterion.Status);
            Assert.All(open.Value.Unmet, pof => Assert.True(unmet.Contains(pof), $"{open.Key} ({open.Value.Why}): {pof} is met"));
        });
    }

    [Fact]
    public void Compute_Demo_AccessReviewJudgementShowsLapsedWithTheReason()
    {
        var pof = CommonCriteria.Single(r => r.Id == "CC6.3").PointsOfFocus.Single(p => p.Id == "CC6.3-POF4");

        Assert.NotNull(pof.Judgement);
        Assert.False(pof.Judgement.Active);
        Assert.Equal(["AC-22's evidence is stale"], pof.Judgement.LapsedBecause);
        Assert.NotEqual(ReadinessStatus.Covered, pof.Status);
    }

    [Fact]
    public void Compute_Demo_PrivacyPointsOfFocusAreNotRelevant_ThePrivacyCategoryBeingOutOfScope()
    {
        string[] privacy = ["CC1.3-POF6", "CC2.2-POF9", "CC2.3-POF7", "CC6.1-POF13", "CC7.3-POF6", "CC7.3-POF7", "CC7.4-POF12", "CC7.4-POF13", "CC8.1-POF17", "CC8.1-POF18", "CC9.2-POF12", "CC9.2-POF13"];
        var notRelevant = CommonCriteria.SelectMany(r => r.PointsOfFocus).Where(p => p.Status == ReadinessStatus.NotRelevant).Select(p => p.Id);

        Assert.DoesNotContain("privacy", P.Scope.TscCategories);
        Assert.Equal(privacy.Append("CC1.2-POF3").Order(StringComparer.Ordinal), notRelevant.Order(StringComparer.Ordinal));
    }
}
