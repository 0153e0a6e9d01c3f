using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Api;

/// <summary>A finding raised and taken through the ISO/IEC 27001:2022 10.2 lifecycle through the API, on SQLite and PostgreSQL.</summary>
public sealed class FindingApiTests
{
    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Finding_RaisedThenPlannedResolvedVerifiedClosed_EachStepNeedsTheCurrentETag(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var raised = await manager.PostAsJsonAsync("/api/v1/findings", new
        {
            id = "F-100",
            kind = "minor-nonconformity",
            title = "Access review for the payroll system skipped in Q3",
            controls = new[] { "AC-01" },
            requirements = new[] { "iso27001-2022:A.5.18" },
        });
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        var view = await raised.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("open", view.GetProperty("status").GetString());
        Assert.Equal("2026-11-02", view.GetProperty("raisedOn").GetString());
        Assert.Contains("action-planned", view.GetProperty("nextStatuses").EnumerateArray().Select(s => s.GetString()));
        var etag = raised.Headers.ETag!.Tag;

        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync("/api/v1/findings", new { id = "F-100", kind = "minor-nonconformity", title = "again" })).StatusCode);
        var noETag = await manager.PostAsJsonAsync("/api/v1/findings/F-100/steps", new { step = "resolve" });
        Assert.Equal((HttpStatusCode)428, noETag.StatusCode);

        var plan = new
        {
            step = "plan-actions",
            rootCause = "Reviewer on leave; no deputy named",
            actions = new[] { new { id = "CA-1", description = "Name a deputy reviewer", owner = "it@northwind.example", dueDate = "2026-12-15" } },
        };
        etag = await StepAsync(manager, plan, etag, "action-planned");
        var stale = await Step(manager, new { step = "resolve" }, "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        // Resolving before the action is done is refused (10.2: the actions are taken first).
        Assert.Equal(HttpStatusCode.BadRequest, (await Step(manager, new { step = "resolve" }, etag)).StatusCode);
        etag = await StepAsync(manager, new { step = "complete-action", actionId = "CA-1" }, etag, "action-planned");
        etag = await StepAsync(manager, new { step = "resolve" }, etag, "resolved");
        etag = await StepAsync(manager, new { step = "verify", effective = true, notes = "Q4 review done on time" }, etag, "verified-effective");
        await StepAsync(manager, new { step = "close" }, etag, "closed");

        var trail = await (await app.ClientAsAsync(Roles.Admin)).GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit-log?pageSize=500", UriKind.Relative));
        var actions = trail.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("resource").GetString() == "finding/F-100")
            .OrderBy(e => e.GetProperty("sequence").GetInt64()).Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["finding.raise", "finding.plan-actions", "finding.complete-action", "finding.resolve", "finding.verify", "finding.close"], actions);
    }

    [Fact]
    public async Task Raise_MalformedOrByAViewer_IsRefusedAndNothingIsStored()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        async Task<string?> Location(object body)
        {
            var response = await manager.PostAsJsonAsync("/api/v1/findings", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("location").GetString();
        }

        Assert.Equal("kind", await Location(new { id = "F-9", kind = "minor", title = "x" }));
        Assert.Equal("controls", await Location(new { id = "F-9", kind = "soc2-exception", title = "x", controls = new[] { "AC-999" } }));
        Assert.Equal("requirements", await Location(new { id = "F-9", kind = "soc2-exception", title = "x", requirements = new[] { "soc2-2017:CC9.9" } }));
        Assert.Equal("engagement", await Location(new { id = "F-9", kind = "soc2-exception", title = "x", engagement = "NOPE" }));
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/findings", new { id = "F-9", kind = "soc2-exception", title = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri("/api/v1/findings/F-9", UriKind.Relative))).StatusCode);
    }

    private static async Task<string> StepAsync(HttpClient client, object body, string etag, string status)
    {
        using var response = await Step(client, body, etag);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(status, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        return response.Headers.ETag!.Tag;
    }

    private static Task<HttpResponseMessage> Step(HttpClient client, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/findings/F-100/steps", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }
}
