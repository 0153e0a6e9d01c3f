using Trellis.Core.People;

namespace Trellis.Core.Tests.People;

public sealed class OffboardingTests
{
    private static readonly PeopleSettings Settings = new() { OffboardingDays = 1, OffboardingSystems = ["SSO", "Laptop"] };

    private static Person Leaver(params OffboardingItem[] items) => new()
    {
        Id = "P-000000000001",
        Email = "bo@example.com",
        StartDate = new DateOnly(2020, 1, 1),
        EndDate = new DateOnly(2026, 11, 30),
        Offboarding = items,
    };

    [Fact]
    public void Open_NewLeaver_OneOpenItemPerSystem()
    {
        var items = Offboarding.Open(Leaver(), Settings);

        Assert.Equal(["SSO", "Laptop"], items.Select(i => i.System));
        Assert.All(items, i => Assert.False(i.Done));
    }

    [Fact]
    public void StateOf_OpenPastEndPlusDays_IsLateAndDueTheDayAfter()
    {
        var state = Offboarding.StateOf(Leaver(new OffboardingItem("SSO", new DateOnly(2026, 11, 30), "it"), new OffboardingItem("Laptop")), Settings, new DateOnly(2026, 12, 2))!;

        Assert.Equal(new DateOnly(2026, 12, 1), state.Due);
        Assert.Equal(1, state.Open);
        Assert.Null(state.CompletedOn);
        Assert.True(state.Late);
    }

    [Fact]
    public void StateOf_AllCheckedWithinDays_CompletedOnTheLastDayOnTime()
    {
        var state = Offboarding.StateOf(Leaver(new OffboardingItem("SSO", new DateOnly(2026, 11, 30), "it"), new OffboardingItem("Laptop", new DateOnly(2026, 12, 1), "it")), Settings, new DateOnly(2026, 12, 5))!;

        Assert.Equal(new DateOnly(2026, 12, 1), state.CompletedOn);
        Assert.False(state.Late);
    }

    [Fact]
    public void StateOf_NotALeaver_IsNull() =>
        Assert.Null(Offboarding.StateOf(Leaver() with { EndDate = null }, Settings, new DateOnly(2026, 12, 5)));

    [Fact]
    public void Requirements_AreRealIds_FromTheReferenceLists()
    {
        var iso = Trellis.Testing.ReferenceData.Csv("iso27001-2022.csv").Select(r => r["id"]).ToHashSet();
        var soc = Trellis.Testing.ReferenceData.Csv("soc2-tsc-2017.csv").Select(r => r["id"]).ToHashSet();

        Assert.All(Offboarding.Requirements, r => Assert.True(iso.Contains(r) || soc.Contains(r), r));
    }
}
