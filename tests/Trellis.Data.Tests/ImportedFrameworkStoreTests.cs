using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

public sealed class ImportedFrameworkStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly ImportedFramework Catalog = new("acme-policy-1", "ACME Policy — Ü", "oscal-catalog-json", """{"catalog":{"uuid":"…","metadata":{"title":"ACME"}}}""");

    [SkippableTheory, DatabaseData]
    public async Task SaveAsync_NewFramework_IsListedAndSurvivesAProgramReplace(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var frameworks = new ImportedFrameworkStore(database);

        var saved = await frameworks.SaveAsync(TestAudit.Record, Catalog);
        await new ProgramStore(database).ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());

        Assert.Equal(1, saved.Value.Version);
        Assert.Equal([new Versioned<ImportedFramework>(Catalog, 1)], await frameworks.ListAsync());
    }

    [SkippableTheory, DatabaseData]
    public async Task SaveAsync_StaleVersion_FailsWithConcurrencyConflict(DatabaseProvider provider)
    {
        var frameworks = new ImportedFrameworkStore(await fixture.OpenAsync(provider));
        await frameworks.SaveAsync(TestAudit.Record, Catalog);
        await frameworks.SaveAsync(TestAudit.Record, Catalog with { Name = "Renamed" }, expectedVersion: 1);

        var stale = await frameworks.SaveAsync(TestAudit.Record, Catalog with { Name = "Again" }, expectedVersion: 1);

        Assert.Equal("concurrency-conflict", stale.Error?.Code);
        Assert.Equal(new Versioned<ImportedFramework>(Catalog with { Name = "Renamed" }, 2), (await frameworks.GetAsync(Catalog.Id)).Value);
    }

    [SkippableTheory, DatabaseData]
    public async Task DeleteAsync_Twice_SecondFailsWithUnknownFramework(DatabaseProvider provider)
    {
        var frameworks = new ImportedFrameworkStore(await fixture.OpenAsync(provider));
        await frameworks.SaveAsync(TestAudit.Record, Catalog);

        var first = await frameworks.DeleteAsync(TestAudit.Record, Catalog.Id);
        var second = await frameworks.DeleteAsync(TestAudit.Record, Catalog.Id);

        Assert.Equal(Catalog, first.Value);
        Assert.Equal("unknown-framework", second.Error?.Code);
    }
}
