using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Web.Auth;
using static Trellis.Web.Tests.Api.ControlApiTests;

namespace Trellis.Web.Tests.Operations;

/// <summary>
/// Issue 17, item 1: recurring tasks from cadences through the real API. The clock stands at 2026-11-02
/// (<see cref="WebFactory.DefaultStart"/>), so the default 90-day look-back starts 2026-08-04: a quarterly control has
/// the 2026 Q3 task (2026-07-01..2026-09-30, due 2026-09-30, overdue) and the Q4 task (due 2026-12-31, open).
/// </summary>
public sealed class TaskApiTests
{
    private const string Owner = "owner@example.com";

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Tasks_FollowTheCadence_AndCompletingOneDatesItsEvidenceInThePeriod(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        await CreateAsync(manager, "AC-70", "Quarterly access review", "quarterly", "implemented");
        await CreateAsync(manager, "AC-71", "Vendor due diligence", "on-event", "implemented");
        await CreateAsync(manager, "AC-72", "Backup restore test", "quarterly", "planned");

        var tasks = await ListAsync(manager, "/api/v1/tasks");
        Assert.Equal(["AC-70@2026-07-01", "AC-70@2026-10-01"], tasks.Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(["2026-09-30", "2026-12-31"], tasks.Select(t => t.GetProperty("due").GetString()));
        Assert.Equal(["overdue", "open"], tasks.Select(t => t.GetProperty("status").GetString()));
        Assert.All(tasks, t => Assert.Equal(Owner, t.GetProperty("owner").GetString()));

        // Completing the overdue Q3 task with a link: evidence effective 2026-07-01..2026-09-30, the task done.
        var owner = await app.ClientAsAsync(Roles.ControlOwner, Owner);
        using var form = new MultipartFormDataContent { { new StringContent("https://wiki.example.com/reviews/2026-q3"), "url" } };
        var completed = await owner.PostAsync(new Uri("/api/v1/tasks/AC-70@2026-07-01/complete", UriKind.Relative), form);
        Assert.True(completed.StatusCode == HttpStatusCode.Created, await completed.Content.ReadAsStringAsync());
        var evidence = await completed.Content.ReadFromJsonAsync<JsonElement>();
        var version = evidence.GetProperty("versions")[0];
        Assert.Equal("2026-07-01", version.GetProperty("effectiveFrom").GetString());
        Assert.Equal("2026-09-30", version.GetProperty("effectiveTo").GetString());

        var q3 = await GetAsync(manager, "/api/v1/tasks/AC-70@2026-07-01");
        Assert.Equal("done", q3.GetProperty("status").GetString());
        Assert.Equal([evidence.GetProperty("id").GetString()], q3.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));

        // The current quarter completed today counts from its first day to today, not beyond.
        using var form2 = new MultipartFormDataContent { { new StringContent("https://wiki.example.com/reviews/2026-q4"), "url" } };
        var q4 = await (await owner.PostAsync(new Uri("/api/v1/tasks/AC-70@2026-10-01/complete", UriKind.Relative), form2)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-10-01", q4.GetProperty("versions")[0].GetProperty("effectiveFrom").GetString());
        Assert.Equal("2026-11-02", q4.GetProperty("versions")[0].GetProperty("effectiveTo").GetString());
        Assert.Empty(await ListAsync(manager, "/api/v1/tasks?pending=true"));
    }

    [Fact]
    public async Task Reassign_Snooze_DidNotOccur_AreAuditedAndChangeTheTask()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        await CreateAsync(manager, "AC-70", "Quarterly access review", "quarterly", "implemented");
        await CreateAsync(manager, "AC-73", "Monthly joiner screening", "monthly", "implemented");

        var moved = await SendAsync(manager, HttpMethod.Post, "/api/v1/tasks/AC-70@2026-10-01/reassign", new { assignee = "deputy@example.com" }, null);
        Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        Assert.Equal("deputy@example.com", (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("owner").GetString());
        Assert.Equal(["AC-70@2026-10-01"], (await ListAsync(manager, "/api/v1/tasks?owner=deputy@example.com")).Select(t => t.GetProperty("id").GetString()));

        var snoozed = await (await SendAsync(manager, HttpMethod.Post, "/api/v1/tasks/AC-70@2026-07-01/snooze", new { until = "2026-11-16", reason = "reviewer on leave" }, null))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("snoozed", snoozed.GetProperty("status").GetString());
        Assert.Equal("2026-11-16", snoozed.GetProperty("snoozedUntil").GetString());

        // The snooze ends: on 2026-11-17 the task is overdue again.
        app.Clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal("overdue", (await GetAsync(manager, "/api/v1/tasks/AC-70@2026-07-01")).GetProperty("status").GetString());

        var none = await (await SendAsync(manager, HttpMethod.Post, "/api/v1/tasks/AC-73@2026-09-01/did-not-occur", new { reason = "no joiners in September" }, null))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("did-not-occur", none.GetProperty("status").GetString());
        Assert.Equal("no joiners in September", none.GetProperty("didNotOccurReason").GetString());

        Assert.Equal(["task.reassign"], (await TrailAsync(app, "tasks/AC-70@2026-10-01")).Select(e => e.Action));
        Assert.Equal(["task.snooze"], (await TrailAsync(app, "tasks/AC-70@2026-07-01")).Select(e => e.Action));
        Assert.Equal([("task.did-not-occur", "lead@example.com")], await TrailAsync(app, "tasks/AC-73@2026-09-01"));
    }

    [Fact]
    public async Task BadRequests_AreRefusedWithTheirReason_AndNothingIsWritten()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        await CreateAsync(manager, "AC-70", "Quarterly access review", "quarterly", "implemented");

        await AssertProblemAsync(await manager.GetAsync(new Uri("/api/v1/tasks/AC-70", UriKind.Relative)), HttpStatusCode.BadRequest, "invalid-task", "id");
        var misaligned = await AssertProblemAsync(await manager.GetAsync(new Uri("/api/v1/tasks/AC-70@2026-08-01", UriKind.Relative)), HttpStatusCode.NotFound, "unknown-task", "id");
        Assert.Contains("starts 2026-07-01", misaligned.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertProblemAsync(await manager.GetAsync(new Uri("/api/v1/tasks/AC-70@2027-01-01", UriKind.Relative)), HttpStatusCode.NotFound, "unknown-task", "id");
        await AssertProblemAsync(
            await SendAsync(manager, HttpMethod.Post, "/api/v1/tasks/AC-70@2026-07-01/snooze", new { until = "2026-11-02", reason = "today is not later" }, null), HttpStatusCode.BadRequest, "invalid-task", "until");
        await AssertProblemAsync(
            await SendAsync(manager, HttpMethod.Post, "/api/v1/tasks/AC-70@2026-07-01/snooze", new { until = "2027-03-01", reason = "too far" }, null), HttpStatusCode.BadRequest, "invalid-task", "until");
        await AssertProblemAsync(
            await SendAsync(manager, HttpMethod.Post, "/api/v1/tasks/AC-70@2026-07-01/did-not-occur", new { reason = "  " }, null), HttpStatusCode.BadRequest, "invalid-task", "reason");
        using var form = new MultipartFormDataContent { { new StringContent("ftp://files.example.com/review"), "url" } };
        await AssertProblemAsync(await manager.PostAsync(new Uri("/api/v1/tasks/AC-70@2026-07-01/complete", UriKind.Relative), form), HttpStatusCode.UnprocessableEntity, "invalid-evidence", "url");
        Assert.Empty(await TrailAsync(app, "tasks/AC-70@2026-07-01"));
        Assert.Equal("overdue", (await GetAsync(manager, "/api/v1/tasks/AC-70@2026-07-01")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Rights_OtherOwnersAndViewersCannotAct_TheAssigneeCan_AuditorsSeeNoTasks()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        await CreateAsync(manager, "AC-70", "Quarterly access review", "quarterly", "implemented");
        var stranger = await app.ClientAsAsync(Roles.ControlOwner, "stranger@example.com");
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(stranger, HttpMethod.Post, "/api/v1/tasks/AC-70@2026-07-01/did-not-occur", new { reason = "not mine" }, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(stranger, HttpMethod.Post, "/api/v1/tasks/AC-70@2026-07-01/reassign", new { assignee = "stranger@example.com" }, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(await app.ClientAsAsync(Roles.Viewer), HttpMethod.Post, "/api/v1/tasks/AC-70@2026-07-01/did-not-occur", new { reason = "x" }, null)).StatusCode);

        // Reassigned to the stranger, the task is theirs to complete (though the control is not theirs to edit).
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(manager, HttpMethod.Post, "/api/v1/tasks/AC-70@2026-07-01/reassign", new { assignee = "stranger@example.com" }, null)).StatusCode);
        using var form = new MultipartFormDataContent { { new ByteArrayContent("review minutes"u8.ToArray()), "file", "minutes.txt" } };
        var done = await stranger.PostAsync(new Uri("/api/v1/tasks/AC-70@2026-07-01/complete", UriKind.Relative), form);
        Assert.True(done.StatusCode == HttpStatusCode.Created, await done.Content.ReadAsStringAsync());

        var auditor = await app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope(null, new HashSet<string>(StringComparer.Ordinal) { "soc2-2017" }, null, null));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync(new Uri("/api/v1/tasks", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TasksPage_ListsEveryonesTasks_CompletesOne_AndTheDashboardCountsOverdue()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var browser = await SignInManagerAsync(app);
        await CreateAsync(await app.ClientAsAsync(Roles.ComplianceManager), "AC-70", "Quarterly access review", "quarterly", "implemented");

        var dashboard = await (await browser.SendAsync(app, HttpMethod.Get, "/")).Content.ReadAsStringAsync();
        Assert.Contains(">1 overdue</a> across the program", dashboard, StringComparison.Ordinal);

        var mine = await (await browser.SendAsync(app, HttpMethod.Get, "/tasks")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"no-tasks\"", mine, StringComparison.Ordinal); // lead@example.com owns none
        var all = await (await browser.SendAsync(app, HttpMethod.Get, "/tasks?who=all")).Content.ReadAsStringAsync();
        Assert.Contains("data-task=\"AC-70@2026-07-01\"", all, StringComparison.Ordinal);
        Assert.Contains("overdue</strong> <span class=\"small\">(33 days)</span>", all, StringComparison.Ordinal); // 2026-09-30 to 2026-11-02

        var posted = await browser.PostFormAsync(app, "/tasks?who=all&handler=Complete", new Dictionary<string, string> { ["id"] = "AC-70@2026-07-01", ["url"] = "https://wiki.example.com/q3" });
        var page = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.OK, page);
        Assert.Matches("Completed AC-70@2026-07-01 with EV-\\d+\\.", page);
        Assert.DoesNotContain("data-task=\"AC-70@2026-07-01\"", page, StringComparison.Ordinal); // finished: no longer pending
        dashboard = await (await browser.SendAsync(app, HttpMethod.Get, "/")).Content.ReadAsStringAsync();
        Assert.Contains(">0 overdue</a> across the program", dashboard, StringComparison.Ordinal);
    }

    internal static async Task CreateAsync(HttpClient manager, string id, string title, string cadence, string status)
    {
        var created = await SendAsync(manager, HttpMethod.Post, "/api/v1/controls", new { id, title, cadence, status, owner = Owner }, null);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
