using Trellis.Core.Risks;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

/// <summary>Per-risk writes of the register (issue #5): versioned upsert and delete, all-or-nothing, on every database.</summary>
public sealed class RiskStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Risk NewRisk = new()
    {
        Id = "R-NEW",
        Title = "Payment provider outage stops checkout",
        Asset = "Checkout",
        Threat = "Supplier outage",
        Vulnerability = "Single payment provider",
        Owner = "CFO",
        InherentLikelihood = 2,
        InherentImpact = 3,
        ResidualLikelihood = 1,
        ResidualImpact = 3,
        Treatment = RiskTreatment.Share,
        ControlIds = ["HR-07", "AC-01"],
        RequirementIds = ["A.5.19"],
        Plan =
        [
            new TreatmentAction("Contract a second provider", ["AC-01"], new DateOnly(2026, 9, 30), false),
            new TreatmentAction("Business interruption insurance", [], null, true),
        ],
        Acceptance = new RiskAcceptance("CEO Zoë", new DateOnly(2026, 1, 15), new DateOnly(2027, 1, 15)),
    };

    [SkippableTheory, DatabaseData]
    public async Task UpsertRiskAsync_NewRisk_IsAppendedAtVersionOneWithItsLinksAndPlan(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());

        var written = await store.UpsertRiskAsync(TestAudit.Record, NewRisk);
        var missing = await store.UpsertRiskAsync(TestAudit.Record, NewRisk with { Id = "R-GHOST" }, expectedVersion: 1);
        var loaded = await store.LoadAsync();
        var read = await store.GetRiskAsync("R-NEW");

        Assert.Equal(1, written.Value.Version);
        Assert.Equal("unknown-risk", missing.Error?.Code);
        Assert.Equal(["R-02", "R-01", "R-03", "R-04", "R-NEW"], loaded.Risks.Select(r => r.Id));
        DeepAssert.Equal(NewRisk, loaded.Risks[^1]);
        DeepAssert.Equal(NewRisk, read.Value.Value);
        Assert.Equal(1, read.Value.Version);
    }

    [SkippableTheory, DatabaseData]
    public async Task UpsertRiskAsync_CurrentVersion_ReplacesLinksAndPlanAndKeepsItsPlace(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var read = await store.GetRiskAsync("R-02");
        var changed = read.Value.Value with
        {
            ResidualLikelihood = 2,
            Treatment = RiskTreatment.Avoid,
            ControlIds = ["HR-07"],
            RequirementIds = [],
            Plan = [new TreatmentAction("Move backups to a separate account", ["W-1", "OPS-02"], new DateOnly(2026, 3, 31), false)],
        };

        var written = await store.UpsertRiskAsync(TestAudit.Record, changed, read.Value.Version);
        var loaded = await store.LoadAsync();

        Assert.Equal(read.Value.Version + 1, written.Value.Version);
        Assert.Equal(read.Value.Version + 1, (await store.GetRiskAsync("R-02")).Value.Version);
        Assert.Equal(["R-02", "R-01", "R-03", "R-04"], loaded.Risks.Select(r => r.Id));
        DeepAssert.Equal(changed, loaded.Risks[0]);
        Assert.Equal("Separate backup account", read.Value.Value.Plan[0].Description);
    }

    [SkippableTheory, DatabaseData]
    public async Task UpsertRiskAsync_StaleVersion_FailsWithConcurrencyConflictAndKeepsTheNewerWrite(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var read = await store.GetRiskAsync("R-02");
        var first = read.Value.Value with { Owner = "alice@lattice.example", Plan = [] };
        await store.UpsertRiskAsync(TestAudit.Record, first, read.Value.Version);
        var before = await store.LoadAsync();

        var stale = await store.UpsertRiskAsync(TestAudit.Record, read.Value.Value with { Owner = "bob@lattice.example" }, read.Value.Version);

        Assert.Equal("concurrency-conflict", stale.Error?.Code);
        DeepAssert.Equal(before, await store.LoadAsync());
        DeepAssert.Equal(first, (await store.LoadAsync()).Risks[0]);
    }

    [SkippableTheory, DatabaseData]
    public async Task UpsertRiskAsync_UnknownControlInAnAction_FailsAndChangesNothing(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var before = await store.LoadAsync();
        var revision = await store.RevisionAsync();
        var read = await store.GetRiskAsync("R-02");

        var update = await store.UpsertRiskAsync(TestAudit.Record, read.Value.Value with { Plan = [new TreatmentAction("Ghost", ["AC-99"], null, false)] }, read.Value.Version);
        var insert = await store.UpsertRiskAsync(TestAudit.Record, NewRisk with { ControlIds = ["NOPE"] });

        Assert.Equal("unknown-control", update.Error?.Code);
        Assert.Contains("AC-99", update.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("unknown-control", insert.Error?.Code);
        DeepAssert.Equal(before, await store.LoadAsync());
        Assert.Equal(revision, await store.RevisionAsync());
        Assert.Equal(read.Value.Version, (await store.GetRiskAsync("R-02")).Value.Version);
    }

    [SkippableTheory, DatabaseData]
    public async Task DeleteRiskAsync_CurrentVersion_RemovesItsLinksAndPlanButKeepsTheControls(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var expected = ProgramSamples.Rich();

        var stale = await store.DeleteRiskAsync(TestAudit.Record, "R-02", expectedVersion: 99);
        var deleted = await store.DeleteRiskAsync(TestAudit.Record, "R-02", expectedVersion: 1);
        var loaded = await store.LoadAsync();

        Assert.Equal("concurrency-conflict", stale.Error?.Code);
        DeepAssert.Equal(expected.Risks[0], deleted.Value);
        Assert.Equal(["R-01", "R-03", "R-04"], loaded.Risks.Select(r => r.Id));
        DeepAssert.Equal(expected.Controls, loaded.Controls);
        Assert.Equal("unknown-risk", (await store.DeleteRiskAsync(TestAudit.Record, "R-02")).Error?.Code);
        Assert.Equal("unknown-risk", (await store.GetRiskAsync("R-02")).Error?.Code);

        // The ID is free again; a new risk with it starts over at version 1 at the end of the register.
        var again = await store.UpsertRiskAsync(TestAudit.Record, expected.Risks[0]);
        Assert.Equal(1, again.Value.Version);
        Assert.Equal("R-02", (await store.LoadAsync()).Risks[^1].Id);
    }
}
