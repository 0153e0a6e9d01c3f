using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

public sealed class QueryCountTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [SkippableTheory, DatabaseData]
    public async Task LoadAsync_10Or500Controls_IssuesTheSameNumberOfQueries(DatabaseProvider provider)
    {
        var small = await CountLoadQueries(provider, ProgramSamples.Synthetic(10, evidencePerControl: 2));
        var large = await CountLoadQueries(provider, ProgramSamples.Synthetic(500, evidencePerControl: 2));

        Assert.Equal(small, large);
        Assert.InRange(small, 1, 15);
    }

    private async Task<long> CountLoadQueries(DatabaseProvider provider, Core.Program.ComplianceProgram program)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        await store.ReplaceAsync(TestAudit.Record, program, new Dictionary<string, byte[]>());
        database.Queries.Reset();

        var loaded = await store.LoadAsync();

        Assert.Equal(program.Controls.Count, loaded.Controls.Count);
        return database.Queries.Count;
    }
}
