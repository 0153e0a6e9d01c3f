using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

public sealed class ConcurrencyTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [SkippableTheory, DatabaseData]
    public async Task UpsertControlAsync_StaleVersion_FailsWithConcurrencyConflictAndKeepsTheNewerWrite(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var read = await store.GetControlAsync("AC-01");
        var first = await store.UpsertControlAsync(TestAudit.Record, read.Value.Value with { Owner = "alice@lattice.example" }, read.Value.Version);

        var second = await store.UpsertControlAsync(TestAudit.Record, read.Value.Value with { Owner = "bob@lattice.example" }, read.Value.Version);

        Assert.True(first.IsSuccess);
        Assert.Equal("concurrency-conflict", second.Error?.Code);
        Assert.Equal("alice@lattice.example", (await store.GetControlAsync("AC-01")).Value.Value.Owner);
    }

    [SkippableTheory, DatabaseData]
    public async Task UpsertControlAsync_CurrentVersion_ReplacesMappingsAndIncrementsVersion(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var read = await store.GetControlAsync("AC-01");
        var changed = read.Value.Value with
        {
            Status = ImplementationStatus.Implemented,
            Mappings = [new ControlMapping(new RequirementRef("nist-csf-2.0", "PR.AA-05"), Relationship.Equal)],
        };

        var written = await store.UpsertControlAsync(TestAudit.Record, changed, read.Value.Version);
        var loaded = await store.LoadAsync();

        Assert.Equal(read.Value.Version + 1, written.Value.Version);
        DeepAssert.Equal(changed, loaded.Controls[1]);
        Assert.Equal(8, loaded.Controls.Count);
    }

    [SkippableTheory, DatabaseData]
    public async Task UpsertControlAsync_NewControl_IsAppendedAtVersionOne(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Synthetic(3), new Dictionary<string, byte[]>());
        var control = new Control { Id = "NEW-1", Title = "New", Cadence = Cadence.Weekly };

        var written = await store.UpsertControlAsync(TestAudit.Record, control);
        var withVersion = await store.UpsertControlAsync(TestAudit.Record, control with { Id = "NEW-2" }, expectedVersion: 1);

        Assert.Equal(1, written.Value.Version);
        Assert.Equal("NEW-1", (await store.LoadAsync()).Controls[^1].Id);
        Assert.Equal("unknown-control", withVersion.Error?.Code);
    }

    [SkippableTheory, DatabaseData]
    public async Task DeleteControlAsync_LinkedControl_RemovesItAndItsLinksButKeepsEvidenceAndRisks(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var stale = await store.DeleteControlAsync(TestAudit.Record, "OPS-02", expectedVersion: 99);

        var deleted = await store.DeleteControlAsync(TestAudit.Record, "OPS-02", expectedVersion: 1);
        var loaded = await store.LoadAsync();

        Assert.Equal("concurrency-conflict", stale.Error?.Code);
        Assert.Equal("Backups are restored quarterly", deleted.Value.Title);
        Assert.Equal(2, deleted.Value.Mappings.Count);
        Assert.DoesNotContain(loaded.Controls, c => c.Id == "OPS-02");
        Assert.Equal(["AC-01"], loaded.Evidence[0].ControlIds);
        Assert.Equal(["AC-01"], loaded.Risks[0].ControlIds);
        Assert.Equal(["AC-01"], loaded.Risks[0].Plan[1].ControlIds);
        Assert.Empty(loaded.Risks[0].Plan[0].ControlIds);
        Assert.Equal("unknown-control", (await store.DeleteControlAsync(TestAudit.Record, "OPS-02")).Error?.Code);
    }

    [SkippableTheory, DatabaseData]
    public async Task UpsertSoaDecisionAsync_StaleVersion_FailsWithConcurrencyConflict(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var read = await store.GetSoaDecisionAsync("A.7.4");
        var exclusion = read.Value.Value with { Justification = "Landlord contract renewed" };
        await store.UpsertSoaDecisionAsync(TestAudit.Record, exclusion, read.Value.Version);

        var stale = await store.UpsertSoaDecisionAsync(TestAudit.Record, exclusion with { Applicable = true }, read.Value.Version);
        var added = await store.UpsertSoaDecisionAsync(TestAudit.Record, new SoaDecision { Control = "A.8.1", Reasons = [InclusionReason.Business] });
        var loaded = await store.LoadAsync();

        Assert.Equal("concurrency-conflict", stale.Error?.Code);
        Assert.Equal(1, added.Value.Version);
        DeepAssert.Equal(exclusion, loaded.Soa[2]);
        DeepAssert.Equal(added.Value.Value, loaded.Soa[^1]);
    }

    [SkippableTheory, DatabaseData]
    public async Task ReplaceAsync_AfterARead_MakesTheReadVersionStale(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var read = await store.GetControlAsync("AC-01");
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), new Dictionary<string, byte[]>());

        var write = await store.UpsertControlAsync(TestAudit.Record, read.Value.Value with { Title = "Edited" }, read.Value.Version);

        Assert.Equal("concurrency-conflict", write.Error?.Code);
    }

    [SkippableTheory, DatabaseData]
    public async Task UpsertControlAsync_RowChangedBetweenReadAndWrite_FailsWithConcurrencyConflict(DatabaseProvider provider)
    {
        // Another writer commits between the store's read and its UPDATE: the version in the WHERE clause no longer matches.
        var sneaky = new ChangeRowBeforeUpdate("UPDATE controls", "UPDATE controls SET owner = 'mallory', version = version + 1 WHERE id = 'AC-01'");
        var store = new ProgramStore(await fixture.OpenAsync(provider, new TrellisDatabaseOptions { Interceptors = [sneaky] }));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var read = await store.GetControlAsync("AC-01");

        var write = await store.UpsertControlAsync(TestAudit.Record, read.Value.Value with { Owner = "alice" }, read.Value.Version);

        Assert.True(sneaky.Fired);
        Assert.Equal("concurrency-conflict", write.Error?.Code);
        Assert.Equal("ciso@lattice.example", (await store.GetControlAsync("AC-01")).Value.Value.Owner);
    }

    /// <summary>Runs a competing statement on the same connection just before the first command containing <c>trigger</c>.</summary>
    private sealed class ChangeRowBeforeUpdate(string trigger, string competingSql) : DbCommandInterceptor
    {
        public bool Fired { get; private set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await CompeteAsync(command);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await CompeteAsync(command);
            return result;
        }

        private async Task CompeteAsync(DbCommand command)
        {
            if (Fired || !command.CommandText.Replace("\"", "", StringComparison.Ordinal).Contains(trigger, StringComparison.Ordinal))
            {
                return;
            }

            Fired = true;
            await using var competing = command.Connection!.CreateCommand();
            competing.Transaction = command.Transaction;
            competing.CommandText = competingSql;
            await competing.ExecuteNonQueryAsync();
        }
    }
}
