using Trellis.Core.Audits;
using Trellis.Core.Common;
using static Trellis.Testing.AuditFixtures;

namespace Trellis.Core.Tests.Audits;

/// <summary>
/// The bridge letter's period and contents (issue 16 item 5; docs/audit-cycle.md §1.4): it starts the day after the
/// report's period ends, keeps only what happened in it, and warns past about 3 months.
/// </summary>
public class BridgeLetterTests
{
    private static readonly Engagement Report = new()
    {
        Id = "soc2-2026",
        Kind = EngagementKind.Soc2Type2,
        Window = new ObservationWindow(D("2025-10-01"), D("2026-09-30")),
    };

    private static readonly ControlChange Before = new(D("2026-09-15"), "AC-01", ControlChangeKind.Changed, "lead@example.com");
    private static readonly ControlChange Inside = new(D("2026-10-20"), "AC-09", ControlChangeKind.Added, "lead@example.com", "Quarterly vendor review");

    private static Finding Raised(string id, string on, params FindingTransition[] history) =>
        new() { Id = id, Kind = FindingKind.Exception, Title = id, RaisedOn = D(on), History = history, Status = history.Length > 0 ? history[^1].To : FindingStatus.Open };

    [Fact]
    public void Draft_PeriodStartsTheDayAfterTheReportAndKeepsOnlyItsChanges()
    {
        var letter = BridgeLetter.Draft(Report, D("2026-11-30"), [Before, Inside], [], D("2026-12-03")).Value;

        Assert.Equal(new DateRange(D("2026-10-01"), D("2026-11-30")), letter.Period);
        Assert.Equal([Inside], letter.Changes);
        Assert.Empty(letter.Warnings);
        Assert.False(letter.NoChanges);
    }

    [Fact]
    public void Draft_NothingRecorded_SaysNoChanges()
    {
        Assert.True(BridgeLetter.Draft(Report, D("2026-11-30"), [Before], [], D("2026-12-03")).Value.NoChanges);
    }

    [Theory]
    [InlineData("2026-09-30")]
    [InlineData("2026-06-01")]
    public void Draft_UntilNotAfterThePeriodEnd_IsRefusedNamingTheFirstValidDay(string until)
    {
        var error = BridgeLetter.Draft(Report, D(until), [], [], D("2026-12-03")).Error!;

        Assert.Equal(ErrorCodes.BridgeBeforePeriodEnd, error.Code);
        Assert.Equal("until", error.Location);
        Assert.Contains("2026-09-30", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-10-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_FindingClosedWithinThePeriod_IsNotOpen_OneClosedLaterIs()
    {
        var closedEarly = Raised("F-1", "2026-08-01", new FindingTransition(FindingStatus.Open, FindingStatus.Closed, D("2026-10-15"), "fixed"));
        var closedLate = Raised("F-2", "2026-10-05", new FindingTransition(FindingStatus.Open, FindingStatus.Closed, D("2026-12-01"), "fixed"));
        var raisedAfter = Raised("F-3", "2026-12-02");

        var letter = BridgeLetter.Draft(Report, D("2026-11-30"), [], [closedEarly, closedLate, raisedAfter], D("2026-12-03")).Value;

        Assert.Equal(["F-2"], letter.OpenFindings.Select(f => f.Id));
    }

    [Fact]
    public void Draft_MoreThanThreeMonthsAfterThePeriod_WarnsAsPractice()
    {
        // 2026-09-30 + 3 months = 2026-12-30: the 31st is past it.
        var letter = BridgeLetter.Draft(Report, D("2026-12-31"), [], [], D("2027-01-05")).Value;

        var warning = Assert.Single(letter.Warnings);
        Assert.Equal(("bridge-letter-long", Firmness.Practice), (warning.Code, warning.Firmness));
        Assert.Empty(BridgeLetter.Draft(Report, D("2026-12-30"), [], [], D("2027-01-05")).Value.Warnings);
    }

    [Fact]
    public void Draft_IsoEngagement_IsRefused()
    {
        var iso = new Engagement { Id = "s1", Kind = EngagementKind.IsoSurveillance1, Fieldwork = new DateRange(D("2026-05-01"), D("2026-05-02")) };

        Assert.Equal(ErrorCodes.InvalidEngagement, BridgeLetter.Draft(iso, D("2026-11-30"), [], [], D("2026-12-03")).Error!.Code);
    }
}
