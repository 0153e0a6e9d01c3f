using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using Trellis.Application.Operations;
using Trellis.Data;
using Trellis.Data.Rows;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Operations;

/// <summary>
/// Refused mail is tried again (the delay doubling) until it goes or the attempts run out; a run left unfinished is
/// carried on by the scheduler after the next slot; old lines and runs are pruned; bad settings stop start-up.
/// </summary>
public sealed partial class NotificationTests
{
    [Fact]
    public async Task Digest_SmtpRefusesThenComesBack_MailIsRetriedAfterTheDelayAndSentOnce()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        var port = UnusedPort(); // nothing listens: every connection is refused
        var settings = new Dictionary<string, string>(Settings(port, scheduler: false)) { ["Trellis:Smtp:Timeout"] = "00:00:05" };
        await using var app = new WebFactory(db.Target, Slot.AddSeconds(30), settings: settings);
        await CreateControlsAsync(await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com"));

        var first = await RunAsync(app, CancellationToken.None);
        Assert.Equal(("retrying", 3, 0), (first.Status, first.MailRetrying, first.Mailed));
        // The in-app lines do not wait for the mail.
        var ann = await app.ClientAsAsync(Roles.ControlOwner, People[0]);
        Assert.Equal(2, (await ListAsync(ann)).Count);
        var rows = await DeliveriesAsync(app, Slot);
        Assert.All(rows, r => Assert.Equal(("pending", 1), (r.MailState, r.MailAttempts)));
        Assert.All(rows, r => Assert.Contains("refused", r.MailError!, StringComparison.OrdinalIgnoreCase));

        using var smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(port).Build();

        // Before the 10-minute delay nobody retries, although the server is back.
        app.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.NotEqual("completed", (await RunAsync(app, CancellationToken.None)).Status);
        Assert.Equal(0, smtp.ReceivedEmailCount);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var second = await RunAsync(app, CancellationToken.None);
        Assert.Equal(("completed", 3, 3), (second.Status, second.People, second.Mailed));
        Assert.Equal(People, smtp.ReceivedEmail.Select(m => m.ToAddresses.Single().Address).Order(StringComparer.Ordinal));
        Assert.All(await DeliveriesAsync(app, Slot), r => Assert.Equal("sent", r.MailState));
        Assert.Equal(2, (await ListAsync(ann)).Count); // lines not written twice
    }

    [Fact]
    public async Task Digest_SmtpRefusesEveryAttempt_RunCompletesWithTheMailFailedAndTheReasonKept()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        var settings = new Dictionary<string, string>(Settings(UnusedPort(), scheduler: false))
        {
            ["Trellis:Smtp:Timeout"] = "00:00:05",
            ["Trellis:Scheduler:MailAttempts"] = "2",
            ["Trellis:Scheduler:MailRetryDelay"] = "00:05:00",
        };
        await using var app = new WebFactory(db.Target, Slot.AddSeconds(30), settings: settings);
        await CreateControlsAsync(await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com"));

        Assert.Equal("retrying", (await RunAsync(app, CancellationToken.None)).Status);
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        var last = await RunAsync(app, CancellationToken.None);

        Assert.Equal(("completed", 3, 0, 3), (last.Status, last.People, last.Mailed, last.MailFailed));
        Assert.All(await DeliveriesAsync(app, Slot), r => Assert.Equal(("failed", 2), (r.MailState, r.MailAttempts)));
    }

    [Fact]
    public async Task Scheduler_CarriesOnAnOlderUnfinishedRun_AfterTheNextSlotCame()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        var port = UnusedPort();
        var settings = new Dictionary<string, string>(Settings(port, scheduler: true)) { ["Trellis:Smtp:Timeout"] = "00:00:05" };
        await using var app = new WebFactory(db.Target, BeforeSlot, settings: settings);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        await WaitAsync(() => RunCompletedAsync(app, NotificationJobs.Digest, Slot.AddDays(-1)));
        await CreateControlsAsync(manager);

        app.Clock.Advance(TimeSpan.FromSeconds(90));
        await WaitAsync(async () => (await DeliveriesAsync(app, Slot)).Count == 3 && (await DeliveriesAsync(app, Slot)).All(r => r.MailAttempts == 1));
        Assert.False(await RunCompletedAsync(app, NotificationJobs.Digest, Slot));

        using var smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(port).Build();
        app.Clock.Advance(TimeSpan.FromDays(1)); // the next day's 06:00 slot is the latest now
        await WaitAsync(() => RunCompletedAsync(app, NotificationJobs.Digest, Slot));
        await WaitAsync(() => RunCompletedAsync(app, NotificationJobs.Digest, Slot.AddDays(1)));

        // Each person got the first day's digest once (after its retry) and the second day's once.
        var ids = smtp.ReceivedEmail.Select(m => m.Headers["Message-ID"]).ToList();
        Assert.Equal(6, ids.Count);
        Assert.Equal(6, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(3, ids.Count(i => i!.StartsWith($"<digest.{Slot.ToUnixTimeSeconds()}.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Digest_PrunesLinesAndRunsOlderThanKeepDays_WithAnAuditEntry()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        var settings = new Dictionary<string, string> { ["Trellis:Scheduler:KeepDays"] = "30" };
        await using var app = new WebFactory(db.Target, Slot.AddSeconds(30), settings: settings);
        await CreateControlsAsync(await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com"));
        Assert.Equal("completed", (await RunAsync(app, CancellationToken.None)).Status);
        var ann = await app.ClientAsAsync(Roles.ControlOwner, People[0]);
        var before = (await ListAsync(ann)).Select(n => n.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(2, before.Count);

        // 29 days on, nothing is old enough; 31 days on, the first slot's lines and run go.
        app.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(new PruneCounts(0, 0), await PruneAsync(app));
        app.Clock.Advance(TimeSpan.FromDays(2));
        var later = Slot.AddDays(31);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal("completed", (await scope.ServiceProvider.GetRequiredService<NotificationJobs>().RunAsync(NotificationJobs.Digest, later, CancellationToken.None)).Status);
        }

        var after = (await ListAsync(ann)).Select(n => n.GetProperty("id").GetInt64()).ToList();
        Assert.NotEmpty(after);
        Assert.Empty(after.Intersect(before));
        Assert.False(await RunCompletedAsync(app, NotificationJobs.Digest, Slot));
        Assert.True(await RunCompletedAsync(app, NotificationJobs.Digest, later));
        Assert.Empty(await DeliveriesAsync(app, Slot));
        var admin = await app.ClientAsAsync(Roles.Admin);
        var log = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit-log?pageSize=10", UriKind.Relative));
        Assert.Contains("notify.prune", log.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Trellis:Scheduler:Digest", "61 6 * * *")]
    [InlineData("Trellis:Scheduler:TimeZone", "Mars/Olympus_Mons")]
    [InlineData("Trellis:Scheduler:KeepDays", "7")]
    [InlineData("Trellis:Scheduler:MailAttempts", "0")]
    [InlineData("Trellis:Smtp:Port", "70000")]
    [InlineData("Trellis:Scheduler:Lease", "soon")]
    public void BadSchedulerOrSmtpSetting_StopsStartUp_NamingTheSetting(string key, string value)
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        // Even with the scheduler off: `trellis notify` and a later restart with it on read the same settings.
        using var app = new WebFactory(db.Target, settings: new Dictionary<string, string> { [key] = value });
        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var name = key.Split(':')[^1];
        Assert.Contains(name, failure.ToString(), StringComparison.Ordinal);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<PruneCounts> PruneAsync(WebFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationJobs>().PruneAsync(CancellationToken.None);
    }

    private static async Task<List<NotificationDeliveryRow>> DeliveriesAsync(WebFactory app, DateTimeOffset slot)
    {
        var s = slot.ToUnixTimeMilliseconds();
        await using var context = app.Services.GetRequiredService<TrellisDatabase>().CreateContext();
        return await context.Set<NotificationDeliveryRow>().AsNoTracking().Where(d => d.Job == NotificationJobs.Digest && d.Slot == s).OrderBy(d => d.Person).ToListAsync();
    }
}
