using Microsoft.EntityFrameworkCore;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

public sealed class SqlitePragmaTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Open_SqliteFile_EveryConnectionUsesWalSynchronousFullAndForeignKeys()
    {
        var database = await fixture.OpenAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();

        var journal = await Pragma(db, "journal_mode");
        var synchronous = await Pragma(db, "synchronous");
        var foreignKeys = await Pragma(db, "foreign_keys");

        // SQLite documents synchronous as 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA.
        Assert.Equal("wal", journal);
        Assert.Equal("2", synchronous);
        Assert.Equal("1", foreignKeys);
        Assert.True(File.Exists(fixture.SqlitePath + "-wal") || File.Exists(fixture.SqlitePath));
    }

    private static async Task<string> Pragma(TrellisDbContext db, string name)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = $"PRAGMA {name}";
        return Convert.ToString(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
