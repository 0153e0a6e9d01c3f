using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

public sealed class ControlBatchTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Control NewControl = new()
    {
        Id = "BC-01",
        Title = "Business continuity plan is tested",
        Owner = "coo@lattice.example",
        Cadence = Cadence.Annual,
        Status = ImplementationStatus.Planned,
        Mappings = [new ControlMapping(new RequirementRef("iso27001-2022", "A.5.30"), Relationship.SubsetOf)],
    };

    [SkippableTheory, DatabaseData]
    public async Task UpsertControlsAsync_NewChangedAndEqualControls_AddsUpdatesAndKeepsEverythingElse(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        var before = ProgramSamples.Rich();
        Assert.True((await store.ReplaceAsync(TestAudit.Record, before, ProgramSamples.RichBlobs())).IsSuccess);
        var changed = before.Controls[1] with
        {
            Title = "Access is reviewed by each system owner",
            Status = ImplementationStatus.Implemented,
            Mappings = [new ControlMapping(new RequirementRef("iso27001-2022", "A.5.18"), Relationship.Equal)],
        };

        var revision = await store.RevisionAsync();

        var result = await store.UpsertControlsAsync(TestAudit.Record, [NewControl, changed, before.Controls[0]]);

        Assert.Equal(new[] { "BC-01" }, result.Value.Added);
        Assert.Equal(new[] { "AC-01" }, result.Value.Updated);
        Assert.Equal(new[] { "OPS-02" }, result.Value.Unchanged);
        var expected = before with { Controls = [before.Controls[0], changed, .. before.Controls.Skip(2), NewControl] };
        DeepAssert.Equal(expected, await store.LoadAsync());
        Assert.Equal(1, (await store.GetControlAsync("OPS-02")).Value.Version);
        Assert.Equal(2, (await store.GetControlAsync("AC-01")).Value.Version);
        Assert.Equal(1, (await store.GetControlAsync("BC-01")).Value.Version);
        Assert.Equal(revision + 1, await store.RevisionAsync());
    }

    [SkippableTheory, DatabaseData]
    public async Task UpsertControlsAsync_EveryControlEqual_WritesNothingAndKeepsTheRevision(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        var before = ProgramSamples.Rich();
        Assert.True((await store.ReplaceAsync(TestAudit.Record, before, ProgramSamples.RichBlobs())).IsSuccess);
        var revision = await store.RevisionAsync();

        var result = await store.UpsertControlsAsync(TestAudit.Record, before.Controls);

        Assert.Equal(before.Controls.Select(c => c.Id), result.Value.Unchanged);
        Assert.Equal(revision, await store.RevisionAsync());
    }

    [SkippableTheory, DatabaseData]
    public async Task UpsertControlsAsync_DatabaseFailsWritingTheMappings_WritesNothing(DatabaseProvider provider)
    {
        // The stored mappings of updated controls are deleted first; the "connection" dies when the new ones are inserted.
        var failing = new FailOnCommand("INSERT INTO control_mappings");
        var store = new ProgramStore(await fixture.OpenAsync(provider, new TrellisDatabaseOptions { Interceptors = [failing] }));
        var before = ProgramSamples.Rich();
        Assert.True((await store.ReplaceAsync(TestAudit.Record, before, ProgramSamples.RichBlobs())).IsSuccess);
        var changed = before.Controls[0] with { Title = "Changed", Mappings = [.. before.Controls[0].Mappings.Reverse()] };
        failing.Armed = true;

        await Assert.ThrowsAnyAsync<Exception>(() => store.UpsertControlsAsync(TestAudit.Record, [NewControl, changed]));
        failing.Armed = false;

        Assert.True(failing.Fired);
        DeepAssert.Equal(before, await store.LoadAsync());
        Assert.Equal(1, (await store.GetControlAsync("OPS-02")).Value.Version);
    }

    [SkippableTheory, DatabaseData]
    public async Task UpsertControlsAsync_DuplicateIdInTheBatch_FailsAndWritesNothing(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        var before = ProgramSamples.Rich();
        Assert.True((await store.ReplaceAsync(TestAudit.Record, before, ProgramSamples.RichBlobs())).IsSuccess);

        var result = await store.UpsertControlsAsync(TestAudit.Record, [NewControl, before.Controls[0] with { Title = "Changed" }, NewControl with { Title = "Again" }]);

        Assert.Equal("duplicate-id", result.Error?.Code);
        Assert.Contains("BC-01", result.Error!.Message, StringComparison.Ordinal);
        DeepAssert.Equal(before, await store.LoadAsync());
    }

    [SkippableTheory, DatabaseData]
    public async Task UpsertControlsAsync_DryRun_SaysWhatWouldChangeAndWritesNothing(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        var before = ProgramSamples.Rich();
        Assert.True((await store.ReplaceAsync(TestAudit.Record, before, ProgramSamples.RichBlobs())).IsSuccess);
        var revision = await store.RevisionAsync();

        var result = await store.UpsertControlsAsync(TestAudit.Record, [before.Controls[2] with { Owner = "hr@lattice.example" }, NewControl], dryRun: true);

        Assert.Equal(new[] { "BC-01" }, result.Value.Added);
        Assert.Equal(new[] { "HR-07" }, result.Value.Updated);
        Assert.Empty(result.Value.Unchanged);
        DeepAssert.Equal(before, await store.LoadAsync());
        Assert.Equal(revision, await store.RevisionAsync());
    }

    [SkippableTheory, DatabaseData]
    public async Task UpsertControlsAsync_IntoAnEmptyProgram_AddsInInputOrder(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        Control[] controls = [NewControl, NewControl with { Id = "AA-01", Mappings = [] }];

        Assert.True((await store.UpsertControlsAsync(TestAudit.Record, controls)).IsSuccess);

        var loaded = (await store.LoadAsync()).Controls;
        Assert.Equal(["BC-01", "AA-01"], loaded.Select(c => c.Id));
        Assert.Equal(NewControl.Mappings, loaded[0].Mappings);
    }
}
