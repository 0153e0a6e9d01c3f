using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using Trellis.Application.Actors;
using Trellis.Application.Operations;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Operations;

/// <summary>
/// Issue 17, items 2 and 3, through the real app on a real database with a real SMTP server (netDumbster) on a loopback
/// port. The known facts: each of three people owns one implemented quarterly control without evidence; on 2026-11-02
/// their digest has two lines: the 2026 Q3 task overdue (due 2026-09-30) and the control's missing evidence. The Q4
/// task (due 2026-12-31) is not within the 7 days the digest looks ahead.
/// </summary>
public sealed partial class NotificationTests
{
    private static readonly string[] People = ["ann@example.com", "bob@example.com", "cat@example.com"];

    // 05:59 on 2026-11-02: the 06:00 digest slot is a minute away.
    private static readonly DateTimeOffset BeforeSlot = new(2026, 11, 2, 5, 59, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Slot = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Digest_TwoInstancesOnOnePostgresDatabase_MailOncePerPersonAndListEachLineOnce()
    {
        using var db = TestDatabase.Create(Engine.Postgres);
        using var smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();
        await using var first = new WebFactory(db.Target, BeforeSlot, settings: Settings(smtp.Configuration.Port, scheduler: true));
        await using var second = new WebFactory(db.Target, BeforeSlot, settings: Settings(smtp.Configuration.Port, scheduler: true));
        var manager = await first.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        _ = second.Services;

        // At start-up an instance runs the latest slot it finds not done: yesterday's, with nobody to tell yet.
        await WaitAsync(() => RunCompletedAsync(first, NotificationJobs.Digest, Slot.AddDays(-1)));
        await CreateControlsAsync(manager);

        first.Clock.Advance(TimeSpan.FromSeconds(90));
        second.Clock.Advance(TimeSpan.FromSeconds(90));
        await WaitAsync(() => RunCompletedAsync(first, NotificationJobs.Digest, Slot));

        var mails = smtp.ReceivedEmail;
        Assert.Equal(People, mails.Select(m => m.ToAddresses.Single().Address).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Equal("Trellis 2026-11-02: 1 overdue, 1 other item", m.Subject));
        Assert.Equal(3, mails.Select(m => m.Headers["Message-ID"]).Distinct(StringComparer.Ordinal).Count());
        var ann = mails.Single(m => m.ToAddresses.Single().Address == People[0]);
        // digest.<slot in Unix seconds>.<first 16 hex of SHA-256 of the address>@trellis
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(People[0])))[..16];
        Assert.Equal($"<digest.{Slot.ToUnixTimeSeconds()}.{hash}@trellis>", ann.Headers["Message-ID"]);
        var body = ann.MessageParts[0].BodyData;
        Assert.Contains("was due 2026-09-30", body, StringComparison.Ordinal);
        Assert.Contains("- NT-1 Quarterly access review: no evidence", body, StringComparison.Ordinal);
        Assert.Contains("https://trellis.example.com/notifications", body, StringComparison.Ordinal);
        foreach (var person in People)
        {
            var list = await ListAsync(await second.ClientAsAsync(Roles.ControlOwner, person));
            Assert.Equal(["evidence-going-stale", "task-overdue"], list.Select(n => n.GetProperty("kind").GetString()).Order(StringComparer.Ordinal));
        }

        // Another wake-up of either instance for the same slot changes nothing.
        first.Clock.Advance(TimeSpan.FromMinutes(2));
        second.Clock.Advance(TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(3, smtp.ReceivedEmailCount);
    }

    [SkippableFact]
    public async Task Digest_InstanceStoppedMidRun_OtherCompletesAfterLeaseWithoutDoubles()
    {
        using var db = TestDatabase.Create(Engine.Postgres);
        using var smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();

        // The first instance's SMTP server accepts the connection and never answers: the run stops at the first
        // person's mail, after their in-app lines are written and the mail is claimed; then the instance is stopped.
        using var hung = new TcpListener(IPAddress.Loopback, 0);
        hung.Start();
        await using var first = new WebFactory(db.Target, Slot.AddSeconds(30), settings: Settings(((IPEndPoint)hung.LocalEndpoint).Port, scheduler: false));
        await using var second = new WebFactory(db.Target, Slot.AddSeconds(30), settings: Settings(smtp.Configuration.Port, scheduler: false));
        await CreateControlsAsync(await first.ClientAsAsync(Roles.ComplianceManager, "lead@example.com"));

        using var stop = new CancellationTokenSource();
        var crashed = RunAsync(first, stop.Token);
        using (var accepted = await hung.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(30)))
        {
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => crashed);
        }

        // While the stopped instance's lease runs, the other one does not take the run.
        Assert.Equal("busy", (await RunAsync(second, CancellationToken.None)).Status);
        second.Clock.Advance(TimeSpan.FromMinutes(2));
        var outcome = await RunAsync(second, CancellationToken.None);

        Assert.Equal("completed", outcome.Status);
        Assert.Equal(People, smtp.ReceivedEmail.Select(m => m.ToAddresses.Single().Address).Order(StringComparer.Ordinal));
        foreach (var person in People)
        {
            Assert.Equal(2, (await ListAsync(await second.ClientAsAsync(Roles.ControlOwner, person))).Count);
        }
    }

    [Fact]
    public async Task Digest_NoSmtpHost_AttemptsNoConnectionAndFillsTheInAppList()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var settings = new Dictionary<string, string>
        {
            ["Trellis:Scheduler:Enabled"] = "true",
            ["Trellis:Smtp:Port"] = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await using var app = new WebFactory(db.Target, BeforeSlot, settings: settings);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        await WaitAsync(() => RunCompletedAsync(app, NotificationJobs.Digest, Slot.AddDays(-1)));
        await CreateControlsAsync(manager);

        app.Clock.Advance(TimeSpan.FromSeconds(90));
        await WaitAsync(() => RunCompletedAsync(app, NotificationJobs.Digest, Slot));

        Assert.False(listener.Pending());
        var ann = await app.ClientAsAsync(Roles.ControlOwner, People[0]);
        Assert.Equal(2, (await ListAsync(ann)).Count);
    }

    [Fact]
    public async Task Notifications_EachAccountSeesAndMarksOnlyItsOwn_AndSettingsAreChecked()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, Slot.AddSeconds(30));
        await CreateControlsAsync(await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com"));
        Assert.Equal("completed", (await RunAsync(app, CancellationToken.None)).Status);
        var ann = await app.ClientAsAsync(Roles.ControlOwner, People[0]);
        var bob = await app.ClientAsAsync(Roles.ControlOwner, People[1]);
        var bobsIds = (await ListAsync(bob)).Select(n => n.GetProperty("id").GetInt64()).ToList();

        // Ann cannot mark Bob's lines read: nothing changes.
        var marked = await ann.PostAsJsonAsync(new Uri("/api/v1/notifications/read", UriKind.Relative), new { ids = bobsIds });
        Assert.Equal(0, (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetInt32());
        Assert.Equal(2, (await bob.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/notifications", UriKind.Relative))).GetProperty("unread").GetInt32());

        var all = await bob.PostAsJsonAsync(new Uri("/api/v1/notifications/read", UriKind.Relative), new { all = true });
        Assert.Equal(2, (await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetInt32());
        Assert.Equal(0, (await bob.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/notifications", UriKind.Relative))).GetProperty("unread").GetInt32());
        Assert.Equal(2, (await ann.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/notifications", UriKind.Relative))).GetProperty("unread").GetInt32());

        var defaults = await ann.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/notifications/settings", UriKind.Relative));
        Assert.True(defaults.GetProperty("email").GetBoolean());
        Assert.Equal(14, defaults.GetProperty("staleWithinDays").GetInt32());
        var bad = await ann.PutAsJsonAsync(new Uri("/api/v1/notifications/settings", UriKind.Relative), new { email = false, staleWithinDays = 400 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("staleWithinDays", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await ann.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/notifications/settings", UriKind.Relative))).GetProperty("email").GetBoolean());
        var good = await ann.PutAsJsonAsync(new Uri("/api/v1/notifications/settings", UriKind.Relative), new { email = false, kinds = new[] { "task-overdue" }, staleWithinDays = 30 });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);

        // The next day's digest keeps only the kinds Ann asked for.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NotificationJobs>().RunAsync(NotificationJobs.Digest, Slot.AddDays(1), CancellationToken.None);
        }

        var annLines = await ListAsync(ann);
        Assert.Equal(3, annLines.Count);
        Assert.Equal(2, annLines.Count(n => n.GetProperty("kind").GetString() == "task-overdue"));
    }

    [Fact]
    public async Task StaleEvidenceSweep_TellsTheOwnerOncePerControlAndStaleDay()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, Slot.AddSeconds(30));
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        var created = await manager.PostAsJsonAsync(
            new Uri("/api/v1/controls", UriKind.Relative),
            new { id = "NT-9", title = "Monthly firewall review", cadence = "monthly", status = "implemented", owner = People[0] });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        // August's review done: evidence effective 2026-08-01..2026-08-31; stale one month plus 14 days of grace later,
        // from 2026-10-15 (docs/operations.md, freshness).
        using var form = new MultipartFormDataContent { { new StringContent("https://wiki.example.com/firewall/2026-08"), "url" } };
        var completed = await manager.PostAsync(new Uri("/api/v1/tasks/NT-9@2026-08-01/complete", UriKind.Relative), form);
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync());

        var firstSweep = Slot.AddMinutes(30);
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, (await SweepAsync(app, firstSweep)).People);
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await SweepAsync(app, firstSweep.AddDays(1))).People);

        var lines = await ListAsync(await app.ClientAsAsync(Roles.ControlOwner, People[0]));
        var line = Assert.Single(lines);
        Assert.Equal("evidence-stale", line.GetProperty("kind").GetString());
        Assert.Equal("NT-9 Monthly firewall review: evidence stale since 2026-10-15", line.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Digest_ListsTheAuditorsRequestsAssignedToThePerson_OverdueOnesMarked()
    {
        const string engagement = "soc2-type2-window-1";
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var auditor = await app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope(engagement, new HashSet<string> { "soc2-2017" }, new DateOnly(2026, 5, 1), new DateOnly(2026, 10, 31)));
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var ids = new List<string>();
        foreach (var due in new[] { "2026-11-20", "2026-11-05", "2026-11-06" })
        {
            var raised = await auditor.PostAsJsonAsync(new Uri($"/api/v1/engagements/{engagement}/requests", UriKind.Relative), new { text = "Show the change tickets", dueOn = due });
            Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
            ids.Add((await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        // The first two go to Dan; the third stays unassigned (nobody's digest).
        foreach (var id in ids.Take(2))
        {
            var assigned = await manager.PostAsJsonAsync(new Uri($"/api/v1/requests/{id}/assign", UriKind.Relative), new { owner = "dan@example.com" });
            Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromDays(8)); // 2026-11-10
        await using var scope = app.Services.CreateAsyncScope();
        var digests = await scope.ServiceProvider.GetRequiredService<DigestService>().ComputeAsync(CancellationToken.None);
        var dan = digests.Single(d => d.Person == "dan@example.com").Items;
        Assert.Equal([ids[0], ids[1]], dan.Where(i => i.Kind == "request-assigned").Select(i => i.Subject).Order(StringComparer.Ordinal));
        Assert.EndsWith("(to answer, overdue since 2026-11-05)", dan.Single(i => i.Subject == ids[1]).Text, StringComparison.Ordinal);
        Assert.EndsWith("(to answer, due 2026-11-20)", dan.Single(i => i.Subject == ids[0]).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(digests.SelectMany(d => d.Items), i => i.Subject == ids[2]);
    }

    [Fact]
    public async Task NotificationsPage_CountsUnreadInTheMenu_MarksAllRead_AndChecksSettings()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, Slot.AddSeconds(30));
        await CreateControlsAsync(await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com"));
        Assert.Equal("completed", (await RunAsync(app, CancellationToken.None)).Status);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(new NewAccount(People[0], Roles.ControlOwner), "correct horse battery staple", "test");
            Assert.True(created.IsSuccess);
        }

        var browser = await BrowserSession.SignInAsync(app, People[0], "correct horse battery staple");
        var page = await (await browser.SendAsync(app, HttpMethod.Get, "/notifications")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"unread-count\">2<", page, StringComparison.Ordinal);
        Assert.Contains("NT-1 Quarterly access review: no evidence", page, StringComparison.Ordinal);

        var read = await browser.PostFormAsync(app, "/notifications?handler=ReadAll", []);
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        page = await (await browser.SendAsync(app, HttpMethod.Get, "/notifications")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"unread-count\">0<", page, StringComparison.Ordinal);

        var refused = await browser.PostFormAsync(app, "/notifications?handler=Settings", new() { ["Email"] = "true", ["AllKinds"] = "true", ["StaleWithinDays"] = "0" });
        Assert.Contains("staleWithinDays must be between 1 and 90, not 0", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await browser.PostFormAsync(app, "/notifications?handler=Settings", new() { ["Kinds"] = "task-overdue", ["StaleWithinDays"] = "21" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var settings = await (await app.ClientAsAsync(Roles.Viewer, "viewer@example.com")).GetAsync(new Uri("/api/v1/notifications/settings", UriKind.Relative));
        Assert.True((await settings.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetBoolean()); // the viewer's own: defaults
        page = await (await browser.SendAsync(app, HttpMethod.Get, "/notifications")).Content.ReadAsStringAsync();
        Assert.Contains("value=\"21\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"email\" name=\"Email\" value=\"true\" checked", page, StringComparison.Ordinal);
    }

    private static async Task<JobOutcome> SweepAsync(WebFactory app, DateTimeOffset slot)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationJobs>().RunAsync(NotificationJobs.StaleEvidenceSweep, slot, CancellationToken.None);
    }

    private static Dictionary<string, string> Settings(int port, bool scheduler) => new()
    {
        ["Trellis:Scheduler:Enabled"] = scheduler ? "true" : "false",
        ["Trellis:Smtp:Host"] = "127.0.0.1",
        ["Trellis:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Trellis:Smtp:UseTls"] = "false",
        ["Trellis:Smtp:From"] = "trellis@example.com",
        ["Trellis:Smtp:Timeout"] = "00:02:00",
        ["Trellis:Scheduler:PublicUrl"] = "https://trellis.example.com/",
    };

    private static async Task CreateControlsAsync(HttpClient manager)
    {
        for (var i = 0; i < People.Length; i++)
        {
            var created = await manager.PostAsJsonAsync(
                new Uri("/api/v1/controls", UriKind.Relative),
                new { id = $"NT-{i + 1}", title = "Quarterly access review", cadence = "quarterly", status = "implemented", owner = People[i] });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }
    }

    private static async Task<JobOutcome> RunAsync(WebFactory app, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationJobs>().RunAsync(NotificationJobs.Digest, Slot, ct);
    }

    private static async Task<bool> RunCompletedAsync(WebFactory app, string job, DateTimeOffset slot)
    {
        return await app.Services.GetRequiredService<Trellis.Data.NotificationStore>().IsCompletedAsync(job, slot);
    }

    private static async Task WaitAsync(Func<Task<bool>> done)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await done())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the run did not complete within 30 seconds");
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client)
    {
        var response = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/notifications", UriKind.Relative));
        return [.. response.GetProperty("items").EnumerateArray()];
    }
}
