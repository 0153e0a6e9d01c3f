using Trellis.Core.Audits;
using static Trellis.Testing.AuditFixtures;

namespace Trellis.Core.Tests.Audits;

public class ObservationWindowTests
{
    [Theory]
    [InlineData("2026-01-01", "2026-12-31", 12)]
    [InlineData("2026-01-01", "2026-03-31", 3)]
    [InlineData("2026-01-31", "2026-04-29", 3)] // 31 January + 3 months = 30 April (clamped)
    [InlineData("2026-01-31", "2026-04-28", 2)]
    [InlineData("2024-02-29", "2025-02-27", 12)] // 29 February 2024 + 12 months = 28 February 2025
    [InlineData("2026-01-15", "2026-03-14", 2)]
    [InlineData("2026-01-01", "2026-01-01", 0)]
    public void Months_CountsWholeCalendarMonths(string start, string end, int months) =>
        Assert.Equal(months, new ObservationWindow(D(start), D(end)).Months);

    [Fact]
    public void Create_EndBeforeStart_IsTypedError()
    {
        var result = ObservationWindow.Create(D("2026-05-01"), D("2026-04-30"));

        Assert.False(result.IsSuccess);
        Assert.Equal("invalid-window", result.Error!.Code);
    }

    [Fact]
    public void Constructor_EndBeforeStart_Throws() =>
        Assert.Throws<ArgumentException>(() => new ObservationWindow(D("2026-05-01"), D("2026-04-30")));

    [Theory]
    [InlineData("2024-01-01", 366)] // leap year
    [InlineData("2026-01-01", 365)]
    [InlineData("2023-03-01", 366)] // contains 29 February 2024
    public void OfMonths_Twelve_HasTheYearsDays(string start, int days) =>
        Assert.Equal(days, ObservationWindow.OfMonths(D(start), 12).Days);

    [Fact]
    public void OfMonths_FromThirtyFirstJanuary_EndsTheDayBeforeTheClampedDate()
    {
        var window = ObservationWindow.OfMonths(D("2026-01-31"), 3);

        Assert.Equal(D("2026-04-29"), window.End);
        Assert.True(window.IsWholeMonths);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2025-02-29")]
    [InlineData("2026-13-01")]
    [InlineData("26-01-01")]
    [InlineData("2026-1-1")]
    public void CalendarDatesParse_RejectsDatesNotOnTheCalendar(string text)
    {
        var result = CalendarDates.Parse(text, "--when");

        Assert.Equal("invalid-date", result.Error!.Code);
        Assert.Contains(text, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CalendarDatesParse_AcceptsLeapDay() => Assert.Equal(new DateOnly(2024, 2, 29), CalendarDates.Parse("2024-02-29").Value);

    [Fact]
    public void DateRangeParse_ReadsBothFormsAndRejectsReversed()
    {
        Assert.Equal(new DateRange(D("2026-12-20"), D("2027-01-03")), DateRange.Parse("2026-12-20..2027-01-03").Value);
        Assert.Equal(DateRange.Day(D("2026-12-25")), DateRange.Parse("2026-12-25").Value);
        Assert.Equal("invalid-range", DateRange.Parse("2027-01-03..2026-12-20").Error!.Code);
    }
}
