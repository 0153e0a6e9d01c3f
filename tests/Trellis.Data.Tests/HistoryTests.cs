using Trellis.Data.AuditTrail;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

/// <summary>
/// <see cref="ProgramStore.HistoryAsync"/> (issue 16 item 5, bridge letters): the audit trail's entries of the actions
/// asked for on the UTC days asked for, inclusive at both ends, on every supported database.
/// </summary>
public sealed class HistoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static AuditRecord At(string instant, string action) =>
        TestAudit.Record with { At = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), Action = action };

    [SkippableTheory, DatabaseData]
    public async Task HistoryAsync_KeepsTheActionsOnTheDaysAsked_BoundariesInclusiveInUtc(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs());
        var control = (await store.LoadAsync()).Controls[0];
        foreach (var (instant, action) in new[]
        {
            ("2026-09-30T23:59:59Z", "control.update"), // the day before the period
            ("2026-10-01T00:00:00Z", "control.update"), // its first instant
            ("2026-11-30T23:59:59.999Z", "control.update"), // its last millisecond
            ("2026-11-30T12:00:00Z", "soa.update"), // an action not asked for
            ("2026-12-01T00:00:00Z", "control.update"), // the day after
        })
        {
            Assert.True((await store.UpsertControlAsync(At(instant, action), control with { Title = instant })).IsSuccess);
        }

        var found = await store.HistoryAsync(["control.update", "control.delete"], new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30));

        Assert.Equal(
            [new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 23, 59, 59, 999, TimeSpan.Zero)],
            found.Select(e => e.At.ToUniversalTime()));
        Assert.All(found, e => Assert.Equal("control.update", e.Action));
    }
}
