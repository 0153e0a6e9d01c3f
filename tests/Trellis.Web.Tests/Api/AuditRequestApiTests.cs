using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Application.Actors;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// Issue 16, item 2: requests that go back and forth — the auditor raises, the lead assigns, the owner answers, the
/// auditor flags, the owner resubmits, the auditor accepts — each step audited, visible on both sides, overdue ones
/// counted, and nobody outside the engagement can see or act on them. Demo program; today is 2026-11-02.
/// </summary>
public sealed class AuditRequestApiTests
{
    private const string Engagement = "soc2-type2-window-1";
    private const string Owner = "owner@example.com";

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Request_GoesBackAndForthToAcceptance_EveryStepAuditedAndOnBothSides(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var auditor = await AuditorAsync(app);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var owner = await app.ClientAsAsync(Roles.ControlOwner, Owner);
        var control = (await GetAsync(auditor, "/api/v1/controls?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var evidence = (await GetAsync(manager, $"/api/v1/evidence?control={control}&pageSize=2")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.Equal(2, evidence.Count);

        var raised = await auditor.PostAsJsonAsync($"/api/v1/engagements/{Engagement}/requests", new { text = "Show the access review of March", dueOn = "2026-11-20", control });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var id = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal("REQ-0001", id);
        Assert.Equal($"/api/v1/requests/{id}", raised.Headers.Location!.OriginalString);

        // Nobody is assigned yet: the owner-to-be may not answer.
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync($"/api/v1/requests/{id}/answer", new { evidence = new[] { evidence[0] } })).StatusCode);
        await StepAsync(manager, id, "assign", new { owner = Owner }, "assigned");
        await StepAsync(owner, id, "answer", new { evidence = new[] { evidence[0] }, note = "the March review" }, "answered");
        // The owner cannot accept their own answer (an owner never accepts), and a flag needs its reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync($"/api/v1/requests/{id}/accept", new { })).StatusCode);
        var noReason = await auditor.PostAsJsonAsync($"/api/v1/requests/{id}/flag", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("reason", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("location").GetString());
        await StepAsync(auditor, id, "flag", new { reason = "this is February's review" }, "flagged");
        await StepAsync(owner, id, "comments", new { text = "sorry, resubmitting" }, "flagged");
        await StepAsync(owner, id, "answer", new { evidence = new[] { evidence[1] }, note = "March, this time" }, "answered");
        await StepAsync(auditor, id, "accept", new { comment = "thanks" }, "accepted");

        var seen = await GetAsync(manager, $"/api/v1/requests/{id}");
        Assert.Equal(["raised", "assigned", "answered", "flagged", "comment", "answered", "accepted"], seen.GetProperty("thread").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal([evidence[1]], seen.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("accepted", (await GetAsync(auditor, $"/api/v1/engagements/{Engagement}/requests"))[0].GetProperty("status").GetString());

        var page = await auditor.GetStringAsync(new Uri($"/requests/{id}", UriKind.Relative));
        Assert.Contains("id=\"request-status\">accepted", page, StringComparison.Ordinal);
        Assert.Contains("this is February&#x27;s review", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/requests/{id}\"", await manager.GetStringAsync(new Uri("/requests", UriKind.Relative)), StringComparison.Ordinal);

        var trail = await GetAsync(await app.ClientAsAsync(Roles.Admin), "/api/v1/audit-log?pageSize=500");
        var actions = trail.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("resource").GetString() == $"request/{id}")
            .OrderBy(e => e.GetProperty("sequence").GetInt64()).Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["request.raise", "request.assign", "request.answer", "request.flag", "request.comment", "request.answer", "request.accept"], actions);
    }

    [Fact]
    public async Task Accept_ByTheManagerWhoGaveTheAnswer_Answers403OwnAnswer_AndChangesNothing()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        var evidence = (await GetAsync(manager, "/api/v1/evidence?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var id = await RaiseAsync(await AuditorAsync(app), "2026-11-20");
        await StepAsync(manager, id, "assign", new { owner = "lead@example.com" }, "assigned");
        await StepAsync(manager, id, "answer", new { evidence = new[] { evidence } }, "answered");

        var own = await manager.PostAsJsonAsync($"/api/v1/requests/{id}/accept", new { });
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal("own-answer", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("answered", (await GetAsync(manager, $"/api/v1/requests/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Requests_AuditorOfAnotherEngagement_Gets404ForReadingAndEveryStep()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var id = await RaiseAsync(await AuditorAsync(app), "2026-11-20");
        var iso = (await GetAsync(await app.ClientAsAsync(Roles.Viewer), "/api/v1/engagements?pageSize=500")).GetProperty("items").EnumerateArray()
            .First(e => e.GetProperty("framework").GetString() == "iso27001-2022").GetProperty("id").GetString()!;
        var other = await app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope(iso, new HashSet<string> { "iso27001-2022" }, null, null));

        foreach (var response in new[]
        {
            await other.GetAsync(new Uri($"/api/v1/requests/{id}", UriKind.Relative)),
            await other.GetAsync(new Uri($"/api/v1/engagements/{Engagement}/requests", UriKind.Relative)),
            await other.PostAsJsonAsync($"/api/v1/requests/{id}/comments", new { text = "peek" }),
            await other.PostAsJsonAsync($"/api/v1/requests/{id}/flag", new { reason = "peek" }),
            await other.PostAsJsonAsync($"/api/v1/requests/{id}/accept", new { }),
            await other.PostAsJsonAsync($"/api/v1/engagements/{Engagement}/requests", new { text = "x", dueOn = "2026-12-01" }),
            await other.GetAsync(new Uri($"/requests/{id}", UriKind.Relative)),
        })
        {
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode}");
        }

        Assert.Single((await GetAsync(await app.ClientAsAsync(Roles.Viewer), $"/api/v1/engagements/{Engagement}/requests")).EnumerateArray());
    }

    [Fact]
    public async Task Raise_BadInput_AnswersProblemWithCodeAndLocation_AndStoresNothing()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var auditor = await AuditorAsync(app);
        var url = $"/api/v1/engagements/{Engagement}/requests";

        await AssertProblemAsync(await auditor.PostAsJsonAsync(url, new { text = "x", dueOn = "2026-11-01" }), HttpStatusCode.BadRequest, "invalid-request", "dueOn");
        await AssertProblemAsync(await auditor.PostAsJsonAsync(url, new { text = "", dueOn = "2026-11-20" }), HttpStatusCode.BadRequest, "missing-field", "text");
        await AssertProblemAsync(await auditor.PostAsJsonAsync(url, new { text = "x", dueOn = "2026-11-20", control = "NO-SUCH" }), HttpStatusCode.NotFound, "unknown-control", "control");
        await AssertProblemAsync(await auditor.PostAsJsonAsync(url, new { text = "x", dueOn = "2026-11-20", requirement = "iso27001-2022:A.5.1" }), HttpStatusCode.NotFound, "unknown-framework", "requirement");
        await AssertProblemAsync(await auditor.PostAsJsonAsync(url, new { text = "x" }), HttpStatusCode.BadRequest, "missing-field", "dueOn");
        Assert.Equal(0, (await GetAsync(auditor, url)).GetArrayLength());
    }

    [Fact]
    public async Task Request_PastItsDueDateUnanswered_IsOverdueOnBothSidesAndCountedOnTheDashboard()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var auditor = await AuditorAsync(app);
        var id = await RaiseAsync(auditor, "2026-11-03");
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        Assert.False((await GetAsync(manager, $"/api/v1/requests/{id}")).GetProperty("overdue").GetBoolean());

        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.True((await GetAsync(manager, $"/api/v1/requests/{id}")).GetProperty("overdue").GetBoolean());
        Assert.True((await GetAsync(auditor, $"/api/v1/requests/{id}")).GetProperty("overdue").GetBoolean());
        var dashboard = await manager.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("id=\"requests-overdue\">1 overdue", dashboard, StringComparison.Ordinal);
        var page = await auditor.GetStringAsync(new Uri($"/engagements/{Engagement}", UriKind.Relative));
        Assert.Contains("1 overdue", page, StringComparison.Ordinal);
    }

    private static Task<HttpClient> AuditorAsync(WebFactory app) =>
        app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope(Engagement, new HashSet<string> { "soc2-2017" }, new DateOnly(2026, 5, 1), new DateOnly(2026, 10, 31)));

    private static async Task<string> RaiseAsync(HttpClient auditor, string due)
    {
        var raised = await auditor.PostAsJsonAsync($"/api/v1/engagements/{Engagement}/requests", new { text = "Show the change tickets of the window", dueOn = due });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        return (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task StepAsync(HttpClient client, string id, string step, object body, string status)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/requests/{id}/{step}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(status, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string location)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(location, problem.GetProperty("location").GetString());
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path) =>
        await client.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));
}
