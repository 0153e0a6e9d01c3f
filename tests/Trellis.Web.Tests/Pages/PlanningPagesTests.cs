using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Pages;

/// <summary>The engagement, request, comparison and roadmap pages on the demo program.</summary>
public sealed partial class PlanningPagesTests
{
    [Fact]
    public async Task EngagementPages_ShowLedgerFindingsAndRequests()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var engagements = (await manager.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/engagements?pageSize=500", UriKind.Relative))).GetProperty("items").EnumerateArray().ToList();

        var list = await HtmlAsync(manager, "/engagements");
        Assert.All(engagements, e => Assert.Contains($"href=\"/engagements/{e.GetProperty("id").GetString()}\"", list, StringComparison.Ordinal));

        var stage2 = engagements.Single(e => e.GetProperty("kind").GetString() == "iso-stage2").GetProperty("id").GetString();
        var iso = await HtmlAsync(manager, $"/engagements/{stage2}");
        Assert.Contains("F-001", iso, StringComparison.Ordinal);
        Assert.Contains("Backup restore tests not recorded", iso, StringComparison.Ordinal);
        Assert.Contains("no observation window", iso, StringComparison.Ordinal);

        var type2 = engagements.First(e => e.GetProperty("kind").GetString() == "soc2-type2").GetProperty("id").GetString();
        var soc2 = await HtmlAsync(manager, $"/engagements/{type2}");
        var ledger = await manager.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/engagements/{type2}/ledger", UriKind.Relative));
        Assert.Contains($"<strong>{ledger.GetProperty("missing").GetInt32()}</strong> due occurrences have no evidence", soc2, StringComparison.Ordinal);
        Assert.All(ledger.GetProperty("controls").EnumerateArray(), c => Assert.Contains($"href=\"/controls/{c.GetProperty("control").GetString()}\"", soc2, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri("/engagements/NOPE", UriKind.Relative))).StatusCode);

        var requests = await HtmlAsync(manager, "/requests?status=missing");
        var missing = (await manager.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/requests?status=missing&pageSize=500", UriKind.Relative))).GetProperty("items").GetArrayLength();
        Assert.Equal(missing, RequestRow().Count(requests));
    }

    [Fact]
    public async Task Compare_IsoAndSoc2_ShowsIssuersAndOverlapBothWays()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        var html = await HtmlAsync(viewer, "/compare?left=iso27001-2022&right=soc2-2017");
        Assert.Contains("AICPA", html, StringComparison.Ordinal);
        Assert.Contains("ISO/IEC", html, StringComparison.Ordinal);

        // The page's figures are the coverage API's: SOC 2 after all of ISO, and ISO after all of SOC 2.
        foreach (var (from, to) in new[] { ("iso27001-2022", "soc2-2017"), ("soc2-2017", "iso27001-2022") })
        {
            var coverage = await viewer.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/coverage?target={to}&implemented={from}", UriKind.Relative));
            var row = Regex.Match(html, $"<tr><td>{Regex.Escape(from)}</td><td>{Regex.Escape(to)}</td><td>(\\d+)</td><td>(\\d+)</td><td><a[^>]*>(\\d+)</a></td></tr>");
            Assert.True(row.Success, $"no overlap row {from} → {to}");
            Assert.Equal(Count(coverage, "full"), int.Parse(row.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Count(coverage, "partial"), int.Parse(row.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Count(coverage, "none"), int.Parse(row.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        var unknown = await HtmlAsync(viewer, "/compare?left=iso27001-2099&right=soc2-2017");
        Assert.Contains("iso27001-2099", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roadmap_OnTheDemo_UsesItsCategoriesAndProgress()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var html = await HtmlAsync(manager, "/roadmap");

        // The demo company commits to Security, Availability and Confidentiality (issue 3's demo program).
        Assert.Matches("id=\"cat-availability\" checked", html);
        Assert.Matches("id=\"cat-confidentiality\" checked", html);
        Assert.DoesNotMatch("id=\"cat-privacy\" checked", html);
        Assert.Contains("id=\"task-tsc-availability\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"task-tsc-privacy\"", html, StringComparison.Ordinal);
        for (var step = 1; step <= 4; step++)
        {
            Assert.Contains($"id=\"step-{step}\"", html, StringComparison.Ordinal);
        }

        var done = Regex.Match(html, "<strong>(\\d+) of (\\d+)</strong> tasks done");
        Assert.True(done.Success);
        Assert.InRange(int.Parse(done.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1, int.Parse(done.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) - 1);
        Assert.Contains("id=\"next-task\"", html, StringComparison.Ordinal);

        var privacy = await HtmlAsync(manager, "/roadmap?categories=privacy");
        Assert.Contains("id=\"task-tsc-privacy\"", privacy, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"task-tsc-availability\"", privacy, StringComparison.Ordinal);
        Assert.Contains("did you mean", await HtmlAsync(manager, "/roadmap?categories=privcy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatRemains_ForSoc2AfterIso_IsOneLinkFromTheDashboard_AndAgreesWithTheApi()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        var dashboard = await HtmlAsync(viewer, "/");
        Assert.Contains("href=\"/readiness/soc2-2017?from=iso27001-2022\"", dashboard, StringComparison.Ordinal);

        var page = await HtmlAsync(viewer, "/readiness/soc2-2017?from=iso27001-2022");
        var api = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/readiness/soc2-2017?creditedFrom=iso27001-2022&pageSize=500", UriKind.Relative));
        var gaps = api.GetProperty("requirements").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        var open = api.GetProperty("requirements").GetProperty("items").EnumerateArray().Count(r => r.GetProperty("status").GetString() is "partial" or "gap");
        Assert.Equal(gaps.Count, Regex.Count(page, "<tr data-requirement="));
        Assert.All(gaps, id => Assert.Contains($"data-requirement=\"{id}\"", page, StringComparison.Ordinal));
        Assert.Contains("Crediting only controls mapped to", page, StringComparison.Ordinal);

        // Crediting only ISO mappings can only leave more of SOC 2 open than crediting every mapping.
        var all = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/readiness/soc2-2017?pageSize=500", UriKind.Relative));
        Assert.True(all.GetProperty("requirements").GetProperty("items").EnumerateArray().Count(r => r.GetProperty("status").GetString() is "partial" or "gap") <= open);
    }

    [Theory]
    [InlineData("us", "type2", "scaling", "saas", "soc2-first", "soc2-2017", "iso27001-2022")]
    [InlineData("global", "iso", "formal", "multi-unit", "iso-first", "iso27001-2022", "soc2-2017")]
    public async Task Advice_ForTheGuidesClearCases_RecommendsAndCostsTheSecondFromTheCrosswalk(
        string market, string buyers, string maturity, string architecture, string expected, string first, string second)
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        var html = await HtmlAsync(viewer, $"/advice?market={market}&buyers={buyers}&maturity={maturity}&architecture={architecture}");

        // The guide: US enterprise buyers asking for a Type 2 favour SOC 2 first; global buyers wanting the ISO badge, ISO first.
        Assert.Contains($"<strong>{expected}</strong>", html, StringComparison.Ordinal);
        var coverage = await viewer.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/coverage?target={second}&implemented={first}", UriKind.Relative));
        Assert.Contains($"What {second} costs after all of {first}", html, StringComparison.Ordinal);
        Assert.Contains($"<strong>{Count(coverage, "full")}</strong> requirements fully met, <strong>{Count(coverage, "partial")}</strong> partly met, <strong>{Count(coverage, "none")}</strong> not addressed", html, StringComparison.Ordinal);
    }

    private static int Count(JsonElement coverage, string level) =>
        coverage.EnumerateArray().Count(r => r.GetProperty("coverage").GetString() == level);

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<th scope=\"row\">PBC-")]
    private static partial Regex RequestRow();
}
