using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Pages;

/// <summary>
/// Issue 16 items 5 and 6 in the web app: the advisor's "already held" answers, the calendar planning forward from a held
/// certificate and report, the roadmap starting from what is missing, and the draft bridge letter for staff.
/// </summary>
public sealed class HeldAssurancePagesTests
{
    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Advice_AlreadyIsoCertified_RecommendsAddingSoc2WithTheCrosswalkOverlap()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var viewer = await app.ClientAsAsync(Roles.Viewer);

        var html = await HtmlAsync(viewer, "/advice?market=us&buyers=type2&maturity=scaling&architecture=saas&has=iso27001");

        var coverage = (await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/coverage?target=soc2-2017&implemented=iso27001-2022", UriKind.Relative))).EnumerateArray().ToList();
        Assert.Contains("<strong>add-soc2</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"<strong>{coverage.Count(r => r.GetProperty("coverage").GetString() == "full")}</strong> of its {coverage.Count} requirements are already fully met", html, StringComparison.Ordinal);
        Assert.Contains("id=\"has-iso27001\" checked", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_CertifiedIn2025_ShowsTheHeldFactsDoneAndNothingAtRisk()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, start: new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var viewer = await app.ClientAsAsync(Roles.Viewer);

        var html = await HtmlAsync(viewer, "/calendar?isoCertifiedOn=2025-03-20&isoStage=after-surveillance-1&soc2LastStart=2025-10-01&soc2LastEnd=2026-09-30");
        var events = (await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/calendar?isoCertifiedOn=2025-03-20&isoStage=after-surveillance-1&soc2LastPeriod=2025-10-01..2026-09-30", UriKind.Relative))).EnumerateArray().ToList();

        Assert.Equal(2, events.Count(e => e.GetProperty("state").GetString() == "done"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "data-state=\"done\""));
        Assert.DoesNotContain("at risk", html, StringComparison.Ordinal);
        var window = Assert.Single(events, e => e.GetProperty("kind").GetString() == "soc2-type2-window" && e.GetProperty("state").GetString() == "planned" && e.GetProperty("start").GetString() == "2026-10-01");
        Assert.Equal("2027-09-30", window.GetProperty("end").GetString());
    }

    [Fact]
    public async Task Roadmap_AlreadyIsoCertified_NextTaskIsTheSoc2Scope()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var viewer = await app.ClientAsAsync(Roles.Viewer);

        var html = await HtmlAsync(viewer, "/roadmap?has=iso27001");

        Assert.Contains("Next: <strong>Put the Security category in the SOC 2 scope</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Next: <strong>Define the ISMS scope", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BridgeLetter_ForStaff_ListsAChangeInThePeriodNotBefore_AndRefusesADateInsideTheReport()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true); // the demo is loaded on 2026-11-02, the report's last day
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var report = new { kind = "soc2-type2", title = "SOC 2 Type 2 2025-26", windowStart = "2025-11-03", windowEnd = "2026-11-02" };
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync("/api/v1/engagements/SOC2-2026", report)).StatusCode);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero));
        var control = new { title = "Quarterly vendor risk review", cadence = "quarterly", status = "implemented", owner = "lead@example.com" };
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync("/api/v1/controls/VR-09", control)).StatusCode);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

        var html = await HtmlAsync(manager, "/reports/bridge-letter?engagement=SOC2-2026&until=2026-11-30&format=html");
        Assert.Contains("2026-11-03 to 2026-11-30", html, StringComparison.Ordinal);
        Assert.Contains("VR-09", html, StringComparison.Ordinal);
        Assert.DoesNotContain("demo program was loaded", html, StringComparison.Ordinal);
        Assert.Contains("id=\"bridge-letter\"", await HtmlAsync(manager, "/reports"), StringComparison.Ordinal);

        using var pdf = await manager.GetAsync(new Uri("/api/v1/engagements/SOC2-2026/bridge-letter?until=2026-11-30", UriKind.Relative));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);

        using var refused = await manager.GetAsync(new Uri("/reports/bridge-letter?engagement=SOC2-2026&until=2026-10-31&format=pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not after the end of the report's period (2026-11-02)", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var problem = await manager.GetAsync(new Uri("/api/v1/engagements/SOC2-2026/bridge-letter?until=2026-10-31", UriKind.Relative));
        Assert.Equal("bridge-before-period-end", (await problem.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task PlanAndSave_FromAHeldCertificateAndReport_StoresTheHeldReportAndTheNextWindow()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, start: new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var body = new { isoCertifiedOn = "2025-03-20", isoStage = "after-surveillance-1", soc2LastPeriodStart = "2025-10-01", soc2LastPeriodEnd = "2026-09-30" };

        using var response = await manager.PostAsJsonAsync("/api/v1/engagements", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("engagements").EnumerateArray().ToList();
        var held = Assert.Single(stored, e => e.GetProperty("id").GetString() == "soc2-last-report");
        Assert.Equal(("2025-10-01", "2026-09-30"), (held.GetProperty("windowStart").GetString(), held.GetProperty("windowEnd").GetString()));
        Assert.Contains(stored, e => e.GetProperty("windowStart").GetString() == "2026-10-01" && e.GetProperty("windowEnd").GetString() == "2027-09-30");
        Assert.Contains(stored, e => e.GetProperty("kind").GetString() == "iso-surveillance-2");
        Assert.DoesNotContain(stored, e => e.GetProperty("kind").GetString() is "iso-stage1" or "iso-stage2" or "iso-surveillance-1" && e.GetProperty("fieldworkStart").GetString()!.StartsWith("2026", StringComparison.Ordinal));

        using var refused = await manager.PostAsJsonAsync("/api/v1/engagements", new { isoStage = "certified", soc2Start = "2027-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
