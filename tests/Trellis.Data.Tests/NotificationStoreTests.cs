using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

/// <summary>
/// Issue 17, item 3: the run lease and the per-person outbox on every database, through the real migrations. Two
/// holders stand for two instances; the clock is passed in, so "after the lease" is an instant, not a wait.
/// </summary>
public sealed class NotificationStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Slot = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Slot.AddSeconds(30);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static PlannedDelivery Delivery(string person) =>
        new(person, "Trellis: 1 overdue", [new NotificationLine("task-overdue", "AC-1@2026-10-01", "AC-1 review: due 2026-10-31", new DateOnly(2026, 10, 31), "digest/1/task-overdue/AC-1")], "id-" + person, true);

    [SkippableTheory, DatabaseData]
    public async Task ClaimRunAsync_SecondInstanceWhileLeaseRuns_IsBusyAndTakesOverAfterExpiry(DatabaseProvider provider)
    {
        var store = new NotificationStore(await fixture.OpenAsync(provider));

        Assert.Equal(RunClaim.Claimed, await store.ClaimRunAsync("digest", Slot, "a", Now, Lease));
        Assert.Equal(RunClaim.Busy, await store.ClaimRunAsync("digest", Slot, "b", Now.AddSeconds(5), Lease));
        Assert.Equal(RunClaim.Claimed, await store.ClaimRunAsync("digest", Slot, "a", Now.AddSeconds(10), Lease)); // renewal
        Assert.Equal(RunClaim.Busy, await store.ClaimRunAsync("digest", Slot, "b", Now.AddSeconds(10) + Lease - TimeSpan.FromSeconds(1), Lease));
        Assert.Equal(RunClaim.Claimed, await store.ClaimRunAsync("digest", Slot, "b", Now.AddSeconds(10) + Lease, Lease));
        // The old holder lost it: it cannot plan.
        Assert.False(await store.PlanRunAsync("digest", Slot, "a", [Delivery("x@example.com")], Now.AddSeconds(10) + Lease));
    }

    [SkippableTheory, DatabaseData]
    public async Task Outbox_DeliveryTakenOverAfterCrash_WritesInAppLinesOnceAndCompletes(DatabaseProvider provider)
    {
        var store = new NotificationStore(await fixture.OpenAsync(provider));
        Assert.Equal(RunClaim.Claimed, await store.ClaimRunAsync("digest", Slot, "a", Now, Lease));
        Assert.True(await store.PlanRunAsync("digest", Slot, "a", [Delivery("x@example.com"), Delivery("y@example.com")], Now));

        // "a" delivers x, then writes y's in-app lines and crashes before finishing y.
        var x = await store.ClaimDeliveryAsync("digest", Slot, "x@example.com", "a", Now, Lease);
        Assert.True(await store.WriteInAppAsync("digest", Slot, x!.Planned, "a", Now));
        Assert.True(await store.FinishDeliveryAsync("digest", Slot, "x@example.com", "a", Now));
        var y = await store.ClaimDeliveryAsync("digest", Slot, "y@example.com", "a", Now, Lease);
        Assert.True(await store.WriteInAppAsync("digest", Slot, y!.Planned, "a", Now));

        // "b" during the lease gets nothing; after it, only y, already written in-app.
        Assert.Null(await store.ClaimDeliveryAsync("digest", Slot, "y@example.com", "b", Now.AddSeconds(1), Lease));
        var later = Now + Lease;
        Assert.Equal(RunClaim.Claimed, await store.ClaimRunAsync("digest", Slot, "b", later, Lease));
        Assert.Equal(["y@example.com"], await store.PendingPeopleAsync("digest", Slot));
        var taken = await store.ClaimDeliveryAsync("digest", Slot, "y@example.com", "b", later, Lease);
        Assert.True(taken!.InApp);
        Assert.False(await store.WriteInAppAsync("digest", Slot, taken.Planned, "b", later));
        Assert.True(await store.FinishDeliveryAsync("digest", Slot, "y@example.com", "b", later));
        Assert.True(await store.CompleteRunAsync(TestAudit.Record, "digest", Slot, "b", later));

        Assert.Single(await store.ListAsync("x@example.com", false, 10));
        Assert.Single(await store.ListAsync("y@example.com", false, 10));
        Assert.Equal(RunClaim.Completed, await store.ClaimRunAsync("digest", Slot, "c", later.AddHours(1), Lease));
    }

    [SkippableTheory, DatabaseData]
    public async Task MarkReadAsync_OtherPersonsIds_ChangeNothing(DatabaseProvider provider)
    {
        var store = new NotificationStore(await fixture.OpenAsync(provider));
        await store.ClaimRunAsync("digest", Slot, "a", Now, Lease);
        await store.PlanRunAsync("digest", Slot, "a", [Delivery("x@example.com"), Delivery("y@example.com")], Now);
        foreach (var p in new[] { "x@example.com", "y@example.com" })
        {
            var d = await store.ClaimDeliveryAsync("digest", Slot, p, "a", Now, Lease);
            await store.WriteInAppAsync("digest", Slot, d!.Planned, "a", Now);
        }

        var yId = (await store.ListAsync("y@example.com", false, 10))[0].Id;
        Assert.Equal(0, await store.MarkReadAsync(TestAudit.Record, "x@example.com", [yId], Now));
        Assert.Equal(1, await store.UnreadCountAsync("y@example.com"));
        Assert.Equal(1, await store.MarkReadAsync(TestAudit.Record, "y@example.com", null, Now));
        Assert.Equal(0, await store.UnreadCountAsync("y@example.com"));
        Assert.Equal(1, await store.UnreadCountAsync("x@example.com"));
    }

    [SkippableTheory, DatabaseData]
    public async Task RefusedMail_WaitsUntilRetryAt_ThenAnyInstanceClaimsIt_LastAttemptFailsForGood(DatabaseProvider provider)
    {
        var store = new NotificationStore(await fixture.OpenAsync(provider));
        Assert.Equal(RunClaim.Claimed, await store.ClaimRunAsync("digest", Slot, "a", Now, Lease));
        Assert.True(await store.PlanRunAsync("digest", Slot, "a", [Delivery("x@example.com")], Now));
        var x = await store.ClaimDeliveryAsync("digest", Slot, "x@example.com", "a", Now, Lease);
        Assert.True(await store.WriteInAppAsync("digest", Slot, x!.Planned, "a", Now));
        Assert.True(await store.SetMailStateAsync("digest", Slot, "x@example.com", "a", "sending", Now));

        var retryAt = Now.AddMinutes(10);
        Assert.True(await store.RecordMailFailureAsync("digest", Slot, "x@example.com", "a", "SocketException: Connection refused", retryAt, Now));
        // Nobody, not even the instance that tried, claims it before retryAt; the run cannot complete.
        Assert.Null(await store.ClaimDeliveryAsync("digest", Slot, "x@example.com", "a", retryAt.AddSeconds(-1), Lease));
        Assert.False(await store.CompleteRunAsync(TestAudit.Record, "digest", Slot, "a", Now));
        Assert.Equal([Slot], await store.UnfinishedSlotsAsync("digest", Slot.AddDays(-8)));

        var again = await store.ClaimDeliveryAsync("digest", Slot, "x@example.com", "b", retryAt, Lease);
        Assert.Equal(("pending", 1, true), (again!.MailState, again.MailAttempts, again.InApp));
        Assert.True(await store.RecordMailFailureAsync("digest", Slot, "x@example.com", "b", "SocketException: Connection refused", null, retryAt));
        Assert.True(await store.FinishDeliveryAsync("digest", Slot, "x@example.com", "b", retryAt));
        Assert.Equal(RunClaim.Claimed, await store.ClaimRunAsync("digest", Slot, "b", retryAt, Lease));
        Assert.True(await store.CompleteRunAsync(TestAudit.Record, "digest", Slot, "b", retryAt));
        Assert.Empty(await store.UnfinishedSlotsAsync("digest", Slot.AddDays(-8)));
    }

    [SkippableTheory, DatabaseData]
    public async Task PruneAsync_DeletesOldLinesAndCompletedRuns_KeepsUnfinishedRunsAndNewerLines(DatabaseProvider provider)
    {
        var store = new NotificationStore(await fixture.OpenAsync(provider));
        var old = Slot.AddDays(-40);
        foreach (var (slot, person, complete) in new[] { (old, "x@example.com", true), (old.AddHours(1), "y@example.com", false), (Slot, "z@example.com", true) })
        {
            Assert.Equal(RunClaim.Claimed, await store.ClaimRunAsync("digest", slot, "a", slot, Lease));
            Assert.True(await store.PlanRunAsync("digest", slot, "a", [Delivery(person)], slot));
            var d = await store.ClaimDeliveryAsync("digest", slot, person, "a", slot, Lease);
            Assert.True(await store.WriteInAppAsync("digest", slot, d!.Planned, "a", slot));
            if (complete)
            {
                Assert.True(await store.FinishDeliveryAsync("digest", slot, person, "a", slot));
                Assert.True(await store.CompleteRunAsync(TestAudit.Record, "digest", slot, "a", slot));
            }
        }

        var counts = await store.PruneAsync(_ => TestAudit.Record, Slot.AddDays(-30));

        // x's and y's lines are older than the cut; only x's run was completed.
        Assert.Equal(new PruneCounts(2, 1), counts);
        Assert.Empty(await store.ListAsync("x@example.com", false, 10));
        Assert.Empty(await store.ListAsync("y@example.com", false, 10));
        Assert.Single(await store.ListAsync("z@example.com", false, 10));
        Assert.False(await store.IsCompletedAsync("digest", old));
        Assert.Equal([old.AddHours(1)], await store.UnfinishedSlotsAsync("digest", old.AddDays(-1)));
        Assert.Equal(["y@example.com"], await store.PendingPeopleAsync("digest", old.AddHours(1)));
        Assert.Equal(new PruneCounts(0, 0), await store.PruneAsync(_ => TestAudit.Record, Slot.AddDays(-30)));
    }
}
