using Trellis.Core.Audits;
using Trellis.Core.Program;

namespace Trellis.Core.Tests.Audits;

/// <summary>Issue 16, item 3: reproducible samples — the generator against its published outputs, draws worked by hand.</summary>
public sealed class SamplingTests
{
    private static readonly IReadOnlyList<PopulationItem> SixItems =
        [.. "ABCDEF".Select((c, i) => new PopulationItem(c.ToString(), new DateOnly(2026, 1, 1).AddDays(i), []))];

    [Fact]
    public void SplitMix64_Seed1234567_GivesThePublishedFirstFiveOutputs()
    {
        // The test vector of the Rosetta Code task "Pseudo-random numbers/Splitmix64" (Vigna's reference splitmix64.c).
        var random = new SplitMix64(1234567);
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => random.Next()).ToArray());
    }

    [Fact]
    public void Draw_SixItemsSizeTwoSeed42_TakesBAndC()
    {
        // By hand: seed 42's first output 13679457532755275413 mod 6 = 1 → swap positions 0 and 1 → [1,0,2,3,4,5];
        // the second 2949826092126892291 mod 5 = 1 → position 1 + 1 = 2 → swap positions 1 and 2 → [1,2,0,…];
        // (both are far above the rejection thresholds 4 and 1). Positions 1 and 2 are B and C.
        var drawn = Sampling.Draw(SixItems, 2, 42);
        Assert.Equal(["B", "C"], drawn.Value.Select(i => i.Item));
    }

    [Fact]
    public void Draw_SameSeedAgain_SameItems_AnotherSeedMayDiffer()
    {
        Assert.Equal(["D", "E", "F"], Sampling.Draw(SixItems, 3, 7).Value.Select(i => i.Item));
        Assert.Equal(Sampling.Draw(SixItems, 3, 7).Value, Sampling.Draw(SixItems, 3, 7).Value);
    }

    [Fact]
    public void Draw_SizeAbovePopulation_TakesEveryItemOnce_EmptyPopulationIsRefused()
    {
        Assert.Equal("ABCDEF", string.Concat(Sampling.Draw(SixItems, 10, 1).Value.Select(i => i.Item)));
        Assert.Equal("invalid-sample", Sampling.Draw([], 1, 1).Error!.Code);
        Assert.Equal("size", Sampling.Draw(SixItems, 0, 1).Error!.Location);
    }

    [Theory]
    [InlineData(Cadence.Annual, 1, 1)]
    [InlineData(Cadence.Quarterly, 4, 2)]
    [InlineData(Cadence.Monthly, 12, 2)]
    [InlineData(Cadence.Weekly, 52, 5)]
    [InlineData(Cadence.Daily, 250, 20)]
    [InlineData(Cadence.Continuous, 2000, 25)]
    [InlineData(Cadence.Daily, 7, 7)]
    public void DefaultSize_ByFrequency_IsTheLowEndOfCommonPractice_NeverAboveThePopulation(Cadence cadence, int population, int expected) =>
        Assert.Equal(expected, Sampling.DefaultSize(cadence, population));

    [Fact]
    public void DefaultSize_Configured_ReplacesTheCadencesDefault() =>
        Assert.Equal(40, Sampling.DefaultSize(Cadence.Daily, 250, new Dictionary<Cadence, int> { [Cadence.Daily] = 40 }));

    [Fact]
    public void PopulationCsv_QuotedFieldsAndEvidenceLists_AreRead_AndABadDateNamesItsLine()
    {
        var rows = PopulationCsv.Parse("item,occurredOn,evidence\r\nCHG-1,2026-05-02,EV-0001;EV-0002\r\n\"CHG-2, urgent\",,\n");
        Assert.Equal(["CHG-1", "CHG-2, urgent"], rows.Value.Select(r => r.Item));
        Assert.Equal(["EV-0001", "EV-0002"], rows.Value[0].Evidence);
        Assert.Null(rows.Value[1].OccurredOn);

        var bad = PopulationCsv.Parse("item,occurredOn\nA,2026-05-02\nB,May 3\n");
        Assert.Equal("csv:3", bad.Error!.Location);
        Assert.Equal("csv:1", PopulationCsv.Parse("id,when\nA,2026-01-01\n").Error!.Location);
        Assert.Equal("csv:3", PopulationCsv.Parse("item\nA\nA\n").Error!.Location);
    }
}
