using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Web.Auth;
using static Trellis.Web.Tests.Api.ControlApiTests;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// Issue 15: the SoA approval (ISO/IEC 27001:2022 6.1.3 d) recorded from the web — who is the account, when is the
/// clock, the version given or the next after the demo's "v4" — and printed by the SoA report.
/// </summary>
public sealed class SoaApprovalTests
{
    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task SoaApproval_ByAManager_IsRecordedAudited_AndPrintedInTheReport(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");

        // The demo program's approval is "v4" (src/Trellis.Content/Demo/DemoProgram.cs); without a label the next is v5.
        var next = await SendAsync(manager, HttpMethod.Post, "/api/v1/soa/approval", new { }, null);
        Assert.True(next.StatusCode == HttpStatusCode.OK, await next.Content.ReadAsStringAsync());
        var approval = await next.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("v5", approval.GetProperty("version").GetString());
        Assert.Equal("lead@example.com", approval.GetProperty("approvedBy").GetString());
        Assert.Equal("2026-11-02", approval.GetProperty("approvedOn").GetString()); // WebFactory.DefaultStart

        var named = await SendAsync(manager, HttpMethod.Post, "/api/v1/soa/approval", new { version = "2026.1" }, null);
        Assert.Equal("2026.1", (await named.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString());

        var report = JsonDocument.Parse(await manager.GetStringAsync(new Uri("/api/v1/reports/soa?format=json", UriKind.Relative))).RootElement;
        var metadata = report.GetProperty("metadata").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetString());
        Assert.Equal("2026.1", metadata["SoA version"]);
        Assert.Equal("approved by lead@example.com on 2026-11-02", metadata["Approval"]);
        Assert.Equal(["soa.approve", "soa.approve"], (await TrailAsync(app, "soa")).Select(e => e.Action));
    }

    [Fact]
    public async Task SoaApproval_ByOthersOrWithABadLabel_IsRefused_AndTheApprovalStays()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(await app.ClientAsAsync(Roles.Viewer), HttpMethod.Post, "/api/v1/soa/approval", new { }, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(await app.ClientAsAsync(Roles.ControlOwner), HttpMethod.Post, "/api/v1/soa/approval", new { }, null)).StatusCode);
        await AssertProblemAsync(
            await SendAsync(manager, HttpMethod.Post, "/api/v1/soa/approval", new { version = new string('v', 51) }, null), HttpStatusCode.BadRequest, "field-too-long", "version");
        Assert.Empty(await TrailAsync(app, "soa"));
        var page = await manager.GetStringAsync(new Uri("/soa", UriKind.Relative));
        Assert.Contains("Version <strong>v4</strong>, approved by daniel.okafor@northwind.example", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SoaApproval_FromTheSoaPage_ShowsWhoAndWhen()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var browser = await SignInManagerAsync(app);
        var posted = await browser.PostFormAsync(app, "/soa?handler=Approve", new Dictionary<string, string> { ["ApproveVersion"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await (await browser.SendAsync(app, HttpMethod.Get, "/soa")).Content.ReadAsStringAsync();
        Assert.Contains("Version <strong>v5</strong>, approved by lead@example.com on 2026-11-02.", page, StringComparison.Ordinal);
        var viewerPage = await (await app.ClientAsAsync(Roles.Viewer)).GetStringAsync(new Uri("/soa", UriKind.Relative));
        Assert.DoesNotContain("id=\"approve-soa\"", viewerPage, StringComparison.Ordinal);
    }
}
