using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// Global search with visibility, the frameworks the program pursues, and the daily readiness snapshots behind the
/// dashboard's chart (issue 15), on the demo program.
/// </summary>
public sealed class SearchAndDashboardTests
{
    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Search_Staff_FindsEveryKindGroupedInOrder_WithLinks(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer);

        var access = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/search?q=access", UriKind.Relative));
        var ac = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/search?q=ac-", UriKind.Relative));
        var none = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/search?q=", UriKind.Relative));
        var tooLong = await viewer.GetAsync(new Uri("/api/v1/search?q=" + new string('x', 101), UriKind.Relative));

        var kinds = access.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["requirement", "control"], kinds.Take(2));
        var controls = Group(access, "control");
        Assert.Equal(["AC-20", "AC-22", "AC-39", "AC-40", "AC-41"], controls.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("/controls/AC-20", controls.GetProperty("items")[0].GetProperty("link").GetString());
        Assert.Contains(Group(access, "requirement").GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetString() == "A.5.15" && r.GetProperty("framework").GetString() == "iso27001-2022");
        Assert.Equal(25, Group(ac, "control").GetProperty("items").GetArrayLength());
        Assert.True(Group(ac, "control").GetProperty("more").GetBoolean());
        Assert.Equal(0, none.GetProperty("groups").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task Search_Auditor_FindsOnlyWhatTheirEngagementShows()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var auditor = await app.ClientAsAsync(Roles.Auditor);
        var viewer = await app.ClientAsAsync(Roles.Viewer);

        var found = await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/search?q=a", UriKind.Relative));
        var visibleControls = (await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/controls?pageSize=500", UriKind.Relative)))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToHashSet();
        var visibleEvidence = (await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/evidence?pageSize=500", UriKind.Relative)))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToHashSet();
        var staffEvidence = (await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/evidence?pageSize=500", UriKind.Relative)))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        var outside = staffEvidence.First(id => !visibleEvidence.Contains(id));
        var byStaff = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/search?q=" + outside, UriKind.Relative));
        var byAuditor = await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/search?q=" + outside, UriKind.Relative));
        var page = await auditor.GetStringAsync(new Uri("/search?q=A.5.15", UriKind.Relative));

        Assert.Contains(outside, Items(byStaff, "evidence"));
        Assert.DoesNotContain(outside, Items(byAuditor, "evidence"));
        Assert.All(Group(found, "requirement").GetProperty("items").EnumerateArray(), r => Assert.Equal("soc2-2017", r.GetProperty("framework").GetString()));
        Assert.All(Items(found, "control"), id => Assert.Contains(id, visibleControls));
        Assert.All(Items(found, "evidence"), id => Assert.Contains(id, visibleEvidence));
        Assert.Contains("id=\"no-results\"", page, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Snapshots_KeptOncePerDay_TheFirstCountsStay_AndANewDayAddsOne(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        const string History = "/api/v1/readiness/iso27001-2022/history";

        var before = await manager.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/readiness/iso27001-2022?pageSize=1", UriKind.Relative));
        _ = await manager.GetStringAsync(new Uri("/", UriKind.Relative));
        var row = await manager.GetAsync(new Uri("/api/v1/soa/A.5.7", UriKind.Relative));
        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/v1/soa/A.5.7", UriKind.Relative))
        {
            Content = new StringContent("""{"applicable":false,"justification":"No threat intelligence function in scope"}""", Encoding.UTF8, "application/json"),
        };
        put.Headers.IfMatch.Add(row.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await manager.SendAsync(put)).StatusCode);
        var after = await manager.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/readiness/iso27001-2022?pageSize=1", UriKind.Relative));
        var sameDay = await manager.GetFromJsonAsync<JsonElement>(new Uri(History, UriKind.Relative));

        app.Clock.Advance(TimeSpan.FromDays(1));
        _ = await manager.GetStringAsync(new Uri("/api/v1/readiness/", UriKind.Relative));
        var nextDay = await manager.GetFromJsonAsync<JsonElement>(new Uri(History, UriKind.Relative));

        var summary = before.GetProperty("summary");
        Assert.NotEqual(summary.GetProperty("notApplicable").GetInt32(), after.GetProperty("summary").GetProperty("notApplicable").GetInt32());
        var kept = Assert.Single(sameDay.EnumerateArray());
        Assert.Equal("2026-11-02", kept.GetProperty("day").GetString());
        Assert.Equal(summary.GetProperty("covered").GetInt32(), kept.GetProperty("covered").GetInt32());
        Assert.Equal(summary.GetProperty("notApplicable").GetInt32() + summary.GetProperty("notRelevant").GetInt32(), kept.GetProperty("notApplicable").GetInt32());
        Assert.Equal(["2026-11-02", "2026-11-03"], nextDay.EnumerateArray().Select(d => d.GetProperty("day").GetString()));
        Assert.Equal(after.GetProperty("summary").GetProperty("notApplicable").GetInt32(), nextDay[1].GetProperty("notApplicable").GetInt32());
    }

    [Fact]
    public async Task History_AuditorGetsNone_UnknownFrameworkIsNotFound_DashboardDrawsTheChart()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var auditor = await app.ClientAsAsync(Roles.Auditor);

        var dashboard = await manager.GetStringAsync(new Uri("/", UriKind.Relative));
        var auditorHistory = await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/readiness/soc2-2017/history", UriKind.Relative));
        var unknown = await manager.GetAsync(new Uri("/api/v1/readiness/no-such/history", UriKind.Relative));
        var hidden = await auditor.GetAsync(new Uri("/api/v1/readiness/iso27001-2022/history", UriKind.Relative));

        Assert.Contains("role=\"img\" aria-labelledby=\"chart-title-iso27001-2022 chart-desc-iso27001-2022\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"chart-desc-iso27001-2022\">1 day kept from 2026-11-02 to 2026-11-02", dashboard, StringComparison.Ordinal);
        Assert.Contains("<summary>As a table</summary>", dashboard, StringComparison.Ordinal);
        Assert.Contains("id=\"what-now\"", dashboard, StringComparison.Ordinal);
        Assert.Equal(0, auditorHistory.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task PursuedFrameworks_WithoutNistCsf_HideItFromTheDashboardButNotFromTheCatalog(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var viewer = await app.ClientAsAsync(Roles.Viewer);

        var initial = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/program/frameworks", UriKind.Relative));
        var dashboardBefore = await viewer.GetStringAsync(new Uri("/", UriKind.Relative));
        var refused = await viewer.PutAsJsonAsync(new Uri("/api/v1/program/frameworks", UriKind.Relative), new { frameworks = new[] { "iso27001-2022" } });
        var unknown = await manager.PutAsJsonAsync(new Uri("/api/v1/program/frameworks", UriKind.Relative), new { frameworks = new[] { "iso27001-2022", "no-such" } });
        var empty = await manager.PutAsJsonAsync(new Uri("/api/v1/program/frameworks", UriKind.Relative), new { frameworks = Array.Empty<string>() });
        var saved = await manager.PutAsJsonAsync(new Uri("/api/v1/program/frameworks", UriKind.Relative), new { frameworks = new[] { "soc2-2017", "iso27001-2022" } });
        var dashboardAfter = await viewer.GetStringAsync(new Uri("/", UriKind.Relative));
        var readiness = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/readiness/", UriKind.Relative));
        var catalog = await viewer.GetStringAsync(new Uri("/api/v1/frameworks/", UriKind.Relative));
        var trail = await manager.GetStringAsync(new Uri("/api/v1/audit-log/?pageSize=500", UriKind.Relative));

        Assert.Equal(["iso27001-2022", "soc2-2017", "nist-csf-2.0"], initial.GetProperty("frameworks").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("id=\"fw-nist-csf-2.0\"", dashboardBefore, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.DoesNotContain("fw-nist-csf-2.0", dashboardAfter, StringComparison.Ordinal);
        Assert.Contains("id=\"fw-iso27001-2022\"", dashboardAfter, StringComparison.Ordinal);
        Assert.Equal(["soc2-2017", "iso27001-2022"], readiness.EnumerateArray().Select(r => r.GetProperty("framework").GetString()));
        Assert.Contains("nist-csf-2.0", catalog, StringComparison.Ordinal);
        Assert.Contains("program.frameworks", trail, StringComparison.Ordinal);
    }

    private static JsonElement Group(JsonElement results, string kind) =>
        results.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("kind").GetString() == kind);

    private static List<string?> Items(JsonElement results, string kind) =>
        [.. results.GetProperty("groups").EnumerateArray().Where(g => g.GetProperty("kind").GetString() == kind)
            .SelectMany(g => g.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetString())];
}
