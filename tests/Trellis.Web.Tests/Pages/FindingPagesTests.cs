using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Web.Auth;
using static Trellis.Web.Tests.Api.ControlApiTests;

namespace Trellis.Web.Tests.Pages;

/// <summary>
/// Issue 15: engagements planned and recorded from the web (POST /api/v1/engagements, /engagements/new), and findings
/// raised and moved through their lifecycle (ISO/IEC 27001:2022 10.2) on /findings and /findings/{id}.
/// </summary>
public sealed class FindingPagesTests
{
    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Engagements_PlannedThroughTheApi_AreSavedOnce_AndAudited(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        var plan = new { certificationDecision = "2027-06-30", soc2Start = "2027-01-01", firm = "Example LLP", certificationBody = "Example Certification" };

        var first = await SendAsync(manager, HttpMethod.Post, "/api/v1/engagements", plan, null);
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var saved = await first.Content.ReadFromJsonAsync<JsonElement>();
        var ids = saved.GetProperty("engagements").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Count, saved.GetProperty("added").GetInt32());
        // A plan holds SOC 2 Type 2 windows with the firm and ISO audits with the certification body (docs/audit-cycle.md).
        Assert.Contains(saved.GetProperty("engagements").EnumerateArray(), e => e.GetProperty("kind").GetString() == "soc2-type2" && e.GetProperty("firm").GetString() == "Example LLP");
        Assert.Contains(saved.GetProperty("engagements").EnumerateArray(), e => e.GetProperty("kind").GetString() == "iso-stage2" && e.GetProperty("firm").GetString() == "Example Certification");

        var again = await (await SendAsync(manager, HttpMethod.Post, "/api/v1/engagements", plan, null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("added").GetInt32());
        var listed = await manager.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/engagements?pageSize=100", UriKind.Relative));
        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(["engagements.plan", "engagements.plan"], (await TrailAsync(app, "engagements")).Select(e => e.Action));

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(await app.ClientAsAsync(Roles.Viewer), HttpMethod.Post, "/api/v1/engagements", plan, null)).StatusCode);
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Post, "/api/v1/engagements", new { }, null), HttpStatusCode.BadRequest, "nothing-to-plan", "certificationDecision");
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Post, "/api/v1/engagements", new { soc2Start = "2027-01-01", years = 11 }, null), HttpStatusCode.BadRequest, "invalid-years", "years");
    }

    [Fact]
    public async Task Engagement_RecordedOnTheNewPage_IsShown()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var browser = await SignInManagerAsync(app);
        var posted = await browser.PostFormAsync(app, "/engagements/new?handler=One", new Dictionary<string, string>
        {
            ["EngagementId"] = "soc2-web",
            ["Kind"] = "soc2-type2",
            ["Title"] = "First Type 2",
            ["Firm"] = "Example LLP",
            ["WindowStart"] = "2027-01-01",
            ["WindowEnd"] = "2027-06-30",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/engagements/soc2-web", posted.Headers.Location!.OriginalString);
        var duplicate = await browser.PostFormAsync(app, "/engagements/new?handler=One", new Dictionary<string, string>
        {
            ["EngagementId"] = "soc2-web",
            ["Kind"] = "soc2-type2",
            ["WindowStart"] = "2027-01-01",
            ["WindowEnd"] = "2027-06-30",
        });
        Assert.Contains("exists already", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var planned = await browser.PostFormAsync(app, "/engagements/new?handler=Plan", new Dictionary<string, string> { ["Soc2Start"] = "2027-07-01", ["Years"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var list = await (await browser.SendAsync(app, HttpMethod.Get, "/engagements")).Content.ReadAsStringAsync();
        Assert.Contains("soc2-web", list, StringComparison.Ordinal);
        Assert.Equal(["engagement.create"], (await TrailAsync(app, "engagement/soc2-web")).Select(e => e.Action));
    }

    [Fact]
    public async Task Finding_RaisedAndMovedThroughItsLifecycle_OnThePages_IsAuditedAtEachStep()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var browser = await SignInManagerAsync(app);

        var raised = await browser.PostFormAsync(app, "/findings?handler=Raise", new Dictionary<string, string>
        {
            ["Raise.Id"] = "F-WEB-1",
            ["Raise.Kind"] = "minor-nonconformity",
            ["Raise.Engagement"] = "",
            ["Raise.Title"] = "Access reviews skipped in Q3",
            ["Raise.Controls"] = "AC-01",
            ["Raise.Requirements"] = "iso27001-2022:A.5.18",
        });
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        Assert.Equal("/findings/F-WEB-1", raised.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(browser, app, 1, new() { ["Step"] = "plan-actions", ["RootCause"] = "No reminder", ["Actions[0].Id"] = "CA-1", ["Actions[0].Description"] = "Calendar reminder", ["Actions[0].Owner"] = "CISO", ["Actions[0].Due"] = "2026-11-10" })).StatusCode);
        var stale = await StepAsync(browser, app, 1, new() { ["Step"] = "resolve" });
        Assert.Contains("Someone changed this finding meanwhile", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Ten days on, the action due 2026-11-10 is overdue, and both pages say so in words.
        app.Clock.Advance(TimeSpan.FromDays(10));
        browser = await BrowserSession.SignInAsync(app, "lead@example.com", "correct horse battery staple"); // the session ended meanwhile
        var shown = await (await browser.SendAsync(app, HttpMethod.Get, "/findings/F-WEB-1")).Content.ReadAsStringAsync();
        Assert.Contains("1 overdue:</strong> CA-1 was due 2026-11-10", shown, StringComparison.Ordinal);
        var listed = await (await browser.SendAsync(app, HttpMethod.Get, "/findings?status=action-planned")).Content.ReadAsStringAsync();
        Assert.Contains("data-finding=\"F-WEB-1\"", listed, StringComparison.Ordinal);
        Assert.Contains("1 overdue", listed, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(browser, app, 2, new() { ["Step"] = "complete-action", ["ActionId"] = "CA-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(browser, app, 3, new() { ["Step"] = "resolve" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(browser, app, 4, new() { ["Step"] = "verify", ["Effective"] = "true", ["Notes"] = "Q4 review held" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(browser, app, 5, new() { ["Step"] = "close", ["Notes"] = "Done" })).StatusCode);

        var finding = await (await app.ClientAsAsync(Roles.Viewer)).GetFromJsonAsync<JsonElement>(new Uri("/api/v1/findings/F-WEB-1", UriKind.Relative));
        Assert.Equal("closed", finding.GetProperty("status").GetString());
        var closed = await (await browser.SendAsync(app, HttpMethod.Get, "/findings?status=closed")).Content.ReadAsStringAsync();
        Assert.Contains("data-finding=\"F-WEB-1\"", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("data-finding=\"F-WEB-1\"", await (await browser.SendAsync(app, HttpMethod.Get, "/findings?status=open")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(
            ["finding.raise", "finding.plan-actions", "finding.complete-action", "finding.resolve", "finding.verify", "finding.close"],
            (await TrailAsync(app, "finding/F-WEB-1")).Select(e => e.Action));

        var viewerPage = await (await app.ClientAsAsync(Roles.Viewer)).GetStringAsync(new Uri("/findings", UriKind.Relative));
        Assert.DoesNotContain("id=\"raise-finding\"", viewerPage, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> StepAsync(BrowserSession browser, WebFactory app, int version, Dictionary<string, string> fields)
    {
        fields["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return browser.PostFormAsync(app, "/findings/F-WEB-1", fields);
    }
}
