using Microsoft.EntityFrameworkCore;
using Trellis.Core.Audits;
using Trellis.Core.Crosswalk;
using Trellis.Data.Rows;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

/// <summary>Engagements and findings stored as JSON documents: enums by wire name, older documents still read.</summary>
public sealed class EngagementStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    // Exactly what the previous version wrote (System.Text.Json web defaults, enums by C# member name).
    private const string OldSoc2Engagement =
        """{"id":"SOC2-2026","kind":"Soc2Type2","title":"","framework":"soc2-2017","firm":"Example CPA","categories":["security"],"asOf":null,"window":{"start":"2026-01-01","end":"2026-06-30","range":{"start":"2026-01-01","end":"2026-06-30","days":181},"days":181,"months":6,"isWholeMonths":true},"fieldwork":{"start":"2026-07-06","end":"2026-07-17","days":12},"reportDate":null,"bridgeLetterEnd":null,"periodEnd":"2026-06-30","currentUntil":"2027-06-30","displayTitle":"soc2-type2 2026-01-01..2026-06-30"}""";

    private const string OldSurveillanceEngagement =
        """{"id":"ISO-S1","kind":"IsoSurveillance1","title":"","framework":"iso27001-2022","firm":"","categories":["security"],"asOf":null,"window":null,"fieldwork":{"start":"2027-03-01","end":"2027-03-03","days":3},"reportDate":null,"bridgeLetterEnd":null,"periodEnd":null,"currentUntil":null,"displayTitle":"iso-surveillance-1 2027-03-01..2027-03-03"}""";

    private const string OldFinding =
        """{"id":"F-2026-01","kind":"Exception","engagementId":"SOC2-2026","title":"Access review missed","description":"","raisedOn":"2026-07-10","controlIds":["AC-01"],"requirements":[{"framework":"soc2-2017","requirement":"CC6.1"}],"status":"ActionPlanned","correction":"","rootCause":"no reminder","actions":[{"id":"A1","description":"Add a reminder","owner":"alice","dueDate":"2026-08-01","completedOn":null}],"effectivenessChecks":[],"history":[{"from":"Open","to":"ActionPlanned","on":"2026-07-12","note":"planned"}],"requiresCorrectiveAction":true}""";

    [SkippableTheory, DatabaseData]
    public async Task EngagementsAndFindingsAsync_DocumentsWrittenWithMemberNames_LoadAsBefore(DatabaseProvider provider)
    {
        var database = await OpenEmptyAsync(provider);
        await using (var db = database.CreateContext())
        {
            db.AuditDocuments.AddRange(
                new AuditDocumentRow { Kind = "engagement", Id = "SOC2-2026", Document = OldSoc2Engagement },
                new AuditDocumentRow { Kind = "engagement", Id = "ISO-S1", Document = OldSurveillanceEngagement },
                new AuditDocumentRow { Kind = "finding", Id = "F-2026-01", Document = OldFinding });
            await db.SaveChangesAsync();
        }

        var store = new EngagementStore(database);
        var engagements = (await store.EngagementsAsync()).Select(v => v.Value).ToList();
        var finding = Assert.Single(await store.FindingsAsync()).Value;

        Assert.Equal([("ISO-S1", EngagementKind.IsoSurveillance1), ("SOC2-2026", EngagementKind.Soc2Type2)], engagements.Select(e => (e.Id, e.Kind)));
        Assert.Equal(new DateOnly(2026, 6, 30), engagements[1].Window!.End);
        Assert.Equal(FindingKind.Exception, finding.Kind);
        Assert.Equal(FindingStatus.ActionPlanned, finding.Status);
        Assert.Equal(new FindingTransition(FindingStatus.Open, FindingStatus.ActionPlanned, new DateOnly(2026, 7, 12), "planned"), Assert.Single(finding.History));
    }

    [SkippableTheory, DatabaseData]
    public async Task SaveAsync_Enums_AreStoredAsTheirWireNames(DatabaseProvider provider)
    {
        var database = await OpenEmptyAsync(provider);
        var store = new EngagementStore(database);
        var engagement = new Engagement { Id = "ISO-S1", Kind = EngagementKind.IsoSurveillance1, Fieldwork = new DateRange(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 3)) };
        var finding = new Finding
        {
            Id = "F-2026-01",
            Kind = FindingKind.Exception,
            Title = "Access review missed",
            RaisedOn = new DateOnly(2026, 7, 10),
            Requirements = [new RequirementRef("soc2-2017", "CC6.1")],
            Status = FindingStatus.ActionPlanned,
            History = [new FindingTransition(FindingStatus.Open, FindingStatus.ActionPlanned, new DateOnly(2026, 7, 12), "planned")],
        };
        Assert.True((await store.SaveEngagementAsync(TestAudit.Record, engagement)).IsSuccess);
        Assert.True((await store.SaveFindingAsync(TestAudit.Record, finding)).IsSuccess);

        await using var db = database.CreateContext();
        var documents = await db.AuditDocuments.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Document);
        Assert.Contains("\"kind\":\"iso-surveillance-1\"", documents["ISO-S1"], StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"soc2-exception\"", documents["F-2026-01"], StringComparison.Ordinal);
        Assert.Contains("\"status\":\"action-planned\"", documents["F-2026-01"], StringComparison.Ordinal);
        Assert.Contains("\"from\":\"open\",\"to\":\"action-planned\"", documents["F-2026-01"], StringComparison.Ordinal);
        Assert.Equal(EngagementKind.IsoSurveillance1, Assert.Single(await store.EngagementsAsync()).Value.Kind);
        Assert.Equal(finding.History, Assert.Single(await store.FindingsAsync()).Value.History);
    }

    private async Task<TrellisDatabase> OpenEmptyAsync(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        await using var db = database.CreateContext();
        await db.AuditDocuments.ExecuteDeleteAsync();
        return database;
    }
}
