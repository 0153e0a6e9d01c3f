using Trellis.Data.Changes;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

/// <summary>
/// Issue 18, item 3: the change stamp the caches key on stays put while only reading, and moves on a commit by this
/// process (at once) or by another connection to the same database (SQLite: data_version; PostgreSQL: the triggers'
/// notifications), on both databases through the real migrations.
/// </summary>
public sealed class ChangeStampTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [SkippableTheory, DatabaseData]
    public async Task Stamp_StaysWhileReading_MovesOnOwnCommitAtOnce_AndOnAnotherConnectionsCommit(DatabaseProvider provider)
    {
        var other = await fixture.OpenAsync(provider);
        var watcher = await fixture.OpenAsync(provider);
        await ChangeTriggers.InstallAsync(watcher);
        var before = await ListeningAsync(watcher.Changes);

        var store = new ProgramStore(watcher);
        await store.LoadRevisionAsync();
        await store.PursuedFrameworksAsync();
        Assert.Equal(before, await watcher.Changes.CurrentAsync()); // snapshot reads commit, but wrote nothing

        await store.SetPursuedFrameworksAsync(TestAudit.Record, ["soc2-2017"]);
        var afterOwn = await watcher.Changes.CurrentAsync();
        Assert.True(afterOwn.Local > before.Local, "this process's commit did not move the stamp at once");

        await new ProgramStore(other).SetPursuedFrameworksAsync(TestAudit.Record, ["iso27001-2022"]);
        Assert.True(await MovesAsync(watcher.Changes, afterOwn), "another connection's commit did not move the stamp");
        Assert.Equal(afterOwn.Local, (await watcher.Changes.CurrentAsync()).Local);
    }

    [SkippableFact]
    public async Task Postgres_EveryTableCarriesTheTrigger_AfterInstall()
    {
        var db = await fixture.OpenAsync(DatabaseProvider.Postgres);
        await ChangeTriggers.InstallAsync(db);
        await ChangeTriggers.InstallAsync(db); // a second start changes nothing and does not fail
        Assert.Empty(await ChangeTriggers.UnwatchedTablesAsync(db));
    }

    [Theory]
    [InlineData("SELECT 1", false)]
    [InlineData("  select * from controls", false)]
    [InlineData("-- tag\nSELECT x FROM y", false)]
    [InlineData("PRAGMA data_version", false)]
    [InlineData("SAVEPOINT a", false)]
    [InlineData("INSERT INTO t VALUES (1)", true)]
    [InlineData("UPDATE t SET a = 1", true)]
    [InlineData("DELETE FROM t", true)]
    [InlineData("-- tag\nDELETE FROM t", true)]
    [InlineData("COPY t FROM STDIN", true)]
    [InlineData("SELECTED_TABLE_WRITE()", true)]
    public void IsWrite_ClassifiesByTheFirstKeyword(string sql, bool write) => Assert.Equal(write, ChangeInterceptor.IsWrite(sql));

    private static async Task<ChangeStamp> ListeningAsync(DatabaseChanges changes)
    {
        for (var i = 0; i < 100; i++)
        {
            var stamp = await changes.CurrentAsync();
            if (stamp.External >= 0)
            {
                return stamp;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException("the change stamp never started listening");
    }

    private static async Task<bool> MovesAsync(DatabaseChanges changes, ChangeStamp from)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await changes.CurrentAsync() != from)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
