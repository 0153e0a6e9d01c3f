using Microsoft.EntityFrameworkCore;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Data.AuditTrail;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

/// <summary>Judgements (docs/crosswalk-rules.md, rule 8): stored whole, one per requirement, each write audited in its own transaction.</summary>
public sealed class JudgementStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Judgement Cc32 = new()
    {
        Requirement = new RequirementRef("soc2-2017", "CC3.2-POF1"),
        Kind = JudgementKind.Sufficient,
        Controls =
        [
            new JudgedControl("AC-01", ImplementationStatus.InProgress, ["iso27001-2022:A.5.15 superset-of", "soc2-2017:CC6.1 intersects-with"]),
            new JudgedControl("OPS-02", ImplementationStatus.Implemented, []),
        ],
        Evidence = [new JudgedEvidence("EV-0003", 1), new JudgedEvidence("EV-0002", 2)],
        By = "Zoë Ærø <ciso@lattice.example>",
        At = new DateTimeOffset(2026, 2, 28, 23, 59, 59, TimeSpan.Zero).AddTicks(1),
        Rationale = "Risk workshops cover the entity's objectives — \"all of them\".\nLine two.",
    };

    private static AuditRecord Audit(string action) => TestAudit.Record with { Action = action };

    private static async Task<IReadOnlyList<AuditEntry>> AuditAsync(TrellisDatabase database)
    {
        await using var db = database.CreateContext();
        return await AuditJournal.ListAsync(db, null);
    }

    [SkippableTheory, DatabaseData]
    public async Task SaveJudgementAsync_NewRequirement_ReadsBackEveryFieldAtTheEnd(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());

        var saved = await store.SaveJudgementAsync(TestAudit.Record, Cc32);
        var loaded = await store.LoadAsync();

        Assert.True(saved.IsSuccess, saved.Error?.Message);
        DeepAssert.Equal(Cc32, saved.Value);
        Assert.Equal(["soc2-2017:CC6.1-POF2", "soc2-2017:CC1.2-POF3", "soc2-2017:CC3.2-POF1"], loaded.Judgements.Select(j => j.Requirement.ToString()));
        DeepAssert.Equal(Cc32, loaded.Judgements[2]);
        Assert.Equal(TimeSpan.Zero, loaded.Judgements[2].At.Offset);
    }

    [SkippableTheory, DatabaseData]
    public async Task SaveJudgementAsync_StoredColumns_HoldWireNamesAndUtcTicks(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        await store.SaveJudgementAsync(TestAudit.Record, Cc32);

        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "SELECT kind, controls_json, judged_at_utc_ticks FROM judgements";
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal("sufficient", reader.GetString(0));
        Assert.Contains("\"status\":\"in-progress\"", reader.GetString(1), StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 2, 28, 23, 59, 59, DateTimeKind.Utc).Ticks + 1, reader.GetInt64(2));
    }

    [SkippableTheory, DatabaseData]
    public async Task SaveJudgementAsync_JudgedRequirement_ReplacesItInPlace(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        var program = ProgramSamples.Rich();
        await store.ReplaceAsync(TestAudit.Record, program, ProgramSamples.RichBlobs());
        var changed = program.Judgements[0] with { Kind = JudgementKind.NotRelevant, Controls = [], Evidence = [], Rationale = "Reconsidered" };

        var saved = await store.SaveJudgementAsync(TestAudit.Record, changed);
        var loaded = await store.LoadAsync();

        Assert.True(saved.IsSuccess, saved.Error?.Message);
        DeepAssert.Equal(program with { Judgements = [changed, program.Judgements[1]] }, loaded);
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Judgements.Where(j => j.Requirement == "CC6.1-POF2").Select(j => j.Version).SingleAsync());
    }

    [SkippableTheory, DatabaseData]
    public async Task SaveAndDeleteJudgementAsync_EachAppendOneAuditEntryAndMoveTheRevisionOnce(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        var revision = await store.RevisionAsync();
        var entries = (await AuditAsync(database)).Count;

        var saved = await store.SaveJudgementAsync(Audit("judgement.save"), Cc32);
        var afterSave = await store.RevisionAsync();
        var deleted = await store.DeleteJudgementAsync(Audit("judgement.delete"), Cc32.Requirement);
        var afterDelete = await store.RevisionAsync();

        Assert.True(saved.IsSuccess, saved.Error?.Message);
        DeepAssert.Equal(Cc32, deleted.Value);
        Assert.Empty((await store.LoadAsync()).Judgements);
        Assert.Equal((revision + 1, revision + 2), (afterSave, afterDelete));
        Assert.Equal(["judgement.save", "judgement.delete"], (await AuditAsync(database)).Skip(entries).Select(e => e.Action));
    }

    [SkippableTheory, DatabaseData]
    public async Task DeleteJudgementAsync_NoJudgement_IsUnknownAndWritesNothing(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var revision = await store.RevisionAsync();
        var entries = (await AuditAsync(database)).Count;

        var deleted = await store.DeleteJudgementAsync(TestAudit.Record, new RequirementRef("soc2-2017", "CC3.2-POF1"));

        Assert.Equal("unknown-judgement", deleted.Error?.Code);
        Assert.Contains("soc2-2017:CC3.2-POF1", deleted.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(revision, await store.RevisionAsync());
        Assert.Equal(entries, (await AuditAsync(database)).Count);
        DeepAssert.Equal(ProgramSamples.Rich(), await store.LoadAsync());
    }

    [SkippableTheory, DatabaseData]
    public async Task SaveJudgementAsync_AuditEntryFails_LeavesTheJudgementUnwritten(DatabaseProvider provider)
    {
        // The audit entry is the last write of the transaction: when it fails, the judgement must not stay.
        var failing = new FailOnCommand("INSERT INTO web_audit_log");
        var database = await fixture.OpenAsync(provider, new TrellisDatabaseOptions { Interceptors = [failing] });
        var store = new ProgramStore(database);
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var revision = await store.RevisionAsync();
        failing.Armed = true;

        await Assert.ThrowsAnyAsync<Exception>(() => store.SaveJudgementAsync(TestAudit.Record, Cc32));
        await Assert.ThrowsAnyAsync<Exception>(() => store.DeleteJudgementAsync(TestAudit.Record, new RequirementRef("soc2-2017", "CC1.2-POF3")));
        failing.Armed = false;

        Assert.True(failing.Fired);
        DeepAssert.Equal(ProgramSamples.Rich(), await store.LoadAsync());
        Assert.Equal(revision, await store.RevisionAsync());
    }

    [SkippableTheory, DatabaseData]
    public async Task ReplaceAsync_ProgramWithOtherJudgements_ReplacesThemAll(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        var program = ProgramSamples.Rich();
        await store.ReplaceAsync(TestAudit.Record, program, ProgramSamples.RichBlobs());
        var other = program with { Judgements = [Cc32] };

        var replaced = await store.ReplaceAsync(TestAudit.Record, other, new Dictionary<string, byte[]>());

        Assert.True(replaced.IsSuccess, replaced.Error?.Message);
        DeepAssert.Equal(other, await store.LoadAsync());
    }

    [SkippableTheory, DatabaseData]
    public async Task ReplaceAsync_RequirementJudgedTwice_IsRefusedBeforeWriting(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        var program = ProgramSamples.Rich();
        await store.ReplaceAsync(TestAudit.Record, program, ProgramSamples.RichBlobs());

        var replaced = await store.ReplaceAsync(TestAudit.Record, program with { Judgements = [Cc32, Cc32 with { Rationale = "again" }] }, new Dictionary<string, byte[]>());

        Assert.Equal("duplicate-id", replaced.Error?.Code);
        Assert.Contains("soc2-2017:CC3.2-POF1", replaced.Error!.Message, StringComparison.Ordinal);
        DeepAssert.Equal(program, await store.LoadAsync());
    }
}
