using Trellis.Core.Crosswalk;
using Trellis.Data.AuditTrail;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

public sealed class ImportedMappingStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly MappingSet Set = new(
        "sp800-53_to_iso27001-2022",
        "sp800-53",
        "iso27001-2022",
        0,
        "NIST's mapping — Ü",
        new Dictionary<string, string> { ["oscal:1"] = "NIST SP 800-53 Rev. 5 to ISO/IEC 27001" },
        [
            new MappingLink
            {
                From = new("sp800-53", "ac-3"), To = new("iso27001-2022", "A.8.3"), Relationship = Relationship.Equal,
                Rationale = Rationale.Semantic, Strength = 9, Source = "oscal:1", Justification = "both enforce the access policy",
            },
            new MappingLink
            {
                From = new("sp800-53", "ac-2"), To = new("iso27001-2022", "A.5.16"), Relationship = Relationship.IntersectsWith,
                Rationale = Rationale.Functional, Strength = 4, Source = "oscal:1", NeedsReview = true,
            },
            new MappingLink
            {
                From = new("sp800-53", "pm-1"), To = null, Relationship = Relationship.NoRelationship,
                Rationale = Rationale.Semantic, Strength = 5, Source = "oscal:1",
            },
        ]);

    private static void AssertSameLinks(MappingSet expected, MappingSet actual)
    {
        Assert.Equal((expected.From, expected.To, expected.Description), (actual.From, actual.To, actual.Description));
        Assert.Equal(expected.Sources, actual.Sources);
        Assert.Equal(
            expected.Links.Select(l => (l.From, l.To, l.Relationship, l.Rationale, l.Strength, l.Source, l.Justification, l.NeedsReview, l.Origin)),
            actual.Links.Select(l => (l.From, l.To, l.Relationship, l.Rationale, l.Strength, l.Source, l.Justification, l.NeedsReview, l.Origin)));
    }

    private static async Task<int> AuditCountAsync(TrellisDatabase database)
    {
        await using var db = database.CreateContext();
        return (await AuditJournal.ListAsync(db, null)).Count;
    }

    [SkippableTheory, DatabaseData]
    public async Task SaveAsync_NewSet_ReadsBackEveryFieldAndSurvivesAProgramReplace(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var mappings = new ImportedMappingStore(database);
        var entries = await AuditCountAsync(database);

        var saved = await mappings.SaveAsync(TestAudit.Record, Set, expectedRevision: null);
        await new ProgramStore(database).ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());

        Assert.Equal(1, saved.Value.Revision);
        Assert.Equal("sp800-53_to_iso27001-2022", saved.Value.Id);
        var listed = Assert.Single(await mappings.ListAsync());
        AssertSameLinks(Set, listed);
        Assert.Equal([("sp800-53_to_iso27001-2022", 1)], await mappings.VersionsAsync());
        AssertSameLinks(Set, (await mappings.FindAsync("sp800-53", "iso27001-2022"))!);
        Assert.Null(await mappings.FindAsync("iso27001-2022", "sp800-53"));
        Assert.Equal(entries + 2, await AuditCountAsync(database));
    }

    [SkippableTheory, DatabaseData]
    public async Task SaveAsync_StaleRevision_FailsWithConcurrencyConflictAndWritesNothing(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var mappings = new ImportedMappingStore(database);
        await mappings.SaveAsync(TestAudit.Record, Set, expectedRevision: null);
        var changed = Set with { Description = "Second import" };
        Assert.Equal(2, (await mappings.SaveAsync(TestAudit.Record, changed, expectedRevision: 1)).Value.Revision);
        var entries = await AuditCountAsync(database);

        var stale = await mappings.SaveAsync(TestAudit.Record, Set with { Description = "Third" }, expectedRevision: 1);
        var created = await mappings.SaveAsync(TestAudit.Record, Set with { Description = "As if new" }, expectedRevision: null);

        Assert.Equal("concurrency-conflict", stale.Error?.Code);
        Assert.Equal("concurrency-conflict", created.Error?.Code);
        AssertSameLinks(changed, (await mappings.FindAsync("sp800-53", "iso27001-2022"))!);
        Assert.Equal(entries, await AuditCountAsync(database));
    }

    [SkippableTheory, DatabaseData]
    public async Task SaveAsync_DatabaseFailsAppendingTheAuditEntry_StoresNoLinks(DatabaseProvider provider)
    {
        var failing = new FailOnCommand($"INSERT INTO {AuditTrailSchema.EntriesTable}");
        var mappings = new ImportedMappingStore(await fixture.OpenAsync(provider, new TrellisDatabaseOptions { Interceptors = [failing] }));
        failing.Armed = true;

        await Assert.ThrowsAnyAsync<Exception>(() => mappings.SaveAsync(TestAudit.Record, Set, expectedRevision: null));
        failing.Armed = false;

        Assert.True(failing.Fired);
        Assert.Empty(await mappings.ListAsync());
    }
}
