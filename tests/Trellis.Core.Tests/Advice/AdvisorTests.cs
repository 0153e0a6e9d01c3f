using Trellis.Core.Advice;
using Trellis.Testing;

namespace Trellis.Core.Tests.Advice;

/// <summary>
/// The advisor's decision rules. Expected points and outcomes are the ones issue 7's brief documents for the
/// guide's "Strategic Decision Criteria" (us → soc2 +2, type2 → soc2 +3, …), written here, not read from the table.
/// </summary>
public class AdvisorTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    public static TheoryData<TargetMarket, BuyerExpectation, OrganizationalMaturity, ProductArchitecture> AllInputs()
    {
        var data = new TheoryData<TargetMarket, BuyerExpectation, OrganizationalMaturity, ProductArchitecture>();
        foreach (var market in Enum.GetValues<TargetMarket>())
        {
            foreach (var buyers in Enum.GetValues<BuyerExpectation>())
            {
                foreach (var maturity in Enum.GetValues<OrganizationalMaturity>())
                {
                    foreach (var architecture in Enum.GetValues<ProductArchitecture>())
                    {
                        data.Add(market, buyers, maturity, architecture);
                    }
                }
            }
        }

        return data;
    }

    /// <summary>Every market × maturity × architecture (the inputs other than buyers).</summary>
    public static TheoryData<TargetMarket, OrganizationalMaturity, ProductArchitecture> Profiles()
    {
        var data = new TheoryData<TargetMarket, OrganizationalMaturity, ProductArchitecture>();
        foreach (var market in Enum.GetValues<TargetMarket>())
        {
            foreach (var maturity in Enum.GetValues<OrganizationalMaturity>())
            {
                foreach (var architecture in Enum.GetValues<ProductArchitecture>())
                {
                    data.Add(market, maturity, architecture);
                }
            }
        }

        return data;
    }

    [Fact]
    public void AllInputs_CoverEveryCombination()
    {
        Assert.Equal(3 * 4 * 2 * 2, AllInputs().Count);
    }

    [Theory]
    [MemberData(nameof(AllInputs))]
    public void Decide_AnyInputs_IsDeterministicAndGivesEachCriterionExactlyOneReason(
        TargetMarket market, BuyerExpectation buyers, OrganizationalMaturity maturity, ProductArchitecture architecture)
    {
        var answers = Answers(market, buyers, maturity, architecture);

        var first = Advisor.Decide(answers, Today).Value;
        var second = Advisor.Decide(answers with { }, Today).Value;

        Assert.Equal(first.Recommendation, second.Recommendation);
        Assert.Equal(first.Reasons.Select(r => (r.Criterion, r.Answer, r.Effect)), second.Reasons.Select(r => (r.Criterion, r.Answer, r.Effect)));
        Assert.Equal(["market", "buyers", "maturity", "architecture"], first.Reasons.Select(r => r.Criterion.ToWire()));
        Assert.Equal(
            [market.ToWire(), buyers.ToWire(), maturity.ToWire(), architecture.ToWire()],
            first.Reasons.Select(r => r.Answer));
        Assert.All(first.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Effect)));
    }

    [Theory]
    [MemberData(nameof(AllInputs))]
    public void Decide_AnyInputs_ScoresAreTheSumOfTheDocumentedPoints(
        TargetMarket market, BuyerExpectation buyers, OrganizationalMaturity maturity, ProductArchitecture architecture)
    {
        var soc2 = (market == TargetMarket.Us ? 2 : 0) + (buyers == BuyerExpectation.Type2 ? 3 : 0)
            + (maturity == OrganizationalMaturity.Scaling ? 1 : 0) + (architecture == ProductArchitecture.Saas ? 1 : 0);
        var iso = (market != TargetMarket.Us ? 2 : 0) + (buyers == BuyerExpectation.Iso ? 3 : 0)
            + (maturity == OrganizationalMaturity.Formal ? 1 : 0) + (architecture == ProductArchitecture.MultiUnit ? 1 : 0);
        var expected = buyers == BuyerExpectation.Both || Math.Abs(soc2 - iso) <= 1 ? Recommendation.Both
            : soc2 > iso ? Recommendation.Soc2First : Recommendation.IsoFirst;

        var decision = Advisor.Decide(Answers(market, buyers, maturity, architecture), Today).Value;

        Assert.Equal((soc2, iso), (decision.Soc2Score, decision.IsoScore));
        Assert.Equal(expected, decision.Recommendation);
    }

    [Fact]
    public void Decide_UsType2ScalingSaas_IsSoc2First()
    {
        var decision = Advisor.Decide(Answers(TargetMarket.Us, BuyerExpectation.Type2, OrganizationalMaturity.Scaling, ProductArchitecture.Saas), Today).Value;

        Assert.Equal(Recommendation.Soc2First, decision.Recommendation);
        Assert.Equal(("soc2-2017", "iso27001-2022"), (decision.First, decision.Second));
    }

    [Fact]
    public void Decide_RegulatedIsoFormalMultiUnit_IsIsoFirst()
    {
        var decision = Advisor.Decide(Answers(TargetMarket.Regulated, BuyerExpectation.Iso, OrganizationalMaturity.Formal, ProductArchitecture.MultiUnit), Today).Value;

        Assert.Equal(Recommendation.IsoFirst, decision.Recommendation);
        Assert.Equal(("iso27001-2022", "soc2-2017"), (decision.First, decision.Second));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Decide_BuyersBoth_IsAlwaysBothWithIsoFirstInOrder(
        TargetMarket market, OrganizationalMaturity maturity, ProductArchitecture architecture)
    {
        var decision = Advisor.Decide(Answers(market, BuyerExpectation.Both, maturity, architecture), Today).Value;

        Assert.Equal(Recommendation.Both, decision.Recommendation);
        Assert.Equal("iso27001-2022", decision.First); // the guide's combined strategy starts from the ISMS
        Assert.StartsWith("forces both", decision.Reasons.Single(r => r.Criterion == DecisionCriterion.Buyers).Effect, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TargetMarket.Us, 2, 0)]
    [InlineData(TargetMarket.Global, 0, 2)]
    [InlineData(TargetMarket.Regulated, 0, 2)]
    public void Decide_Market_AddsItsDocumentedPoints(TargetMarket market, int soc2, int iso)
    {
        var rule = Advisor.Decide(Answers(market, BuyerExpectation.Unknown, OrganizationalMaturity.Scaling, ProductArchitecture.Saas), Today).Value
            .Reasons.Single(r => r.Criterion == DecisionCriterion.Market).Rule;

        Assert.Equal((soc2, iso), (rule.Soc2Points, rule.IsoPoints));
    }

    [Theory]
    [InlineData(BuyerExpectation.Type2, 3, 0)]
    [InlineData(BuyerExpectation.Iso, 0, 3)]
    [InlineData(BuyerExpectation.Both, 0, 0)]
    [InlineData(BuyerExpectation.Unknown, 0, 0)]
    public void Decide_Buyers_AddsItsDocumentedPoints(BuyerExpectation buyers, int soc2, int iso)
    {
        var rule = Advisor.Decide(Answers(TargetMarket.Us, buyers, OrganizationalMaturity.Scaling, ProductArchitecture.Saas), Today).Value
            .Reasons.Single(r => r.Criterion == DecisionCriterion.Buyers).Rule;

        Assert.Equal((soc2, iso), (rule.Soc2Points, rule.IsoPoints));
    }

    [Theory]
    [InlineData(OrganizationalMaturity.Scaling, ProductArchitecture.Saas, 1, 0, 1, 0)]
    [InlineData(OrganizationalMaturity.Formal, ProductArchitecture.MultiUnit, 0, 1, 0, 1)]
    public void Decide_MaturityAndArchitecture_AddOnePointEach(
        OrganizationalMaturity maturity, ProductArchitecture architecture, int maturitySoc2, int maturityIso, int archSoc2, int archIso)
    {
        var reasons = Advisor.Decide(Answers(TargetMarket.Us, BuyerExpectation.Unknown, maturity, architecture), Today).Value.Reasons;

        var m = reasons.Single(r => r.Criterion == DecisionCriterion.Maturity).Rule;
        var a = reasons.Single(r => r.Criterion == DecisionCriterion.Architecture).Rule;
        Assert.Equal((maturitySoc2, maturityIso, archSoc2, archIso), (m.Soc2Points, m.IsoPoints, a.Soc2Points, a.IsoPoints));
    }

    [Theory]
    [InlineData(TargetMarket.Us, OrganizationalMaturity.Formal, ProductArchitecture.MultiUnit)] // 2 vs 2
    [InlineData(TargetMarket.Global, OrganizationalMaturity.Scaling, ProductArchitecture.Saas)] // 2 vs 2
    public void Decide_TiedScores_IsBoth(TargetMarket market, OrganizationalMaturity maturity, ProductArchitecture architecture)
    {
        var decision = Advisor.Decide(Answers(market, BuyerExpectation.Unknown, maturity, architecture), Today).Value;

        Assert.Equal(Recommendation.Both, decision.Recommendation);
        Assert.Contains("too close", decision.DecidedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_Type2RequestAgainstAGlobalFormalMultiUnitProfile_IsCloseSoBoth()
    {
        // soc2 3 vs iso 4: the buyers' Type 2 request keeps SOC 2 in play.
        var decision = Advisor.Decide(Answers(TargetMarket.Global, BuyerExpectation.Type2, OrganizationalMaturity.Formal, ProductArchitecture.MultiUnit), Today).Value;

        Assert.Equal(Recommendation.Both, decision.Recommendation);
    }

    [Theory]
    [MemberData(nameof(AllInputs))]
    public void Decide_DirectBuyerDemand_IsNeverReversedByTheOtherCriteria(
        TargetMarket market, BuyerExpectation buyers, OrganizationalMaturity maturity, ProductArchitecture architecture)
    {
        var decision = Advisor.Decide(Answers(market, buyers, maturity, architecture), Today).Value;

        if (buyers == BuyerExpectation.Type2)
        {
            Assert.NotEqual(Recommendation.IsoFirst, decision.Recommendation);
        }
        else if (buyers == BuyerExpectation.Iso)
        {
            Assert.NotEqual(Recommendation.Soc2First, decision.Recommendation);
        }
    }

    private static AdvisorAnswers Answers(
        TargetMarket market, BuyerExpectation buyers, OrganizationalMaturity maturity, ProductArchitecture architecture) => new()
        {
            Market = market,
            Buyers = buyers,
            Maturity = maturity,
            Architecture = architecture,
        };
}
