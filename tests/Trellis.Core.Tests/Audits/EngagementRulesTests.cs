using Trellis.Core.Audits;
using static Trellis.Testing.AuditFixtures;

namespace Trellis.Core.Tests.Audits;

/// <summary>Rules from docs/audit-cycle.md §1.3, 1.4 and 2.3.</summary>
public class EngagementRulesTests
{
    private static Engagement Type2(string start, string end, string id = "SOC2") =>
        new() { Id = id, Kind = EngagementKind.Soc2Type2, Window = new ObservationWindow(D(start), D(end)) };

    private static IEnumerable<string> Codes(Engagement e) => EngagementRules.Check(e).Select(w => w.Code);

    [Theory]
    [InlineData("2026-01-01", "2026-03-31")] // exactly 3 months
    [InlineData("2026-01-31", "2026-04-29")] // 31 January + 3 months = 30 April
    [InlineData("2026-01-01", "2026-12-31")] // exactly 12 months
    [InlineData("2024-02-29", "2025-02-27")] // 12 months from a leap day
    [InlineData("2026-07-01", "2026-12-31")]
    public void Type2Window_WithinThreeToTwelveMonths_NoWarning(string start, string end) =>
        Assert.Empty(Codes(Type2(start, end)));

    [Theory]
    [InlineData("2026-01-01", "2026-03-30")]
    [InlineData("2026-01-31", "2026-04-28")]
    [InlineData("2026-01-01", "2026-01-31")]
    public void Type2Window_ShorterThanThreeMonths_WarnsCitingPractice13(string start, string end)
    {
        var w = Assert.Single(EngagementRules.Check(Type2(start, end)));

        Assert.Equal("type2-window-short", w.Code);
        Assert.Equal(Firmness.Practice, w.Firmness);
        Assert.Contains("docs/audit-cycle.md §1.3", w.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-01-01", "2027-01-01")] // 12 months + 1 day
    [InlineData("2024-02-29", "2025-02-28")]
    [InlineData("2026-01-31", "2027-01-31")]
    public void Type2Window_LongerThanTwelveMonths_Warns(string start, string end) =>
        Assert.Equal(["type2-window-long"], Codes(Type2(start, end)));

    [Fact]
    public void BridgeLetter_ExactlyThreeMonths_NoWarning() =>
        Assert.Empty(Codes(Type2("2026-01-01", "2026-12-31") with { BridgeLetterEnd = D("2027-03-31") }));

    [Fact]
    public void BridgeLetter_ThreeMonthsAndOneDay_WarnsCitingPractice14()
    {
        var w = Assert.Single(EngagementRules.Check(Type2("2026-01-01", "2026-12-31") with { BridgeLetterEnd = D("2027-04-01") }));

        Assert.Equal("bridge-letter-long", w.Code);
        Assert.Contains("docs/audit-cycle.md §1.4", w.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-02-28", false)] // 30 November + 3 months = 28 February
    [InlineData("2027-03-01", true)]
    public void BridgeLetter_AfterAPeriodEndingOnAMonthEnd_UsesCalendarMonths(string bridge, bool warns) =>
        Assert.Equal(warns, Codes(Type2("2025-12-01", "2026-11-30") with { BridgeLetterEnd = D(bridge) }).Contains("bridge-letter-long"));

    [Fact]
    public void CurrentUntil_DefaultsToPeriodEndPlusTwelveMonths()
    {
        Assert.Equal(D("2027-12-31"), Type2("2026-01-01", "2026-12-31").CurrentUntil);
        Assert.Equal(D("2025-02-28"), new Engagement { Id = "T1", Kind = EngagementKind.Soc2Type1, AsOf = D("2024-02-29") }.CurrentUntil);
        Assert.Equal(D("2027-06-30"), (Type2("2026-01-01", "2026-12-31") with { CurrentUntil = D("2027-06-30") }).CurrentUntil);
    }

    [Fact]
    public void Report_NoLongerCurrentToday_Warns()
    {
        var e = Type2("2025-01-01", "2025-12-31");

        Assert.Empty(EngagementRules.Check(e, D("2026-12-31")));
        Assert.Equal("report-not-current", Assert.Single(EngagementRules.Check(e, D("2027-01-01"))).Code);
    }

    [Fact]
    public void Categories_AlwaysIncludeSecurity()
    {
        var e = Type2("2026-01-01", "2026-12-31") with { Categories = ["privacy", "availability", "made-up"] };

        Assert.Equal(["security", "availability", "privacy"], e.Categories);
    }

    [Fact]
    public void Gaps_BackToBackWindows_HaveNone() =>
        Assert.Empty(EngagementRules.CheckSequence([Type2("2026-01-01", "2026-12-31", "A"), Type2("2027-01-01", "2027-12-31", "B"), Type2("2025-01-01", "2025-12-31", "Z")]));

    [Fact]
    public void Gaps_MonthBetweenWindows_NamesTheUncoveredDays()
    {
        var gap = Assert.Single(EngagementRules.Gaps([("A", Type2("2026-01-01", "2026-12-31").Window!), ("B", Type2("2027-02-01", "2028-01-31").Window!)]));

        Assert.Equal(new DateRange(D("2027-01-01"), D("2027-01-31")), gap.Uncovered);
        Assert.Equal(31, gap.Uncovered.Days);
        Assert.Equal(("A", "B"), (gap.Before, gap.After));
        Assert.Contains("31 uncovered days", EngagementRules.CheckSequence([Type2("2026-01-01", "2026-12-31", "A"), Type2("2027-02-01", "2028-01-31", "B")])[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gaps_OverlappingWindows_AreNotGaps() =>
        Assert.Empty(EngagementRules.Gaps([("A", Type2("2026-01-01", "2026-12-31").Window!), ("B", Type2("2026-10-01", "2027-09-30").Window!)]));

    [Fact]
    public void Iso2013Engagement_AfterTransitionDeadline_WarnsCitingRule23()
    {
        var e = new Engagement { Id = "S", Kind = EngagementKind.IsoSurveillance1, Framework = "iso27001-2013", Fieldwork = new DateRange(D("2025-11-03"), D("2025-11-04")) };

        var w = Assert.Single(EngagementRules.Check(e));

        Assert.Equal("iso2013-lapsed", w.Code);
        Assert.Equal(Firmness.Rule, w.Firmness);
        Assert.Contains("31 Oct 2025", w.ToString(), StringComparison.Ordinal);
        Assert.Empty(EngagementRules.Check(e with { Fieldwork = new DateRange(D("2025-10-30"), D("2025-10-31")) }));
    }

    [Fact]
    public void Iso2013Recertification_FromMay2024_Warns()
    {
        var e = new Engagement { Id = "R", Kind = EngagementKind.IsoRecertification, Framework = "iso27001-2013", Fieldwork = new DateRange(D("2024-05-01"), D("2024-05-03")) };

        Assert.Equal(["iso2013-no-new-audits"], Codes(e));
        Assert.Empty(Codes(e with { Fieldwork = new DateRange(D("2024-04-28"), D("2024-04-30")) }));
    }

    [Fact]
    public void Validate_Type2WithoutWindow_IsTypedError()
    {
        Assert.Equal("invalid-engagement", EngagementRules.Validate(new Engagement { Id = "X", Kind = EngagementKind.Soc2Type2 }).Error!.Code);
        Assert.Equal("invalid-engagement", EngagementRules.Validate(Type2("2026-01-01", "2026-12-31") with { BridgeLetterEnd = D("2026-12-31") }).Error!.Code);
        Assert.True(EngagementRules.Validate(Type2("2026-01-01", "2026-12-31")).IsSuccess);
    }
}
