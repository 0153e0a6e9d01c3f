using Trellis.Core.Audits;
using Trellis.Core.Evidence;
using Trellis.Core.Operations;
using Trellis.Core.Program;

namespace Trellis.Core.Tests.Operations;

/// <summary>
/// Recurring tasks follow the ledger's calendar periods (ISO weeks from Monday, calendar months and quarters). Dates
/// below are worked out by hand: 2026-12-03 is a Thursday, so its ISO week is 2026-11-30..2026-12-06.
/// </summary>
public sealed class ControlTasksTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static Control C(string id, Cadence cadence, ImplementationStatus status = ImplementationStatus.Implemented, string owner = "ana@example.com") =>
        new() { Id = id, Title = id + " title", Cadence = cadence, Status = status, Owner = owner };

    private static EvidenceItem E(string id, string control, DateOnly from, DateOnly? to = null) => new()
    {
        Id = id,
        Title = id,
        ControlIds = [control],
        Versions = [new EvidenceVersion { Number = 1, CollectedAt = DateTimeOffset.UnixEpoch, EffectiveFrom = from, EffectiveTo = to }],
    };

    [Fact]
    public void Between_QuarterlyControl_OnePerQuarter_DueOnTheQuartersLastDay()
    {
        var tasks = ControlTasks.Between([C("AC-01", Cadence.Quarterly)], [], [], new DateOnly(2026, 6, 15), Today);
        Assert.Equal(["AC-01@2026-04-01", "AC-01@2026-07-01", "AC-01@2026-10-01"], tasks.Select(t => t.Id));
        Assert.Equal([new DateOnly(2026, 6, 30), new DateOnly(2026, 9, 30), new DateOnly(2026, 12, 31)], tasks.Select(t => t.Due));
        Assert.Equal([ControlTaskStatus.Overdue, ControlTaskStatus.Overdue, ControlTaskStatus.Open], tasks.Select(t => t.Status));
        Assert.All(tasks, t => Assert.Equal("ana@example.com", t.Owner));
    }

    [Fact]
    public void Between_WeeklyControl_UsesIsoWeeksFromMonday()
    {
        var tasks = ControlTasks.Between([C("AC-02", Cadence.Weekly)], [], [], new DateOnly(2026, 11, 20), Today);
        Assert.Equal(
            [new DateRange(new(2026, 11, 16), new(2026, 11, 22)), new DateRange(new(2026, 11, 23), new(2026, 11, 29)), new DateRange(new(2026, 11, 30), new(2026, 12, 6))],
            tasks.Select(t => t.Period));
    }

    [Fact]
    public void Between_OnlyImplementedFixedCadenceControls_ContinuousIsAMonthlySample()
    {
        Control[] controls =
        [
            C("AC-01", Cadence.Annual, ImplementationStatus.Planned),
            C("AC-02", Cadence.Annual, ImplementationStatus.InProgress),
            C("AC-03", Cadence.Annual, ImplementationStatus.NotApplicable),
            C("AC-04", Cadence.OnEvent),
            C("AC-05", Cadence.Continuous),
        ];
        var tasks = ControlTasks.Between(controls, [], [], new DateOnly(2026, 11, 1), Today);
        Assert.Equal(["AC-05@2026-11-01", "AC-05@2026-12-01"], tasks.Select(t => t.Id));
        Assert.Equal(new DateOnly(2026, 11, 30), tasks[0].Due);
    }

    [Fact]
    public void Between_EvidenceInsideThePeriod_MakesItDone_OutsideDoesNot()
    {
        var control = C("AC-01", Cadence.Monthly);
        var tasks = ControlTasks.Between(
            [control],
            [E("EV-1", "AC-01", new(2026, 10, 31)), E("EV-2", "AC-01", new(2026, 9, 1), new(2026, 9, 30)), E("EV-3", "AC-99", new(2026, 11, 5))],
            [],
            new DateOnly(2026, 10, 1),
            Today);
        Assert.Equal(["AC-01@2026-10-01", "AC-01@2026-11-01", "AC-01@2026-12-01"], tasks.Select(t => t.Id));
        Assert.Equal([ControlTaskStatus.Done, ControlTaskStatus.Overdue, ControlTaskStatus.Open], tasks.Select(t => t.Status));
        Assert.Equal(["EV-1"], tasks[0].Evidence);
    }

    [Fact]
    public void Between_Notes_ReassignSnoozeAndDidNotOccur()
    {
        ControlTaskNote[] notes =
        [
            new("AC-01", new(2026, 9, 1)) { Assignee = "ben@example.com", SnoozedUntil = Today, SnoozeReason = "on leave" },
            new("AC-01", new(2026, 10, 1)) { SnoozedUntil = Today.AddDays(-1), SnoozeReason = "lapsed" },
            new("AC-01", new(2026, 11, 1)) { DidNotOccurReason = "no joiners" },
        ];
        var tasks = ControlTasks.Between([C("AC-01", Cadence.Monthly)], [], notes, new DateOnly(2026, 9, 1), Today);
        Assert.Equal(
            [ControlTaskStatus.Snoozed, ControlTaskStatus.Overdue, ControlTaskStatus.DidNotOccur, ControlTaskStatus.Open],
            tasks.Select(t => t.Status));
        Assert.Equal(["ben@example.com", "ana@example.com", "ana@example.com", "ana@example.com"], tasks.Select(t => t.Owner));

        // Evidence outranks the note: the control did operate.
        var withEvidence = ControlTasks.Between([C("AC-01", Cadence.Monthly)], [E("EV-1", "AC-01", new(2026, 11, 20))], notes, new DateOnly(2026, 11, 1), Today);
        Assert.Equal(ControlTaskStatus.Done, withEvidence[0].Status);
    }

    [Theory]
    [InlineData("AC-07@2026-10-01", "AC-07", "2026-10-01")]
    [InlineData("ops.backup_1@2026-01-05", "ops.backup_1", "2026-01-05")]
    public void ParseId_SplitsControlAndPeriodStart(string id, string control, string start)
    {
        var parsed = ControlTasks.ParseId(id);
        Assert.True(parsed.IsSuccess);
        Assert.Equal((control, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture)), parsed.Value);
    }

    [Theory]
    [InlineData("AC-07")]
    [InlineData("@2026-10-01")]
    [InlineData("AC-07@2026-02-30")]
    [InlineData("AC-07@01/10/2026")]
    public void ParseId_Malformed_NamesTheExpectedForm(string id)
    {
        var parsed = ControlTasks.ParseId(id);
        Assert.False(parsed.IsSuccess);
        Assert.Equal("invalid-task", parsed.Error!.Code);
        Assert.Contains("<control>@<first day of the period>", parsed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PeriodOf_MisalignedStart_NamesThePeriodsRealStart()
    {
        var result = ControlTasks.PeriodOf(C("AC-01", Cadence.Quarterly), new DateOnly(2026, 11, 1));
        Assert.False(result.IsSuccess);
        Assert.Contains("starts 2026-10-01", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(new DateRange(new(2026, 10, 1), new(2026, 12, 31)), ControlTasks.PeriodOf(C("AC-01", Cadence.Quarterly), new DateOnly(2026, 10, 1)).Value);
        Assert.False(ControlTasks.PeriodOf(C("AC-02", Cadence.OnEvent), new DateOnly(2026, 10, 1)).IsSuccess);
    }
}
