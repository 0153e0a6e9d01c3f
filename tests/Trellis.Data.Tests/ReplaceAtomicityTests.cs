using Trellis.Core.Evidence;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

public sealed class ReplaceAtomicityTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [SkippableTheory, DatabaseData]
    public async Task ReplaceAsync_DuplicateControlId_FailsAndLeavesTheDatabaseAsBefore(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        var before = ProgramSamples.Rich();
        await store.ReplaceAsync(TestAudit.Record, before, ProgramSamples.RichBlobs());
        var next = ProgramSamples.Synthetic(3);
        var duplicated = next with { Controls = [.. next.Controls, next.Controls[1]] };

        var result = await store.ReplaceAsync(TestAudit.Record, duplicated, new Dictionary<string, byte[]>());

        Assert.Equal("duplicate-id", result.Error?.Code);
        Assert.Contains("CTL-0001", result.Error!.Message, StringComparison.Ordinal);
        DeepAssert.Equal(before, await store.LoadAsync());
    }

    [SkippableTheory, DatabaseData]
    public async Task ReplaceAsync_MissingFileContents_FailsAndLeavesTheDatabaseAsBefore(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        var before = ProgramSamples.Rich();
        await store.ReplaceAsync(TestAudit.Record, before, ProgramSamples.RichBlobs());
        var next = ProgramSamples.Synthetic(3);
        var missing = new string('0', 64);
        var withFile = next with
        {
            Evidence = [.. next.Evidence, new EvidenceItem
            {
                Id = "EV-FILE",
                Title = "File whose bytes are not supplied",
                Versions = [new EvidenceVersion { Number = 1, Sha256 = missing, Size = 10, CollectedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), EffectiveFrom = new DateOnly(2025, 1, 1) }],
            }],
        };

        var result = await store.ReplaceAsync(TestAudit.Record, withFile, new Dictionary<string, byte[]> { ["f" + missing[1..]] = [1, 2] });

        Assert.Equal("missing-blob", result.Error?.Code);
        Assert.Contains("EV-FILE", result.Error!.Message, StringComparison.Ordinal);
        DeepAssert.Equal(before, await store.LoadAsync());
    }

    [SkippableTheory, DatabaseData]
    public async Task ReplaceAsync_ContentsNotMatchingTheirSha256_FailWithBlobHashMismatch(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        var blobs = ProgramSamples.RichBlobs();
        blobs[ProgramSamples.AbcSha256] = "abd"u8.ToArray();

        var result = await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), blobs);

        Assert.Equal("blob-hash-mismatch", result.Error?.Code);
        Assert.Empty((await store.LoadAsync()).Controls);
    }

    [SkippableTheory, DatabaseData]
    public async Task ReplaceAsync_EvidenceNamingAnUnknownControl_FailsWithUnknownControl(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        var program = ProgramSamples.Synthetic(2);
        var broken = program with { Evidence = [program.Evidence[0] with { ControlIds = ["CTL-0000", "NOPE-9"] }] };

        var result = await store.ReplaceAsync(TestAudit.Record, broken, new Dictionary<string, byte[]>());

        Assert.Equal("unknown-control", result.Error?.Code);
        Assert.Contains("NOPE-9", result.Error!.Message, StringComparison.Ordinal);
    }

    [SkippableTheory, DatabaseData]
    public async Task ReplaceAsync_DatabaseFailsMidway_RollsBackEveryEarlierWrite(DatabaseProvider provider)
    {
        // The unreferenced contents are deleted after every row is written; the "connection" dies there.
        var failing = new FailOnCommand("DELETE FROM blobs");
        var database = await fixture.OpenAsync(provider, new TrellisDatabaseOptions { Interceptors = [failing] });
        var store = new ProgramStore(database);
        var before = ProgramSamples.Rich();
        Assert.True((await store.ReplaceAsync(TestAudit.Record, before, ProgramSamples.RichBlobs())).IsSuccess);
        var next = ProgramSamples.Synthetic(50, evidencePerControl: 3);
        var newFile = "new contents"u8.ToArray();
        var nextWithFile = next with
        {
            Evidence = [.. next.Evidence, new EvidenceItem
            {
                Id = "EV-NEW",
                Title = "New file",
                Versions = [new EvidenceVersion { Number = 1, Sha256 = ProgramSamples.Sha(newFile), Size = newFile.Length, CollectedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), EffectiveFrom = new DateOnly(2025, 1, 1) }],
            }],
        };
        failing.Armed = true;

        await Assert.ThrowsAnyAsync<Exception>(() => store.ReplaceAsync(TestAudit.Record, nextWithFile, new Dictionary<string, byte[]> { [ProgramSamples.Sha(newFile)] = newFile }));
        failing.Armed = false;

        Assert.True(failing.Fired);
        DeepAssert.Equal(before, await store.LoadAsync());
        Assert.Equal("unknown-blob", (await store.GetBlobAsync(ProgramSamples.Sha(newFile))).Error?.Code);
        Assert.Equal("abc"u8.ToArray(), (await store.GetBlobAsync(ProgramSamples.AbcSha256)).Value);
    }
}
