using Trellis.Core.Operations;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

/// <summary>
/// Task notes belong to the program (issue 17, item 8): a note saved on a task is loaded with the program, survives
/// a replace with the program as loaded (export and import), and a replace naming an unknown control changes nothing.
/// </summary>
public sealed class TaskNoteStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [SkippableTheory, DatabaseData]
    public async Task SavedNote_IsPartOfTheProgram_AndSurvivesAReplaceWithTheProgramAsLoaded(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var control = (await store.LoadAsync()).Controls[0].Id;
        var note = new ControlTaskNote(control, new DateOnly(2026, 3, 1)) { DidNotOccurReason = "no joiners in March — nothing to screen" };

        await store.SaveControlTaskNoteAsync(TestAudit.Record with { Action = "task.did-not-occur" }, note);
        var loaded = await store.LoadAsync();
        DeepAssert.Equal(note, Assert.Single(loaded.TaskNotes));

        Assert.True((await store.ReplaceAsync(TestAudit.Record, loaded, new Dictionary<string, byte[]>())).IsSuccess);
        DeepAssert.Equal(note, Assert.Single((await store.LoadAsync()).TaskNotes));
    }

    [SkippableTheory, DatabaseData]
    public async Task Replace_WithANoteOnAnUnknownControl_IsRefused_AndTheNotesStay(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var control = (await store.LoadAsync()).Controls[0].Id;
        var note = new ControlTaskNote(control, new DateOnly(2026, 1, 1)) { Assignee = "deputy@example.com" };
        await store.SaveControlTaskNoteAsync(TestAudit.Record, note);

        var bad = ProgramSamples.Rich() with { TaskNotes = [new ControlTaskNote("NOPE-1", new DateOnly(2026, 1, 1)) { Assignee = "x@example.com" }] };
        var refused = await store.ReplaceAsync(TestAudit.Record, bad, ProgramSamples.RichBlobs());

        Assert.Equal("unknown-control", refused.Error?.Code);
        Assert.Contains("NOPE-1", refused.Error!.Message, StringComparison.Ordinal);
        DeepAssert.Equal(note, Assert.Single((await store.LoadAsync()).TaskNotes));
    }
}
