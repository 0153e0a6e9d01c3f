using Trellis.Core.Audits;
using static Trellis.Testing.AuditFixtures;

namespace Trellis.Core.Tests.Audits;

/// <summary>ISO/IEC 17021-1 9.1.3 as quoted in docs/audit-cycle.md §2.2, and IAF MD 26 (2.3).</summary>
public class CertificationCycleTests
{
    private static DateRange R(string start, string end) => new(D(start), D(end));

    private static CertificationCycle Full(string decision = "2026-03-15") => new()
    {
        CertificationDecision = D(decision),
        Stage1 = R("2026-01-20", "2026-01-21"),
        Stage2 = R("2026-02-17", "2026-02-20"),
        Surveillance1 = R("2027-02-15", "2027-02-16"),
        Surveillance2 = R("2028-02-14", "2028-02-15"),
        Recertification = R("2029-02-12", "2029-02-14"),
        RecertificationDecision = D("2029-03-05"),
    };

    private static IEnumerable<string> Codes(CertificationCycle c) => c.Check().Select(w => w.Code);

    [Fact]
    public void Expiry_IsThreeYearsFromTheDecisionLessOneDay() => Assert.Equal(D("2029-03-14"), Full().Expiry);

    [Fact]
    public void Expiry_FromALeapDay_IsTheDayBeforeTheClampedAnniversary() =>
        Assert.Equal(D("2027-02-27"), new CertificationCycle { CertificationDecision = D("2024-02-29") }.Expiry);

    [Fact]
    public void Surveillance1Deadline_FromALeapDayDecision_Is28February() =>
        Assert.Equal(D("2025-02-28"), new CertificationCycle { CertificationDecision = D("2024-02-29") }.Surveillance1Deadline);

    [Fact]
    public void ACycleAsPlanned_HasNoWarnings() => Assert.Empty(Full().Check());

    [Fact]
    public void Surveillance1_EndingExactlyTwelveMonthsAfterTheDecision_IsAllowed() =>
        Assert.DoesNotContain("iso-surveillance1-late", Codes(Full() with { Surveillance1 = R("2027-03-14", "2027-03-15") }));

    [Fact]
    public void Surveillance1_EndingTwelveMonthsAndOneDayAfter_WarnsCiting17021()
    {
        var w = Assert.Single((Full() with { Surveillance1 = R("2027-03-15", "2027-03-16") }).Check());

        Assert.Equal("iso-surveillance1-late", w.Code);
        Assert.Equal(Firmness.Rule, w.Firmness);
        Assert.Equal("iso-surveillance-1", w.Subject);
        Assert.Contains("17021-1 9.1.3", w.Citation, StringComparison.Ordinal);
        Assert.Contains("2027-03-15", w.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-02-28", false)]
    [InlineData("2025-03-01", true)]
    public void Surveillance1_AfterALeapDayDecision_BoundaryIs28February(string end, bool late)
    {
        var cycle = new CertificationCycle
        {
            CertificationDecision = D("2024-02-29"),
            Surveillance1 = new DateRange(D(end).AddDays(-1), D(end)),
        };

        Assert.Equal(late, Codes(cycle).Contains("iso-surveillance1-late"));
    }

    [Fact]
    public void Surveillance_MissingACalendarYear_Warns()
    {
        // Surveillance 2 slips from 2028 into 2029: no surveillance in 2028, a year before the recertification year.
        var codes = Codes(Full() with { Surveillance2 = R("2029-01-08", "2029-01-09"), Recertification = R("2029-02-12", "2029-02-14") }).ToList();

        Assert.Contains("iso-surveillance-year-missing", codes);
    }

    [Fact]
    public void Surveillance_InTheRecertificationYear_IsNotRequired()
    {
        // Decision in January 2026, recertification in December 2028: 2027 needs a surveillance, 2028 is a recertification year.
        var cycle = new CertificationCycle
        {
            CertificationDecision = D("2026-01-10"),
            Surveillance1 = R("2026-12-01", "2026-12-02"),
            Surveillance2 = R("2027-12-01", "2027-12-02"),
            Recertification = R("2028-11-20", "2028-11-22"),
            RecertificationDecision = D("2028-12-15"),
        };

        Assert.Empty(cycle.Check());
    }

    [Fact]
    public void Recertification_EndingAfterExpiry_Warns()
    {
        var w = Full() with { Recertification = R("2029-03-13", "2029-03-15"), RecertificationDecision = D("2029-03-30") };

        Assert.Contains("iso-recertification-late", Codes(w));
    }

    [Fact]
    public void Recertification_EndingOnTheLastValidDay_IsAllowedButTheLateDecisionWarns() =>
        Assert.Equal(["iso-recertification-decision-late"], Codes(Full() with { Recertification = R("2029-03-12", "2029-03-14"), RecertificationDecision = D("2029-03-20") }));

    [Fact]
    public void Recertification_Missing_Warns() =>
        Assert.Contains("iso-recertification-missing", Codes(Full() with { Recertification = null, RecertificationDecision = null }));

    [Fact]
    public void NextCycle_RecertifiedBeforeExpiry_RunsOnFromTheOldExpiry()
    {
        var next = Full().NextCycle().Value;

        Assert.Equal(D("2029-03-05"), next.CertificationDecision);
        Assert.Equal(D("2032-03-14"), next.Expiry);
        Assert.Equal(D("2030-03-05"), next.Surveillance1Deadline);
    }

    [Fact]
    public void NextCycle_DecidedAfterExpiry_StartsAFreshThreeYears() =>
        Assert.Equal(D("2032-03-31"), (Full() with { RecertificationDecision = D("2029-04-01") }).NextCycle().Value.Expiry);

    [Fact]
    public void NextCycle_WithoutRecertificationDecision_IsTypedError() =>
        Assert.Equal("no-recertification-decision", new CertificationCycle { CertificationDecision = D("2026-03-15") }.NextCycle().Error!.Code);

    [Fact]
    public void Iso2013Certificate_ValidPastOctober2025_WarnsCitingMd26()
    {
        var cycle = Full("2023-06-01") with
        {
            Framework = "iso27001-2013",
            Stage1 = null,
            Stage2 = null,
            Surveillance1 = R("2024-05-10", "2024-05-11"),
            Surveillance2 = R("2025-05-10", "2025-05-11"),
            Recertification = null,
            RecertificationDecision = null,
        };

        var lapsed = Assert.Single(cycle.Check(), w => w.Code == "iso2013-lapsed");
        Assert.Contains("IAF MD 26", lapsed.Citation, StringComparison.Ordinal);
    }
}

