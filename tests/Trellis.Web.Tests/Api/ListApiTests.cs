using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// Lists cut by the database (issue 15): paging, search, sort and filter of controls, evidence and risks against the
/// demo's known data (src/Trellis.Content/Demo: 60 controls AC-01…AC-60, 50 implemented, 6 in progress, 4 planned;
/// 21 risks R-01…R-21; five control titles with "access"), on SQLite and PostgreSQL.
/// </summary>
public sealed partial class ListApiTests
{
    private static readonly string[] AccessControls = ["AC-20", "AC-22", "AC-39", "AC-40", "AC-41"];

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Controls_PagedBy25_ThreePagesOf25_25_10_CoverAllSixtyOnce(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer);

        var pages = new List<JsonElement>();
        for (var p = 1; p <= 3; p++)
        {
            pages.Add(await viewer.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/controls?pageSize=25&page={p}", UriKind.Relative)));
        }

        var first = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/controls", UriKind.Relative));
        Assert.Equal([25, 25, 10], pages.Select(p => p.GetProperty("items").GetArrayLength()));
        Assert.All(pages, p => Assert.Equal(60, p.GetProperty("total").GetInt32()));
        Assert.Equal(60, pages.SelectMany(Ids).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("AC-01", Ids(pages[0])[0]);
        Assert.Equal(50, first.GetProperty("items").GetArrayLength());
        Assert.Equal(50, first.GetProperty("pageSize").GetInt32());
    }

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Controls_SearchSortAndFilter_AnswerFromTheDemo(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        async Task<JsonElement> Get(string query) => await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/controls?" + query, UriKind.Relative));

        Assert.Equal(AccessControls, Ids(await Get("q=access")));
        Assert.Equal(AccessControls, Ids(await Get("q=ACCESS&sort=id")));
        Assert.Equal(AccessControls.Reverse(), Ids(await Get("q=access&sort=id&order=desc")));
        Assert.Equal(["AC-05"], Ids(await Get("q=ac-05")));
        Assert.Equal("AC-60", Ids(await Get("sort=id&order=desc&pageSize=1"))[0]);
        Assert.Equal(4, (await Get("status=planned")).GetProperty("total").GetInt32());
        Assert.Equal(6, (await Get("status=in-progress")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Get("q=no-such-control")).GetProperty("total").GetInt32());

        var badSort = await viewer.GetAsync(new Uri("/api/v1/controls?sort=colour", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.Equal("invalid-option", (await badSort.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync(new Uri("/api/v1/controls?pageSize=501", UriKind.Relative))).StatusCode);
    }

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task EvidenceAndRisks_FilteredAndPaged_InTheDatabase(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer);

        var forAc22 = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/evidence?control=AC-22&pageSize=500", UriKind.Relative));
        var all = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/evidence?pageSize=7", UriKind.Relative));
        var risks = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/risks?pageSize=5&page=5", UriKind.Relative));
        var byId = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/risks?sort=id&order=desc&pageSize=2", UriKind.Relative));
        var searched = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/risks?q=ransomware", UriKind.Relative));

        Assert.True(forAc22.GetProperty("total").GetInt32() > 0);
        Assert.All(forAc22.GetProperty("items").EnumerateArray(), e => Assert.Contains("AC-22", e.GetProperty("controls").EnumerateArray().Select(c => c.GetString())));
        Assert.Equal(7, all.GetProperty("items").GetArrayLength());
        Assert.True(all.GetProperty("total").GetInt32() > 7);
        Assert.Equal(21, risks.GetProperty("total").GetInt32());
        Assert.Equal(["R-21"], Ids(risks));
        Assert.Equal(["R-21", "R-20"], Ids(byId));
        Assert.Equal(["R-02"], Ids(searched));
    }

    [Fact]
    public async Task Pages_NeverShowMoreRowsThanThePageSize_AndNameEachHeatMapLevel()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var admin = await app.ClientAsAsync(Roles.Admin);

        var controls = await admin.GetStringAsync(new Uri("/controls?pageSize=20&page=2&sort=id", UriKind.Relative));
        var evidence = await admin.GetStringAsync(new Uri("/evidence", UriKind.Relative));
        var risks = await admin.GetStringAsync(new Uri("/risks?pageSize=4", UriKind.Relative));
        var access = await admin.GetStringAsync(new Uri("/controls?q=access", UriKind.Relative));

        Assert.Equal(20, RowsOf(controls, "controls"));
        Assert.Contains(">AC-21<", controls, StringComparison.Ordinal);
        Assert.DoesNotContain(">AC-41<", controls, StringComparison.Ordinal);
        Assert.True(RowsOf(evidence, "evidence") <= 50);
        Assert.Contains("data-freshness=", evidence, StringComparison.Ordinal);
        Assert.Equal(4, RowsOf(risks, "risks"));
        Assert.Contains("data-total=\"21\"", risks, StringComparison.Ordinal);
        foreach (var level in new[] { "low", "medium", "high", "critical" })
        {
            Assert.Matches($"class=\"level-{level}\"[^>]*>\\s*<span[^>]*>{level}</span>", risks);
        }

        Assert.Equal(5, RowsOf(access, "controls"));
    }

    [Fact]
    public async Task FindingsRequestsAndCrosswalk_FilteredAndPaged_TheFindingsArrayStaysAnArray()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer);

        // The demo's findings: F-001 (its corrective action CA-001 due months ago: overdue) and F-002 (leavers, no action).
        var all = await viewer.GetAsync(new Uri("/api/v1/findings", UriKind.Relative));
        var overdue = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/findings?overdue=true", UriKind.Relative));
        var leavers = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/findings?q=LEAVERS", UriKind.Relative));
        var lastById = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/findings?sort=id&order=desc&pageSize=1", UriKind.Relative));
        var requests = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/requests?q=ac-2&pageSize=3", UriKind.Relative));
        var requestsPage = await viewer.GetStringAsync(new Uri("/requests?pageSize=5", UriKind.Relative));
        var crosswalk = await viewer.GetStringAsync(new Uri("/crosswalk?from=iso27001-2022&to=soc2-2017&pageSize=10&strength=8", UriKind.Relative));
        var dashboard = await viewer.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(2, (await all.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
        Assert.Equal("2", all.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(["F-001"], overdue.EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(["F-002"], leavers.EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(["F-002"], lastById.EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(3, requests.GetProperty("items").GetArrayLength());
        Assert.All(requests.GetProperty("items").EnumerateArray(), r => Assert.StartsWith("AC-2", r.GetProperty("control").GetString(), StringComparison.Ordinal));
        Assert.True(RowsOf(requestsPage, "requests") <= 5);
        Assert.True(RowsOf(crosswalk, "links") is > 0 and <= 10);
        Assert.All(StrengthOf().Matches(crosswalk).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)), n => Assert.True(n >= 8));
        Assert.Contains("id=\"strength-legend\"", crosswalk, StringComparison.Ordinal);
        Assert.Contains("F-001", dashboard[dashboard.IndexOf("id=\"overdue\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains(">AC-22<", dashboard[dashboard.IndexOf("id=\"stale\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    private static int RowsOf(string html, string table)
    {
        var start = html.IndexOf($"id=\"{table}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {table}");
        var body = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return RowHeader().Count(body);
    }

    [GeneratedRegex("data-strength=\"(\\d+)\"")]
    private static partial Regex StrengthOf();

    [GeneratedRegex("<th scope=\"row\"")]
    private static partial Regex RowHeader();
}
