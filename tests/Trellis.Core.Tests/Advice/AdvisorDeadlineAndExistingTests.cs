using Trellis.Core.Advice;
using Trellis.Core.Crosswalk;
using Trellis.Testing;

namespace Trellis.Core.Tests.Advice;

/// <summary>
/// Deadline and existing-assurance rules. A deadline under six months favours the path reachable fastest,
/// SOC 2 Type 1 or a short first Type 2 window (docs/audit-cycle.md §1.1, §1.3) over ISO stage 1 + stage 2 (§2.2).
/// </summary>
public class AdvisorDeadlineAndExistingTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    // global + unknown + scaling + saas scores 2 vs 2: both, so any extra points decide.
    private static readonly AdvisorAnswers Balanced = new()
    {
        Market = TargetMarket.Global,
        Buyers = BuyerExpectation.Unknown,
        Maturity = OrganizationalMaturity.Scaling,
        Architecture = ProductArchitecture.Saas,
    };

    private static readonly AdvisorAnswers ClearlyIso = new()
    {
        Market = TargetMarket.Regulated,
        Buyers = BuyerExpectation.Iso,
        Maturity = OrganizationalMaturity.Formal,
        Architecture = ProductArchitecture.MultiUnit,
    };

    private static readonly AdvisorAnswers ClearlySoc2 = new()
    {
        Market = TargetMarket.Us,
        Buyers = BuyerExpectation.Type2,
        Maturity = OrganizationalMaturity.Scaling,
        Architecture = ProductArchitecture.Saas,
    };

    [Fact]
    public void Decide_DeadlineInThreeMonths_FavoursSoc2AsReachableFastest()
    {
        var decision = Advisor.Decide(Balanced with { Deadline = new DateOnly(2027, 2, 27) }, Today).Value;

        Assert.Equal(Recommendation.Soc2First, decision.Recommendation);
        var reason = Assert.Single(decision.Reasons, r => r.Criterion == DecisionCriterion.Deadline);
        Assert.Equal("2027-02-27", reason.Answer);
        Assert.StartsWith("soc2 +2", reason.Effect, StringComparison.Ordinal);
        Assert.Contains("Type 1", reason.Effect, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DeadlineInAYear_HasNoEffect()
    {
        var decision = Advisor.Decide(Balanced with { Deadline = new DateOnly(2027, 11, 27) }, Today).Value;

        Assert.Equal(Recommendation.Both, decision.Recommendation);
        Assert.StartsWith("no effect", Assert.Single(decision.Reasons, r => r.Criterion == DecisionCriterion.Deadline).Effect, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2027, 5, 26, "soc2 +2")] // one day short of six months: tight
    [InlineData(2027, 5, 27, "no effect")] // exactly six months: ample
    [InlineData(2026, 11, 27, "soc2 +2")] // today itself
    public void Decide_DeadlineAroundSixMonths_SplitsAtSixCalendarMonths(int year, int month, int day, string effect)
    {
        var decision = Advisor.Decide(Balanced with { Deadline = new DateOnly(year, month, day) }, Today).Value;

        Assert.StartsWith(effect, decision.Reasons.Single(r => r.Criterion == DecisionCriterion.Deadline).Effect, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DeadlineAlreadyPassed_IsAnError()
    {
        var result = Advisor.Decide(Balanced with { Deadline = new DateOnly(2026, 11, 26) }, Today);

        Assert.False(result.IsSuccess);
        Assert.Equal("deadline-passed", result.Error!.Code);
        Assert.Contains("2026-11-26", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_TodayFromTimeProvider_IsTheUtcCalendarDate()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero));

        var tight = Advisor.Decide(Balanced with { Deadline = new DateOnly(2027, 5, 26) }, clock).Value;
        var passed = Advisor.Decide(Balanced with { Deadline = new DateOnly(2026, 11, 26) }, clock);

        Assert.Equal(Recommendation.Soc2First, tight.Recommendation);
        Assert.False(passed.IsSuccess);
    }

    [Fact]
    public void Decide_TightDeadlineAgainstAClearIsoProfile_KeepsIsoFirst()
    {
        var decision = Advisor.Decide(ClearlyIso with { Deadline = new DateOnly(2027, 1, 31) }, Today).Value;

        Assert.Equal(Recommendation.IsoFirst, decision.Recommendation); // soc2 2 vs iso 7
    }

    [Fact]
    public void Decide_NoDeadlineAndNothingHeld_GiveNoReasonForThem()
    {
        var decision = Advisor.Decide(Balanced, Today).Value;

        Assert.DoesNotContain(decision.Reasons, r => r.Criterion is DecisionCriterion.Deadline or DecisionCriterion.Existing);
    }

    [Theory]
    [InlineData(ExistingAssurance.Soc2Type2)]
    [InlineData(ExistingAssurance.Soc2Type1)]
    public void Decide_SocReportHeld_MeansAddIso(ExistingAssurance held)
    {
        var decision = Advisor.Decide(ClearlyIso with { Existing = new HashSet<ExistingAssurance> { held } }, Today).Value;

        Assert.Equal(Recommendation.AddIso, decision.Recommendation);
        Assert.Equal(("soc2-2017", "iso27001-2022"), (decision.First, decision.Second));
        var reason = Assert.Single(decision.Reasons, r => r.Criterion == DecisionCriterion.Existing);
        Assert.Equal(held.ToWire(), reason.Answer);
        Assert.StartsWith("forces add-iso27001", reason.Effect, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_IsoCertificateHeld_MeansAddSoc2()
    {
        var decision = Advisor.Decide(ClearlySoc2 with { Existing = new HashSet<ExistingAssurance> { ExistingAssurance.Iso27001 } }, Today).Value;

        Assert.Equal(Recommendation.AddSoc2, decision.Recommendation);
        Assert.Equal("iso27001-2022", decision.First);
        Assert.Equal("soc2-2017", decision.Second);
    }

    [Fact]
    public void Decide_BothHeld_IsBothWithOneExistingReasonListingEach()
    {
        var held = new HashSet<ExistingAssurance> { ExistingAssurance.Iso27001, ExistingAssurance.Soc2Type2 };

        var decision = Advisor.Decide(ClearlySoc2 with { Existing = held }, Today).Value;

        Assert.Equal(Recommendation.Both, decision.Recommendation);
        Assert.Equal("soc2-type2,iso27001", Assert.Single(decision.Reasons, r => r.Criterion == DecisionCriterion.Existing).Answer);
    }

    [Fact]
    public void Decide_ExistingCertificate_TakesPrecedenceOverBuyersBoth()
    {
        var answers = Balanced with { Buyers = BuyerExpectation.Both, Existing = new HashSet<ExistingAssurance> { ExistingAssurance.Iso27001 } };

        var decision = Advisor.Decide(answers, Today).Value;

        Assert.Equal(Recommendation.AddSoc2, decision.Recommendation);
        Assert.StartsWith("existing=iso27001", decision.DecidedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_OverlapRunsFromTheFirstFrameworkToTheSecond()
    {
        var engine = ReferenceCatalogs.Engine(("A.8.6", Relationship.SupersetOf, "A1.1"), ("A.5.15", Relationship.SubsetOf, "CC6.1"));

        var iso = Advisor.Advise(ClearlyIso, engine, Today).Value.Overlap;
        var soc2 = Advisor.Advise(ClearlySoc2, engine, Today).Value.Overlap;

        Assert.Equal(("iso27001-2022", "soc2-2017"), (iso.From, iso.To));
        Assert.Equal(["A1.1"], iso.FullIds);
        Assert.Equal(["CC6.1"], iso.PartialIds);
        Assert.Equal(59, iso.Gap);
        Assert.Equal(("soc2-2017", "iso27001-2022"), (soc2.From, soc2.To));
        Assert.Equal(["A.5.15"], soc2.FullIds); // CC6.1 superset-of A.5.15 once inverted (rule 4)
        Assert.Equal(["A.8.6"], soc2.PartialIds);
    }

    [Fact]
    public void Advise_CatalogWithoutSoc2_IsAnErrorNamingIt()
    {
        var engine = new CatalogBuilder().Framework("iso27001-2022", "4.1").Engine();

        var result = Advisor.Advise(ClearlyIso, engine, Today);

        Assert.False(result.IsSuccess);
        Assert.Contains("soc2-2017", result.Error!.Message, StringComparison.Ordinal);
    }
}
