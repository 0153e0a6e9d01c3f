using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Auth;
using Trellis.Web.Storage;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// Issue 15: everything the CLI changes about a control, the web changes too — create (POST), edit owner and mappings
/// (PUT), delete (DELETE with If-Match, refused while referenced) through the API and the page, on the demo program.
/// </summary>
public sealed class ControlApiTests
{
    private static readonly object AccessPolicy = new
    {
        title = "Access control policy for the build farm",
        owner = "build.lead@example.com",
        cadence = "quarterly",
        status = "planned",
        mappings = new[] { new { framework = "iso27001-2022", requirement = "A.5.15", relationship = "equal" } },
    };

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Control_CreateEditDelete_FollowIfMatch_AndAreAudited(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");

        var created = await SendAsync(manager, HttpMethod.Post, "/api/v1/controls", new { id = "AC-90", title = "Build farm access", cadence = "annual", status = "planned" }, null);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        Assert.Equal("/api/v1/controls/AC-90", created.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag!.Tag);
        await AssertProblemAsync(
            await SendAsync(manager, HttpMethod.Post, "/api/v1/controls", new { id = "AC-90", title = "Again", cadence = "annual", status = "planned" }, null),
            HttpStatusCode.Conflict, "duplicate-id", "id");

        var edited = new
        {
            title = "Build farm access",
            owner = "build.lead@example.com",
            cadence = "quarterly",
            status = "implemented",
            mappings = new[]
            {
                new { framework = "iso27001-2022", requirement = "A.5.15", relationship = "equal" },
                new { framework = "soc2-2017", requirement = "CC6.1", relationship = "intersects-with" },
            },
        };
        Assert.Equal((HttpStatusCode)428, (await SendAsync(manager, HttpMethod.Put, "/api/v1/controls/AC-90", edited, null)).StatusCode);
        var updated = await SendAsync(manager, HttpMethod.Put, "/api/v1/controls/AC-90", edited, "\"1\"");
        Assert.True(updated.StatusCode == HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        Assert.Equal("\"2\"", updated.Headers.ETag!.Tag);
        var read = await manager.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/controls/AC-90", UriKind.Relative));
        Assert.Equal("build.lead@example.com", read.GetProperty("owner").GetString());
        Assert.Equal("quarterly", read.GetProperty("cadence").GetString());
        Assert.Equal(
            ["iso27001-2022:A.5.15:equal", "soc2-2017:CC6.1:intersects-with"],
            read.GetProperty("mappings").EnumerateArray().Select(m => $"{m.GetProperty("framework").GetString()}:{m.GetProperty("requirement").GetString()}:{m.GetProperty("relationship").GetString()}"));

        Assert.Equal((HttpStatusCode)428, (await SendAsync(manager, HttpMethod.Delete, "/api/v1/controls/AC-90", null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(manager, HttpMethod.Delete, "/api/v1/controls/AC-90", null, "\"1\"")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(manager, HttpMethod.Delete, "/api/v1/controls/AC-90", null, "\"2\"")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri("/api/v1/controls/AC-90", UriKind.Relative))).StatusCode);

        var trail = await TrailAsync(app, "control/AC-90");
        Assert.Equal(["control.create", "control.update", "control.delete"], trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal("lead@example.com", e.Actor));
    }

    [Fact]
    public async Task Control_CreatedWithoutAnId_TakesTheNextFreeNumber()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var listed = await manager.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/controls?pageSize=500", UriKind.Relative));
        var highest = listed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)
            .Where(id => id.StartsWith("AC-", StringComparison.Ordinal)).Max(id => int.Parse(id[3..], System.Globalization.CultureInfo.InvariantCulture));

        // Five at once: the ID is chosen inside each write, so none races another for the same number.
        var created = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SendAsync(manager, HttpMethod.Post, "/api/v1/controls", AccessPolicy, null)));
        Assert.All(created, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(created.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()));
        Assert.Equal(Enumerable.Range(highest + 1, 5).Select(n => $"AC-{n}"), ids.Order(StringComparer.Ordinal));
        foreach (var id in ids)
        {
            Assert.Single(await TrailAsync(app, $"control/{id}"));
        }
    }

    [Fact]
    public async Task Control_InvalidReferencedOrNotAllowed_IsRefusedNamingTheField_AndNothingChanges()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var owner = await app.ClientAsAsync(Roles.ControlOwner);
        var viewer = await app.ClientAsAsync(Roles.Viewer);

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(owner, HttpMethod.Post, "/api/v1/controls", AccessPolicy, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(viewer, HttpMethod.Post, "/api/v1/controls", AccessPolicy, null)).StatusCode);
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Post, "/api/v1/controls", new { title = "x", cadence = "hourly", status = "planned" }, null), HttpStatusCode.BadRequest, "invalid-cadence", "cadence");
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Post, "/api/v1/controls", new { title = "", cadence = "annual", status = "planned" }, null), HttpStatusCode.BadRequest, "invalid-control", "title");
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Post, "/api/v1/controls", new { id = "AC 1", title = "x", cadence = "annual", status = "planned" }, null), HttpStatusCode.BadRequest, "invalid-control", "id");
        await AssertProblemAsync(
            await SendAsync(manager, HttpMethod.Post, "/api/v1/controls", new { title = "x", cadence = "annual", status = "planned", mappings = new[] { new { framework = "iso27001-2022", requirement = "A.99.1", relationship = "equal" } } }, null),
            HttpStatusCode.BadRequest, "invalid-control", "mappings");

        // The demo's judgements rely on AC-01 (src/Trellis.Content/Demo/DemoJudgements.*): deleting it would silently unlink them.
        var ac01 = await manager.GetAsync(new Uri("/api/v1/controls/AC-01", UriKind.Relative));
        var etag = ac01.Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(owner, HttpMethod.Delete, "/api/v1/controls/AC-01", null, etag)).StatusCode);
        var refused = await SendAsync(manager, HttpMethod.Delete, "/api/v1/controls/AC-01", null, etag);
        var problem = await AssertProblemAsync(refused, HttpStatusCode.Conflict, "control-in-use", null);
        Assert.Contains("judgements", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("not-applicable", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(new Uri("/api/v1/controls/AC-01", UriKind.Relative))).StatusCode);
        Assert.Empty(await TrailAsync(app, "control/AC-01"));
    }

    [Fact]
    public async Task Control_CreatedEditedWithASuggestionAndDeleted_ThroughThePage()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var browser = await SignInManagerAsync(app);
        var viewer = await app.ClientAsAsync(Roles.Viewer);

        var form = new Dictionary<string, string>
        {
            ["ControlId"] = "AC-91",
            ["Title"] = "Build farm access",
            ["Owner"] = "build.lead@example.com",
            ["Status"] = "implemented",
            ["Cadence"] = "quarterly",
            ["Mappings[0].Framework"] = "iso27001-2022",
            ["Mappings[0].Requirement"] = "A.5.15",
            ["Mappings[0].Relationship"] = "equal",
            ["Mappings[1].Framework"] = "soc2-2017",
            ["Mappings[1].Requirement"] = "",
            ["Mappings[1].Relationship"] = "equal",
            ["Version"] = "0",
        };
        var posted = await browser.PostFormAsync(app, "/controls/new", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/controls/AC-91", posted.Headers.Location!.OriginalString);

        // iso27001-2022_to_soc2-2017.yaml links A.5.15 intersects-with CC6.1: a control equal to A.5.15 is offered CC6.1.
        var edit = await (await browser.SendAsync(app, HttpMethod.Get, "/controls/AC-91/edit")).Content.ReadAsStringAsync();
        Assert.Contains("value=\"soc2-2017|CC6.1|intersects-with\"", edit, StringComparison.Ordinal);
        Assert.Contains("<datalist id=\"requirements-iso27001-2022\">", edit, StringComparison.Ordinal);

        form.Remove("ControlId");
        form["Version"] = "1";
        form["Suggested"] = "soc2-2017|CC6.1|intersects-with";
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(app, "/controls/AC-91/edit", form)).StatusCode);
        var stale = await browser.PostFormAsync(app, "/controls/AC-91/edit", form);
        Assert.Contains("Someone changed this control meanwhile", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var control = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/controls/AC-91", UriKind.Relative));
        Assert.Equal("build.lead@example.com", control.GetProperty("owner").GetString());
        Assert.Equal(
            ["iso27001-2022:A.5.15:equal", "soc2-2017:CC6.1:intersects-with"],
            control.GetProperty("mappings").EnumerateArray().Select(m => $"{m.GetProperty("framework").GetString()}:{m.GetProperty("requirement").GetString()}:{m.GetProperty("relationship").GetString()}"));

        var unconfirmed = await browser.PostFormAsync(app, "/controls/AC-91/edit?handler=Delete", new Dictionary<string, string> { ["Version"] = "2" });
        Assert.Contains("Tick the box", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var deleted = await browser.PostFormAsync(app, "/controls/AC-91/edit?handler=Delete", new Dictionary<string, string> { ["Version"] = "2", ["ConfirmDelete"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync(new Uri("/api/v1/controls/AC-91", UriKind.Relative))).StatusCode);
        Assert.Equal(["control.create", "control.update", "control.delete"], (await TrailAsync(app, "control/AC-91")).Select(e => e.Action));
    }

    [Fact]
    public async Task Control_EditedByItsOwnerOnThePage_KeepsItsOwner_AndOffersNoDelete()
    {
        // AC-20 "Access control policy" is owned by the demo's CTO (src/Trellis.Content/Demo/DemoControls.cs).
        const string cto = "lena.fischer@northwind.example";
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(new NewAccount(cto, Roles.ControlOwner), "correct horse battery staple", "test")).IsSuccess);
        }

        var browser = await BrowserSession.SignInAsync(app, cto, "correct horse battery staple");
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(app, HttpMethod.Get, "/controls/new")).StatusCode);
        var page = await (await browser.SendAsync(app, HttpMethod.Get, "/controls/AC-20/edit")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"delete-control\"", page, StringComparison.Ordinal);
        var version = (await (await app.ClientAsAsync(Roles.Viewer)).GetAsync(new Uri("/api/v1/controls/AC-20", UriKind.Relative))).Headers.ETag!.Tag.Trim('"');
        var posted = await browser.PostFormAsync(app, "/controls/AC-20/edit", new Dictionary<string, string>
        {
            ["Title"] = "Access control policy",
            ["Owner"] = "someone.else@example.com",
            ["Status"] = "implemented",
            ["Cadence"] = "quarterly",
            ["Mappings[0].Framework"] = "iso27001-2022",
            ["Mappings[0].Requirement"] = "A.5.15",
            ["Mappings[0].Relationship"] = "equal",
            ["Version"] = version,
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var control = await (await app.ClientAsAsync(Roles.Viewer)).GetFromJsonAsync<JsonElement>(new Uri("/api/v1/controls/AC-20", UriKind.Relative));
        Assert.Equal(cto, control.GetProperty("owner").GetString());
        Assert.Equal("quarterly", control.GetProperty("cadence").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostFormAsync(app, "/controls/AC-20/edit?handler=Delete", new Dictionary<string, string> { ["Version"] = "1", ["ConfirmDelete"] = "true" })).StatusCode);
    }

    [Fact]
    public async Task Risk_DeletedFromItsEditPage_IsGone_AndAudited()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var browser = await SignInManagerAsync(app);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var risk = new
        {
            title = "Ransomware on the build servers",
            owner = "CTO",
            inherentLikelihood = 4,
            inherentImpact = 5,
            residualLikelihood = 2,
            residualImpact = 3,
            treatment = "modify",
            controls = new[] { "AC-42" },
        };
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(manager, HttpMethod.Put, "/api/v1/risks/R-90", risk, null)).StatusCode);

        var unconfirmed = await browser.PostFormAsync(app, "/risks/R-90/edit?handler=Delete", new Dictionary<string, string> { ["Version"] = "1" });
        Assert.Contains("Tick the box", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var deleted = await browser.PostFormAsync(app, "/risks/R-90/edit?handler=Delete", new Dictionary<string, string> { ["Version"] = "1", ["ConfirmDelete"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri("/api/v1/risks/R-90", UriKind.Relative))).StatusCode);
        var trail = await TrailAsync(app, "risk/R-90");
        Assert.Equal(["risk.create", "risk.delete"], trail.Select(e => e.Action));
        Assert.Equal("lead@example.com", trail[^1].Actor);
    }

    internal static async Task<BrowserSession> SignInManagerAsync(WebFactory app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(new NewAccount("lead@example.com", Roles.ComplianceManager), "correct horse battery staple", "test");
            Assert.True(created.IsSuccess);
        }

        return await BrowserSession.SignInAsync(app, "lead@example.com", "correct horse battery staple");
    }

    internal static async Task<List<(string Action, string Actor)>> TrailAsync(WebFactory app, string resource)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<WebDbContext>().AuditEntries
            .Where(e => e.Resource == resource).OrderBy(e => e.Sequence).Select(e => new { e.Action, e.Actor }).ToListAsync();
        return [.. rows.Select(r => (r.Action, r.Actor))];
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? location)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        if (location is not null)
        {
            Assert.Equal(location, problem.GetProperty("location").GetString());
        }

        return problem;
    }

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body, string? etag)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        }

        return await client.SendAsync(request);
    }
}
