using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Trellis.Application.Actors;

namespace Trellis.Web.Tests.Pages;

/// <summary>
/// Issue 16, item 1: an auditor lands on their engagement (not on the company's readiness), their menu lists only what
/// they may open, their engagement's control matrix and evidence index download within their framework and window, and
/// errors in the browser are pages in the app's layout while the API keeps problem+json.
/// </summary>
public sealed partial class AuditorPortalTests
{
    // The demo's SOC 2 Type 2 window around the fake clock's day (2026-11-02), as the accessibility test scopes it.
    private const string Engagement = "soc2-type2-window-1";
    private static readonly DateOnly From = new(2026, 5, 1);
    private static readonly DateOnly To = new(2026, 10, 31);

    [Fact]
    public async Task Dashboard_Auditor_IsRedirectedToTheirEngagementWhichOffersTheDownloads()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var auditor = await SocAuditorAsync(app);

        using var landing = await auditor.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        Assert.Equal($"/engagements/{Engagement}", landing.Headers.Location!.OriginalString);

        var page = await auditor.GetStringAsync(new Uri($"/engagements/{Engagement}", UriKind.Relative));
        Assert.Contains($"href=\"/api/v1/engagements/{Engagement}/reports/matrix?format=xlsx\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/v1/engagements/{Engagement}/reports/evidence-index?format=csv\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"auditor-scope\"", page, StringComparison.Ordinal);

        // Staff keep the dashboard.
        using var staff = await (await app.ClientAsAsync(Roles.Viewer)).GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
    }

    [Fact]
    public async Task Menu_Soc2Auditor_ListsOnlyPagesTheyMayOpen_AndEachOpens()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var auditor = await SocAuditorAsync(app);

        var page = await auditor.GetStringAsync(new Uri($"/engagements/{Engagement}", UriKind.Relative));
        var nav = page[page.IndexOf("<nav aria-label=\"Main\">", StringComparison.Ordinal)..page.IndexOf("</nav>", StringComparison.Ordinal)];
        var links = MenuLink().Matches(nav).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([$"/engagements/{Engagement}", "/requests", "/controls", "/evidence", "/policies", "/findings", "/frameworks"], links);
        foreach (var link in links)
        {
            using var response = await auditor.GetAsync(new Uri(link, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task EngagementReports_Auditor_GetsTheirFrameworkAndWindowOnly_AnotherEngagementIs404()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var auditor = await SocAuditorAsync(app);

        using var matrix = await auditor.GetAsync(new Uri($"/api/v1/engagements/{Engagement}/reports/matrix?format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, matrix.StatusCode);
        Assert.Equal("attachment", matrix.Content.Headers.ContentDisposition?.DispositionType);
        var matrixText = await matrix.Content.ReadAsStringAsync();
        Assert.Contains("CC6.1", matrixText, StringComparison.Ordinal);
        Assert.DoesNotContain("A.5.", matrixText, StringComparison.Ordinal);

        using var index = await auditor.GetAsync(new Uri($"/api/v1/engagements/{Engagement}/reports/evidence-index?format=json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        var indexed = EvidenceId().Matches(await index.Content.ReadAsStringAsync()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var visible = (await JsonDocument.ParseAsync(await auditor.GetStreamAsync(new Uri("/api/v1/evidence?pageSize=500", UriKind.Relative))))
            .RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(indexed);
        Assert.Subset(visible, indexed);

        // An auditor of another engagement is told the engagement does not exist, as for every engagement read.
        var other = await app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope("iso-stage2", new HashSet<string> { "iso27001-2022" }, null, null));
        using var refused = await other.GetAsync(new Uri($"/api/v1/engagements/{Engagement}/reports/matrix?format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("unknown-engagement", (await JsonDocument.ParseAsync(await refused.Content.ReadAsStreamAsync())).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Errors_InTheBrowser_ArePagesInTheLayout_TheApiKeepsProblemJson()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var auditor = await SocAuditorAsync(app);

        using var notFound = await auditor.GetAsync(new Uri("/controls/NO-SUCH-CONTROL", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("text/html", notFound.Content.Headers.ContentType?.MediaType);
        var html = await notFound.Content.ReadAsStringAsync();
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.Contains("Not found", html, StringComparison.Ordinal);

        using var forbidden = await auditor.GetAsync(new Uri("/reports", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var forbiddenHtml = await forbidden.Content.ReadAsStringAsync();
        Assert.Contains("<main id=\"main\"", forbiddenHtml, StringComparison.Ordinal);
        Assert.Contains("Not allowed", forbiddenHtml, StringComparison.Ordinal);

        using var api = await auditor.GetAsync(new Uri("/api/v1/controls/NO-SUCH-CONTROL", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        using var apiForbidden = await auditor.GetAsync(new Uri("/api/v1/reports/soa", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, apiForbidden.StatusCode);
        Assert.Equal("application/problem+json", apiForbidden.Content.Headers.ContentType?.MediaType);

        // A form posted without its antiforgery token is a 400 page, not a bare status.
        using var bad = await auditor.PostAsync(new Uri("/findings", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Bad request", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpClient> SocAuditorAsync(WebFactory app) =>
        app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope(Engagement, new HashSet<string> { "soc2-2017" }, From, To));

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex MenuLink();

    [GeneratedRegex(@"\bEV-[A-Za-z0-9-]+")]
    private static partial Regex EvidenceId();
}
