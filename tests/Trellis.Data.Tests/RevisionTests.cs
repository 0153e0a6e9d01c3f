using Microsoft.EntityFrameworkCore;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

/// <summary>The program revision that web caches key on: every committed write moves it, a refused write does not.</summary>
public sealed class RevisionTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [SkippableTheory, DatabaseData]
    public async Task RevisionAsync_EveryKindOfWrite_MovesItOnce_AndRefusedWritesDoNot(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var revision = await store.RevisionAsync();
        var (_, loaded) = await store.LoadRevisionAsync();
        Assert.Equal(revision, loaded);

        async Task Moves(Func<Task<bool>> write, string what)
        {
            Assert.True(await write(), what);
            var now = await store.RevisionAsync();
            Assert.True(now == revision + 1, $"{what}: revision {revision} → {now}");
            revision = now;
        }

        var control = await store.GetControlAsync("AC-01");
        await Moves(async () => (await store.UpsertControlAsync(TestAudit.Record, control.Value.Value with { Owner = "alice@lattice.example" }, control.Value.Version)).IsSuccess, "control update");
        await Moves(async () => (await store.UpsertControlAsync(TestAudit.Record, control.Value.Value with { Id = "AC-NEW" })).IsSuccess, "control insert");
        await Moves(async () => (await store.DeleteControlAsync(TestAudit.Record, "AC-NEW")).IsSuccess, "control delete");
        await Moves(async () => (await store.UpsertSoaDecisionAsync(TestAudit.Record, new SoaDecision { Control = "A.5.7", Applicable = false, Justification = "no threat intelligence in scope" })).IsSuccess, "SoA decision");
        var evidence = new EvidenceItem
        {
            Id = "EV-REV",
            Title = "Revision check",
            ControlIds = ["AC-01"],
            Versions = [new EvidenceVersion { Number = 1, Sha256 = ProgramSamples.AbcSha256, FileName = "abc.txt", Size = 3, CollectedAt = DateTimeOffset.UnixEpoch, EffectiveFrom = new DateOnly(2026, 1, 1), EffectiveTo = new DateOnly(2026, 1, 31) }],
        };
        await Moves(async () => (await store.AddEvidenceAsync(TestAudit.Record, evidence, ProgramSamples.Abc)).IsSuccess, "evidence add");
        var v2 = evidence.Versions[0] with { Number = 2, EffectiveFrom = new DateOnly(2026, 2, 1), EffectiveTo = new DateOnly(2026, 2, 28) };
        await Moves(async () => (await store.AddEvidenceVersionAsync(TestAudit.Record, "EV-REV", v2, ProgramSamples.Abc, 1)).IsSuccess, "evidence version");
        var risk = await store.GetRiskAsync("R-02");
        await Moves(async () => (await store.UpsertRiskAsync(TestAudit.Record, risk.Value.Value with { Owner = "alice@lattice.example" }, risk.Value.Version)).IsSuccess, "risk update");
        await Moves(async () => (await store.UpsertRiskAsync(TestAudit.Record, risk.Value.Value with { Id = "R-NEW" })).IsSuccess, "risk insert");
        await Moves(async () => (await store.DeleteRiskAsync(TestAudit.Record, "R-NEW", 1)).IsSuccess, "risk delete");
        Assert.Equal("concurrency-conflict", (await store.UpsertRiskAsync(TestAudit.Record, risk.Value.Value, risk.Value.Version)).Error?.Code);
        Assert.Equal("unknown-control", (await store.UpsertRiskAsync(TestAudit.Record, risk.Value.Value with { Id = "R-X", ControlIds = ["NOPE"] })).Error?.Code);
        Assert.Equal("concurrency-conflict", (await store.DeleteRiskAsync(TestAudit.Record, "R-02", risk.Value.Version)).Error?.Code);
        var judgement = ProgramSamples.Rich().Judgements[1];
        await Moves(async () => (await store.SaveJudgementAsync(TestAudit.Record, judgement with { Rationale = "Still no board" })).IsSuccess, "judgement replace");
        await Moves(async () => (await store.SaveJudgementAsync(TestAudit.Record, judgement with { Requirement = new("soc2-2017", "CC1.2-POF4") })).IsSuccess, "judgement insert");
        await Moves(async () => (await store.DeleteJudgementAsync(TestAudit.Record, new("soc2-2017", "CC1.2-POF4"))).IsSuccess, "judgement delete");
        Assert.Equal("unknown-judgement", (await store.DeleteJudgementAsync(TestAudit.Record, new("soc2-2017", "CC1.2-POF4"))).Error?.Code);
        Assert.Equal(revision, await store.RevisionAsync());
        await Moves(async () => (await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs())).IsSuccess, "replace");

        var stale = await store.UpsertControlAsync(TestAudit.Record, control.Value.Value with { Owner = "bob@lattice.example" }, control.Value.Version);
        Assert.Equal("concurrency-conflict", stale.Error?.Code);
        Assert.Equal(revision, await store.RevisionAsync());

        await using var db = store.Database.CreateContext();
        Assert.Equal(revision, await db.ProgramSettings.Select(s => s.Version).SingleAsync());
    }
}
