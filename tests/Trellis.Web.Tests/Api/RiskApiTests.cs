using System.Globalization;
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
/// Editing the risk register (issue #5) through the API and the page, on the demo program (default 5 × 5 matrix:
/// low 1–4, medium 5–9, high 10–16, critical 17–25), on SQLite and PostgreSQL.
/// </summary>
public sealed class RiskApiTests
{
    private static readonly object Ransomware = Body(inherent: (4, 5), residual: (2, 3), treatment: "modify");

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Risk_CreateUpdateDelete_FollowIfMatch_AndAreAudited(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");

        var created = await SendAsync(manager, HttpMethod.Put, "/api/v1/risks/R-90", Ransomware, null);
        Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var read = await manager.GetAsync(new Uri("/api/v1/risks/R-90", UriKind.Relative));
        var risk = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);
        Assert.Equal("critical", risk.GetProperty("inherentLevel").GetString());
        Assert.Equal("medium", risk.GetProperty("residualLevel").GetString());
        Assert.Equal(["AC-42"], risk.GetProperty("plan")[0].GetProperty("controls").EnumerateArray().Select(c => c.GetString()));

        Assert.Equal((HttpStatusCode)428, (await SendAsync(manager, HttpMethod.Put, "/api/v1/risks/R-90", Ransomware, null)).StatusCode);
        var accepted = Body(inherent: (4, 5), residual: (1, 3), treatment: "retain", acceptance: new { approver = "CEO", acceptedOn = "2026-11-02", expires = "2027-11-01" });
        var updated = await SendAsync(manager, HttpMethod.Put, "/api/v1/risks/R-90", accepted, "\"1\"");
        Assert.True(updated.StatusCode == HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        Assert.Equal("\"2\"", updated.Headers.ETag!.Tag);
        Assert.Equal("low", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("residualLevel").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(manager, HttpMethod.Put, "/api/v1/risks/R-90", Ransomware, "\"1\"")).StatusCode);

        var page = await (await app.ClientAsAsync(Roles.Viewer)).GetStringAsync(new Uri("/risks", UriKind.Relative));
        var row = page[page.IndexOf("<th scope=\"row\">R-90</th>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("critical", row, StringComparison.Ordinal);
        Assert.Contains("low", row, StringComparison.Ordinal);
        Assert.Contains("retain", row, StringComparison.Ordinal);

        Assert.Equal((HttpStatusCode)428, (await SendAsync(manager, HttpMethod.Delete, "/api/v1/risks/R-90", null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(manager, HttpMethod.Delete, "/api/v1/risks/R-90", null, "\"1\"")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(manager, HttpMethod.Delete, "/api/v1/risks/R-90", null, "\"2\"")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri("/api/v1/risks/R-90", UriKind.Relative))).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var trail = await scope.ServiceProvider.GetRequiredService<WebDbContext>().AuditEntries
            .Where(e => e.Resource == "risk/R-90").OrderBy(e => e.Sequence).Select(e => new { e.Action, e.Actor }).ToListAsync();
        Assert.Equal(["risk.create", "risk.update", "risk.delete"], trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal("lead@example.com", e.Actor));
    }

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Risk_InvalidOrNotAllowed_IsRefusedWithItsLocation_AndNothingIsStored(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        var owner = await app.ClientAsAsync(Roles.ControlOwner);
        var total = (await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/risks", UriKind.Relative))).GetProperty("total").GetInt32();

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(viewer, HttpMethod.Put, "/api/v1/risks/R-90", Ransomware, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(owner, HttpMethod.Put, "/api/v1/risks/R-90", Ransomware, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(viewer, HttpMethod.Delete, "/api/v1/risks/R-01", null, "\"1\"")).StatusCode);
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Put, "/api/v1/risks/R-90", Body(inherent: (6, 5), residual: (2, 3), treatment: "modify"), null),
            HttpStatusCode.UnprocessableEntity, "off-matrix", "inherentLikelihood");
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Put, "/api/v1/risks/R-90", Body(inherent: (4, 5), residual: (2, 0), treatment: "modify"), null),
            HttpStatusCode.UnprocessableEntity, "off-matrix", "residualImpact");
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Put, "/api/v1/risks/R-90", Body(inherent: (4, 5), residual: (2, 3), treatment: "ignore"), null),
            HttpStatusCode.BadRequest, "invalid-treatment", "treatment");
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Put, "/api/v1/risks/R-90", Body(inherent: (4, 5), residual: (2, 3), treatment: "retain"), null),
            HttpStatusCode.UnprocessableEntity, "acceptance-required", "acceptance");
        await AssertProblemAsync(
            await SendAsync(manager, HttpMethod.Put, "/api/v1/risks/R-90", Body(inherent: (4, 5), residual: (2, 3), treatment: "retain", acceptance: new { approver = "CEO", acceptedOn = "2026-11-02" }), null),
            HttpStatusCode.UnprocessableEntity, "acceptance-required", "acceptance.expires");

        // Residual 3 × 4 = 12 is high, the default acceptance threshold: it cannot be retained.
        await AssertProblemAsync(
            await SendAsync(manager, HttpMethod.Put, "/api/v1/risks/R-90", Body(inherent: (4, 5), residual: (3, 4), treatment: "retain", acceptance: new { approver = "CEO", expires = "2027-11-01" }), null),
            HttpStatusCode.UnprocessableEntity, "above-acceptance-threshold", "treatment");
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Put, "/api/v1/risks/R-90", Body(inherent: (4, 5), residual: (2, 3), treatment: "modify", control: "AC-999"), null),
            HttpStatusCode.NotFound, "unknown-control", "plan[0].controls[0]");

        Assert.Equal(total, (await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/risks", UriKind.Relative))).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri("/api/v1/risks/R-90", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Risk_CreatedAndEditedThroughThePage_IsSaved_AndAStaleFormSaysSo()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(new NewAccount("lead@example.com", Roles.ComplianceManager), "correct horse battery staple", "test");
            Assert.True(created.IsSuccess);
        }

        var browser = await BrowserSession.SignInAsync(app, "lead@example.com", "correct horse battery staple");
        var form = new Dictionary<string, string>
        {
            ["RiskId"] = "R-90",
            ["Title"] = "Ransomware on the build servers",
            ["Owner"] = "CTO",
            ["InherentLikelihood"] = "4",
            ["InherentImpact"] = "5",
            ["ResidualLikelihood"] = "2",
            ["ResidualImpact"] = "3",
            ["Treatment"] = "modify",
            ["Controls"] = "AC-42",
            ["Requirements"] = "A.8.7",
            ["Plan[0].Description"] = "Isolate the build network",
            ["Plan[0].Controls"] = "AC-42",
            ["Plan[0].Due"] = "2027-01-31",
            ["Version"] = "0",
        };

        var posted = await browser.PostFormAsync(app, "/risks/new", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var edit = await (await browser.SendAsync(app, HttpMethod.Get, "/risks/R-90/edit")).Content.ReadAsStringAsync();
        Assert.Contains("critical", edit, StringComparison.Ordinal);
        Assert.Contains("Isolate the build network", edit, StringComparison.Ordinal);

        form.Remove("RiskId");
        form["Version"] = "1";
        form["Title"] = "Ransomware on the build and test servers";
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(app, "/risks/R-90/edit", form)).StatusCode);
        var stale = await browser.PostFormAsync(app, "/risks/R-90/edit", form);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone changed this risk meanwhile", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var risk = await (await app.ClientAsAsync(Roles.Viewer)).GetFromJsonAsync<JsonElement>(new Uri("/api/v1/risks/R-90", UriKind.Relative));
        Assert.Equal("Ransomware on the build and test servers", risk.GetProperty("title").GetString());
        Assert.Equal("2027-01-31", risk.GetProperty("plan")[0].GetProperty("due").GetString());
        Assert.Single(risk.GetProperty("plan").EnumerateArray());
        Assert.Equal(["AC-42"], risk.GetProperty("controls").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Risk_TreatedOnlyByControlsOutsideAnAuditorsFrameworks_DoesNotExistForThatAuditor()
    {
        // Issue #14 A(1): a SOC 2 auditor read a risk treated only by a NIST-only control.
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var admin = await app.ClientAsAsync(Roles.Admin);
        var control = new
        {
            title = "NIST-only governance review",
            cadence = "annual",
            status = "implemented",
            mappings = new[] { new { framework = "nist-csf-2.0", requirement = "GV.OC-01", relationship = "equal" } },
        };
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(admin, HttpMethod.Put, "/api/v1/controls/NIST-ONLY", control, null)).StatusCode);
        var secret = new
        {
            title = "Secret board matter",
            asset = "Board",
            threat = "Leak",
            vulnerability = "None",
            owner = "CEO",
            inherentLikelihood = 2,
            inherentImpact = 2,
            residualLikelihood = 1,
            residualImpact = 1,
            treatment = "modify",
            controls = new[] { "NIST-ONLY" },
            requirements = Array.Empty<string>(),
            plan = new[] { new { description = "Keep it quiet", controls = new[] { "NIST-ONLY" }, due = "2027-01-31", done = false } },
        };
        var created = await SendAsync(admin, HttpMethod.Put, "/api/v1/risks/R-SECRET", secret, null);
        Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync());

        var auditor = await app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope("soc2-type2", new HashSet<string> { "soc2-2017" }, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)));
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync(new Uri("/api/v1/risks/R-SECRET", UriKind.Relative))).StatusCode);
        var listed = await (await auditor.GetAsync(new Uri("/api/v1/risks?pageSize=200", UriKind.Relative))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetString() == "R-SECRET");
        Assert.NotEmpty(listed.GetProperty("items").EnumerateArray()); // risks treated by SOC 2-mapped controls remain
        var page = await auditor.GetAsync(new Uri("/risks", UriKind.Relative));
        Assert.DoesNotContain("R-SECRET", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/api/v1/risks/R-SECRET", UriKind.Relative))).StatusCode);
    }

    private static object Body((int L, int I) inherent, (int L, int I) residual, string treatment, object? acceptance = null, string control = "AC-42") => new
    {
        title = "Ransomware on the build servers",
        asset = "Build servers",
        threat = "Ransomware",
        vulnerability = "Flat network",
        owner = "CTO",
        inherentLikelihood = inherent.L,
        inherentImpact = inherent.I,
        residualLikelihood = residual.L,
        residualImpact = residual.I,
        treatment,
        controls = new[] { "AC-42" },
        requirements = new[] { "A.8.7" },
        plan = new[] { new { description = "Isolate the build network", controls = new[] { control }, due = "2027-01-31", done = false } },
        acceptance,
    };

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string location)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(location, problem.GetProperty("location").GetString());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body, string? etag)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        }

        return await client.SendAsync(request);
    }
}
