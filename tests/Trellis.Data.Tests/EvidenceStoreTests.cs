using Microsoft.EntityFrameworkCore;
using Trellis.Core.Evidence;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

public sealed class EvidenceStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Collected = new(2025, 5, 31, 9, 0, 0, TimeSpan.Zero);

    [SkippableTheory, DatabaseData]
    public async Task GetBlobAsync_BytesTamperedInTheDatabase_FailsWithBlobCorrupt(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var tampered = "abd"u8.ToArray();
        await using (var db = database.CreateContext())
        {
            var changed = await db.Database.ExecuteSqlAsync($"UPDATE blobs SET content = {tampered} WHERE sha256 = {ProgramSamples.AbcSha256}");
            Assert.Equal(1, changed);
        }

        var result = await store.GetBlobAsync(ProgramSamples.AbcSha256);
        var stream = await store.OpenBlobAsync(ProgramSamples.AbcSha256);

        Assert.Equal("blob-corrupt", result.Error?.Code);
        Assert.Equal("blob-corrupt", stream.Error?.Code);
        Assert.Equal(ProgramSamples.Policy, (await store.GetBlobAsync(ProgramSamples.Sha(ProgramSamples.Policy))).Value);
    }

    [SkippableTheory, DatabaseData]
    public async Task GetBlobAsync_NothingStored_FailsWithUnknownBlob(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));

        var result = await store.GetBlobAsync(ProgramSamples.AbcSha256);

        Assert.Equal("unknown-blob", result.Error?.Code);
    }

    [SkippableTheory, DatabaseData]
    public async Task AddEvidenceAsync_NewFile_StoresItemLinkAndContents(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Synthetic(2), new Dictionary<string, byte[]>());
        var item = FileEvidence("EV-NEW", ProgramSamples.Abc, "CTL-0001");

        var added = await store.AddEvidenceAsync(TestAudit.Record, item, ProgramSamples.Abc);

        Assert.True(added.IsSuccess, added.Error?.Message);
        Assert.Equal(1, added.Value.Version);
        var loaded = await store.LoadAsync();
        DeepAssert.Equal(item, loaded.Evidence[^1]);
        Assert.Equal("abc"u8.ToArray(), (await store.GetBlobAsync(ProgramSamples.AbcSha256)).Value);
    }

    [SkippableTheory, DatabaseData]
    public async Task AddEvidenceAsync_ContentsNotMatchingTheVersion_StoresNothing(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Synthetic(1), new Dictionary<string, byte[]>());
        var item = FileEvidence("EV-NEW", ProgramSamples.Abc, "CTL-0000");

        var added = await store.AddEvidenceAsync(TestAudit.Record, item, "abd"u8.ToArray());

        Assert.Equal("missing-blob", added.Error?.Code);
        Assert.Equal("unknown-evidence", (await store.GetEvidenceAsync("EV-NEW")).Error?.Code);
        Assert.Equal("unknown-blob", (await store.GetBlobAsync(ProgramSamples.AbcSha256)).Error?.Code);
    }

    [SkippableTheory, DatabaseData]
    public async Task AddEvidenceAsync_UnknownControlOrTakenId_FailsWithTypedErrors(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Synthetic(1), new Dictionary<string, byte[]>());

        var unknown = await store.AddEvidenceAsync(TestAudit.Record, FileEvidence("EV-NEW", ProgramSamples.Abc, "CTL-9999"), ProgramSamples.Abc);
        var taken = await store.AddEvidenceAsync(TestAudit.Record, FileEvidence("EV-0000000", ProgramSamples.Abc, "CTL-0000"), ProgramSamples.Abc);

        Assert.Equal("unknown-control", unknown.Error?.Code);
        Assert.Equal("duplicate-id", taken.Error?.Code);
    }

    [SkippableTheory, DatabaseData]
    public async Task AddEvidenceVersionAsync_NextNumber_AppendsAndIncrementsTheItemVersion(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Synthetic(1), new Dictionary<string, byte[]>());
        var before = await store.GetEvidenceAsync("EV-0000000");
        var v2 = new EvidenceVersion { Number = 2, Sha256 = ProgramSamples.AbcSha256, FileName = "v2.txt", Size = 3, CollectedAt = Collected, EffectiveFrom = new DateOnly(2025, 4, 1), EffectiveTo = new DateOnly(2025, 4, 30) };

        var added = await store.AddEvidenceVersionAsync(TestAudit.Record, "EV-0000000", v2, ProgramSamples.Abc, before.Value.Version);

        Assert.True(added.IsSuccess, added.Error?.Message);
        Assert.Equal(before.Value.Version + 1, added.Value.Version);
        Assert.Equal([1, 2], added.Value.Value.Versions.Select(v => v.Number));
        Assert.Equal(v2, added.Value.Value.Current);
    }

    [SkippableTheory, DatabaseData]
    public async Task AddEvidenceVersionAsync_StaleVersionOrRepeatedNumber_IsRejected(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Synthetic(1), new Dictionary<string, byte[]>());
        var link = new EvidenceVersion { Number = 2, Url = "https://x.example/2", CollectedAt = Collected, EffectiveFrom = new DateOnly(2025, 5, 31) };
        await store.AddEvidenceVersionAsync(TestAudit.Record, "EV-0000000", link);

        var stale = await store.AddEvidenceVersionAsync(TestAudit.Record, "EV-0000000", link with { Number = 3 }, expectedVersion: 1);
        var repeated = await store.AddEvidenceVersionAsync(TestAudit.Record, "EV-0000000", link);

        Assert.Equal("concurrency-conflict", stale.Error?.Code);
        Assert.Equal("invalid-evidence", repeated.Error?.Code);
        Assert.Equal(2, (await store.GetEvidenceAsync("EV-0000000")).Value.Value.Versions.Count);
    }

    private static EvidenceItem FileEvidence(string id, byte[] content, string control) => new()
    {
        Id = id,
        Title = "Uploaded file",
        Source = "upload",
        ControlIds = [control],
        Versions = [new EvidenceVersion { Number = 1, Sha256 = ProgramSamples.Sha(content), FileName = "f.txt", Size = content.Length, MediaType = "text/plain", CollectedAt = Collected, EffectiveFrom = new DateOnly(2025, 5, 31) }],
    };
}
