using Microsoft.EntityFrameworkCore;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

public sealed class MigrationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [SkippableTheory, DatabaseData]
    public async Task MigrateAsync_FreshDatabase_AppliesEveryMigrationAndMatchesTheModel(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        await using var db = database.CreateContext();

        var applied = await db.Database.GetAppliedMigrationsAsync();

        Assert.Empty(await database.PendingMigrationsAsync());
        Assert.Contains(applied, m => m.EndsWith("_Initial", StringComparison.Ordinal));

        // The provider's model snapshot equals the current model: no change is missing a migration.
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [SkippableTheory, DatabaseData]
    public async Task MigrateAsync_SecondRun_ChangesNothing(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());

        await database.MigrateAsync();

        DeepAssert.Equal(ProgramSamples.Rich(), await store.LoadAsync());
    }
}
