using System.Net;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// Every page renders on the demo program, as an administrator, with the layout's landmarks. Speed is measured
/// by the web bench (bench/Trellis.Web.Bench pages), not here: shared CI cores make timed tests a coin toss.
/// </summary>
public sealed class DemoPagesTests
{
    /// <summary>Every page of the UI (and the two heaviest API lists), with demo data behind it.</summary>
    public static readonly string[] Pages =
    [
        "/", "/readiness/iso27001-2022", "/frameworks/iso27001-2022", "/crosswalk?from=iso27001-2022&to=soc2-2017&inferred=true",
        "/controls", "/controls/AC-01", "/controls/AC-01/edit", "/evidence", "/evidence/upload", "/risks", "/risks/R-01/edit", "/risks/new", "/soa", "/soa/A.5.7",
        "/account/tokens", "/advice?market=us&buyers=type2&maturity=scaling&architecture=saas", "/calendar?certificationDecision=2026-03-15&soc2Start=2026-01-01", "/admin/audit-log", "/admin/accounts",
        "/calendar", "/engagements", "/engagements/new", "/findings", "/findings/F-001", "/controls/new", "/requests", "/compare?left=iso27001-2022&right=soc2-2017", "/roadmap", "/reports",
        "/search?q=access", "/settings/frameworks", "/tasks", "/tasks?who=all&show=all", "/notifications", "/people", "/vendors", "/vendors/V-AWS",
        "/policies", "/policies/access-control", "/policies/business-continuity",
    ];

    [Fact]
    public async Task Pages_OnTheDemoProgram_RenderWithMainLandmark()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var admin = await app.ClientAsAsync(Roles.Admin);
        foreach (var path in Pages)
        {
            using var response = await admin.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
            Assert.Contains("<h1", html, StringComparison.Ordinal);
        }
    }
}
