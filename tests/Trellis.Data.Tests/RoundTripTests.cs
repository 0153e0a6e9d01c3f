using Trellis.Core.Program;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

public sealed class RoundTripTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [SkippableTheory, DatabaseData]
    public async Task LoadAsync_EmptyDatabase_ReturnsTheDefaultProgram(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));

        var loaded = await store.LoadAsync();

        DeepAssert.Equal(new ComplianceProgram(), loaded);
        Assert.Equal(5, loaded.RiskMatrix.LikelihoodLevels);
    }

    [SkippableTheory, DatabaseData]
    public async Task ReplaceAsync_RichProgram_LoadsAnEqualProgram(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        var program = ProgramSamples.Rich();

        var counts = await store.ReplaceAsync(TestAudit.Record, program, ProgramSamples.RichBlobs());
        var loaded = await store.LoadAsync();

        Assert.True(counts.IsSuccess, counts.Error?.Message);
        Assert.Equal(new ProgramCounts(8, 3, 5, 4, 4, 3), counts.Value);
        DeepAssert.Equal(program, loaded);
        Assert.Equal(["OPS-02", "AC-01", "HR-07", "NA-01", "D-1", "W-1", "M-1", "Y-1"], loaded.Controls.Select(c => c.Id));
        Assert.Equal(new DateOnly(2024, 2, 29), loaded.Evidence[0].Versions[0].EffectiveFrom);
        Assert.Equal(new DateTimeOffset(2024, 3, 31, 0, 0, 0, TimeSpan.Zero).AddTicks(1234567), loaded.Evidence[0].Versions[1].CollectedAt);
        Assert.Equal("Ærøskøbing Cloud ApS — 株式会社", loaded.Organization);
    }

    [SkippableTheory, DatabaseData]
    public async Task ReplaceAsync_FileContents_AreServedByTheirSha256(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());

        var abc = await store.GetBlobAsync(ProgramSamples.AbcSha256);
        var empty = await store.GetBlobAsync(ProgramSamples.EmptySha256);

        Assert.Equal("abc"u8.ToArray(), abc.Value);
        Assert.Empty(empty.Value);
    }

    [SkippableTheory, DatabaseData]
    public async Task ReplaceAsync_SameProgramTwice_ChangesNothingButVersions(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        var program = ProgramSamples.Rich();
        await store.ReplaceAsync(TestAudit.Record, program, ProgramSamples.RichBlobs());
        var first = await store.GetControlAsync("AC-01");

        var again = await store.ReplaceAsync(TestAudit.Record, program, new Dictionary<string, byte[]>());

        Assert.True(again.IsSuccess, again.Error?.Message);
        Assert.Equal(0, again.Value.BlobsAdded);
        DeepAssert.Equal(program, await store.LoadAsync());
        Assert.Equal(first.Value.Version + 1, (await store.GetControlAsync("AC-01")).Value.Version);
    }

    [SkippableTheory, DatabaseData]
    public async Task ReplaceAsync_SmallerProgram_RemovesOldRowsAndUnreferencedContents(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var smaller = ProgramSamples.Synthetic(controls: 2);

        await store.ReplaceAsync(TestAudit.Record, smaller, new Dictionary<string, byte[]>());

        DeepAssert.Equal(smaller, await store.LoadAsync());
        Assert.Equal("unknown-blob", (await store.GetBlobAsync(ProgramSamples.AbcSha256)).Error?.Code);
    }
}
