using Trellis.Core.Program;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

/// <summary>
/// The list queries, the pursued frameworks and the readiness snapshots (issue 15), on every database. The synthetic
/// program has controls CTL-0000… (monthly, implemented) and evidence EV-0000000… titled "Evidence i", item i linked
/// to control i mod n and effective on 2025-01-31 plus (i mod 12) months.
/// </summary>
public sealed class ListQueryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [SkippableTheory, DatabaseData]
    public async Task ListControlsAsync_SearchSortAndWindow_AreCutBySql(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Synthetic(120, evidencePerControl: 2), new Dictionary<string, byte[]>());

        var searched = await store.ListControlsAsync(new ControlQuery(Search: "ctl-001"), new ListWindow(1, 50));
        var second = await store.ListControlsAsync(new ControlQuery(Sort: "id", Descending: true), new ListWindow(2, 50));
        var last = await store.ListControlsAsync(new ControlQuery(), new ListWindow(3, 50));
        var planned = await store.ListControlsAsync(new ControlQuery(Status: ImplementationStatus.Planned), new ListWindow(1, 50));

        Assert.Equal([.. Enumerable.Range(10, 10).Select(i => $"CTL-{i:D4}")], searched.Items.Select(i => i.Control.Id));
        Assert.Equal(10, searched.Total);
        Assert.Equal(50, second.Items.Count);
        Assert.Equal("CTL-0069", second.Items[0].Control.Id);
        Assert.Equal(120, second.Total);
        Assert.Equal(20, last.Items.Count);
        Assert.Equal("CTL-0100", last.Items[0].Control.Id);
        Assert.Equal(0, planned.Total);

        // CTL-0005 has EV-0000005 and EV-0000125, both effective 2025-06-30 (2025-01-31 + 5 months), and its two mappings.
        var five = (await store.ListControlsAsync(new ControlQuery(Search: "CTL-0005"), new ListWindow(1, 5))).Items.Single();
        Assert.Equal([new ControlEvidence("EV-0000005", new DateOnly(2025, 6, 30)), new ControlEvidence("EV-0000125", new DateOnly(2025, 6, 30))], five.Evidence);
        Assert.Equal(2, five.Control.Mappings.Count);
    }

    [SkippableTheory, DatabaseData]
    public async Task ListEvidenceAsync_ByControlAndNewestFirst_WithControlCadences(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Synthetic(24), new Dictionary<string, byte[]>());

        var forControl = await store.ListEvidenceAsync(new EvidenceQuery(Control: "CTL-0003"), new ListWindow(1, 50));
        var newest = await store.ListEvidenceAsync(new EvidenceQuery(), new ListWindow(1, 2));
        var oldest = await store.ListEvidenceAsync(new EvidenceQuery(Descending: true), new ListWindow(1, 2));
        var titled = await store.ListEvidenceAsync(new EvidenceQuery(Search: "EVIDENCE 2", Sort: "id"), new ListWindow(1, 50));

        var item = Assert.Single(forControl.Items);
        Assert.Equal("EV-0000003", item.Item.Id);
        Assert.Equal([Cadence.Monthly], item.ControlCadences);

        // Items 11 and 23 are effective 2025-12-31 (the newest); items 0 and 12 on 2025-01-31 (the oldest).
        Assert.Equal(["EV-0000011", "EV-0000023"], newest.Items.Select(i => i.Item.Id));
        Assert.Equal(["EV-0000000", "EV-0000012"], oldest.Items.Select(i => i.Item.Id));
        Assert.Equal(24, newest.Total);
        Assert.Equal(["EV-0000002", "EV-0000020", "EV-0000021", "EV-0000022", "EV-0000023"], titled.Items.Select(i => i.Item.Id));
    }

    [SkippableTheory, DatabaseData]
    public async Task ListRisksAsync_RegisterOrderAndSearch_AndSearchAsync_FindsEachKind(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());

        var register = await store.ListRisksAsync(new RiskQuery(), new ListWindow(2, 2));
        var byId = await store.ListRisksAsync(new RiskQuery(Sort: "id"), new ListWindow(1, 50));
        var cells = await store.RiskCellsAsync();
        var hits = await store.SearchAsync("OPS-0", 10);

        Assert.Equal(["R-03", "R-04"], register.Items.Select(r => r.Id));
        Assert.Equal(4, register.Total);
        Assert.Equal(["R-01", "R-02", "R-03", "R-04"], byId.Items.Select(r => r.Id));
        Assert.Equal(4, cells.Sum(c => c.Count));
        Assert.Contains(new SearchHit("control", "OPS-02", "Backups are restored quarterly"), hits);
        Assert.Empty(await store.SearchAsync("  ", 10));
    }

    [SkippableTheory, DatabaseData]
    public async Task PursuedFrameworks_UnsetThenSet_ReadBackInOrder_AndSurviveAReplace(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        var unset = await store.PursuedFrameworksAsync();
        await store.SetPursuedFrameworksAsync(TestAudit.Record, ["soc2-2017", "iso27001-2022"]);
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Synthetic(3), new Dictionary<string, byte[]>());

        Assert.Null(unset);
        Assert.Equal(["soc2-2017", "iso27001-2022"], await store.PursuedFrameworksAsync());
    }

    [SkippableTheory, DatabaseData]
    public async Task RecordReadinessAsync_TwiceOnADay_KeepsTheFirst(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        var day = new DateOnly(2026, 11, 2);

        var first = await store.RecordReadinessAsync(new ReadinessCounts("iso27001-2022", day, 10, 2, 3, 1));
        var again = await store.RecordReadinessAsync(new ReadinessCounts("iso27001-2022", day, 99, 0, 0, 0));
        var next = await store.RecordReadinessAsync(new ReadinessCounts("iso27001-2022", day.AddDays(1), 11, 2, 2, 1));
        await store.RecordReadinessAsync(new ReadinessCounts("soc2-2017", day, 1, 1, 1, 1));

        Assert.True(first);
        Assert.False(again);
        Assert.True(next);
        Assert.Equal(
            [new ReadinessCounts("iso27001-2022", day, 10, 2, 3, 1), new ReadinessCounts("iso27001-2022", day.AddDays(1), 11, 2, 2, 1)],
            await store.ReadinessHistoryAsync("iso27001-2022"));
        Assert.Equal([day.AddDays(1)], (await store.ReadinessHistoryAsync("iso27001-2022", day.AddDays(1))).Select(c => c.Day));
    }
}
