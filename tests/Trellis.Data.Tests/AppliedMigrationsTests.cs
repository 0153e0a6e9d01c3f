using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

/// <summary>
/// Issue 18, item 4: a start-up on a database that is up to date does a version compare, not EF Core's migrator; a
/// database missing a migration (or missing altogether) still gets the migrator.
/// </summary>
public sealed class AppliedMigrationsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [SkippableTheory, DatabaseData]
    public async Task Known_ProviderAssembly_SameMigrationsEfCoreFinds(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        await using var db = database.CreateContext();

        var known = AppliedMigrations.Known(System.Reflection.Assembly.Load(TrellisDatabase.MigrationsAssembly(provider)), typeof(TrellisDbContext));

        Assert.Equal(db.Database.GetMigrations().Order(), known.Order());
    }

    [SkippableTheory, DatabaseData]
    public async Task MigrateAsync_UpToDate_SendsNoCommandThroughEfCore(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        database.Queries.Reset();

        await database.MigrateAsync();

        Assert.Equal(0, database.Queries.Count);
        Assert.Empty(await database.PendingMigrationsAsync());
    }

    [SkippableTheory, DatabaseData]
    public async Task AllAppliedAsync_AMigrationNotInTheHistory_False(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        await using var db = database.CreateContext();
        var known = db.Database.GetMigrations().ToList();

        Assert.True(await AppliedMigrations.AllAppliedAsync(provider, database.ConnectionString, HistoryRepository.DefaultTableName, known));
        Assert.False(await AppliedMigrations.AllAppliedAsync(provider, database.ConnectionString, HistoryRepository.DefaultTableName, [.. known, "29991231000000_Next"]));
        Assert.False(await AppliedMigrations.AllAppliedAsync(provider, database.ConnectionString, "__no_such_history", known));
    }

    [Fact]
    public async Task AllAppliedAsync_SqliteFileMissing_FalseAndCreatesNoFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "trellis-applied-" + Guid.NewGuid().ToString("N") + ".db");
        var database = TrellisDatabase.Open(path).Value;

        Assert.False(await AppliedMigrations.AllAppliedAsync(DatabaseProvider.Sqlite, database.ConnectionString, HistoryRepository.DefaultTableName, ["20261127214939_Initial"]));
        Assert.False(File.Exists(path));
    }
}
