using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Trellis.Application.Actors;
using Trellis.Application.Collectors;
using Trellis.Application.Operations;
using Trellis.Data;

namespace Trellis.Collectors.Tests;

/// <summary>
/// Issue 19, item 1: collectors on their schedules inside <c>serve</c>, once per slot however many instances run —
/// counted at the source (the loopback server sees one request per slot), not from the code's own records.
/// </summary>
public sealed class CollectorJobsTests
{
    private static readonly DateTimeOffset November2 = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TwoInstances_EachSlotIsCollectedOnce_AndAManualRunAfterTheSlotCountsForIt(DatabaseProvider provider)
    {
        await using var test = await TestProgram.OpenAsync(provider, November2);
        await using var source = await FakeSource.StartAsync(app => app.MapGet("/status", () => Results.Text("""{"backup":{"status":"ok","ageHours":30}}""", "application/json")));
        Assert.True((await test.Collectors.AddAsync(Account.System, Collector("backup-status", source.At("status"), "0 6 * * *"), default)).IsSuccess);
        Assert.True((await test.Collectors.AddAsync(Account.System, Collector("on-demand", source.At("status"), null), default)).IsSuccess);
        var a = Jobs(test, "instance-a");
        var b = Jobs(test, "instance-b");

        // 2 November, 09:30: the 06:00 slot is due. The first instance collects it; the second finds it done.
        var first = Assert.Single(await a.RunDueAsync(default));
        var again = Assert.Single(await b.RunDueAsync(default));
        Assert.Equal(("backup-status", new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero), "failed"), (first.Collector, first.Slot, first.Status));
        Assert.NotNull(first.Run);
        Assert.Equal("already-done", again.Status);
        Assert.Equal(1, source.Requests);

        // The next day's slot, this time taken by the other instance.
        test.Clock.Now = November2.AddDays(1);
        Assert.Equal("failed", Assert.Single(await b.RunDueAsync(default)).Status);
        Assert.Equal("already-done", Assert.Single(await a.RunDueAsync(default)).Status);
        Assert.Equal(2, source.Requests);

        // 4 November: someone ran it by hand at 06:30, after the slot: the slot is done without observing again.
        test.Clock.Now = new DateTimeOffset(2026, 11, 4, 6, 30, 0, TimeSpan.Zero);
        Assert.True((await test.Collectors.CollectAsync(Account.System, "backup-status", dryRun: false, default)).IsSuccess);
        test.Clock.Now = new DateTimeOffset(2026, 11, 4, 7, 0, 0, TimeSpan.Zero);
        Assert.Equal("observed", Assert.Single(await a.RunDueAsync(default)).Status);
        Assert.Equal(3, source.Requests);
        Assert.Equal(3, (await test.Store.CollectorRunsAsync("backup-status")).Count);
        Assert.Empty(await test.Store.CollectorRunsAsync("on-demand"));
    }

    private static CollectorJobs Jobs(TestProgram test, string instance) =>
        new(test.Collectors, new NotificationStore(test.Database), new SchedulerOptions(), new JobInstance(instance), test.Clock);

    private static NewCollector Collector(string name, Uri url, string? schedule) => new()
    {
        Kind = "json-api",
        Name = name,
        Controls = ["AC-12"],
        Url = url.AbsoluteUri,
        Checks = ["/backup/ageHours <= 24"],
        AllowPrivateNetwork = true,
        Schedule = schedule,
    };
}
