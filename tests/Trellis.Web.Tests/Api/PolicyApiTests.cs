using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Application.Actors;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// Issue 17, item 4 through the real app on the demo: staff acknowledge for themselves and the list shows who has and
/// who has not; a named approver approves the business continuity policy; hostile Markdown is sanitized; an auditor
/// sees only published policies of their frameworks.
/// </summary>
public sealed class PolicyApiTests
{
    private static readonly Uri List = new("/api/v1/policies", UriKind.Relative);

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Acknowledge_ByAViewer_CountsForThemAndIsAudited(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer, "new.hire@northwind.example");
        var before = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/policies/access-control", UriKind.Relative));
        Assert.Contains("new.hire@northwind.example", before.GetProperty("notAcknowledgedBy").EnumerateArray().Select(e => e.GetString()));

        var ack = await viewer.PostAsync(new Uri("/api/v1/policies/access-control/acknowledge", UriKind.Relative), null);

        Assert.True(ack.StatusCode == HttpStatusCode.OK, await ack.Content.ReadAsStringAsync());
        var after = await ack.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("new.hire@northwind.example", after.GetProperty("acknowledgedBy").EnumerateArray().Select(e => e.GetProperty("by").GetString()));
        Assert.DoesNotContain("new.hire@northwind.example", after.GetProperty("notAcknowledgedBy").EnumerateArray().Select(e => e.GetString()));
        var trail = await (await app.ClientAsAsync(Roles.Admin)).GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit-log?pageSize=500", UriKind.Relative));
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "policy.acknowledge" && e.GetProperty("actor").GetString() == "new.hire@northwind.example");
    }

    [Fact]
    public async Task Approve_ByTheMissingNamedApprover_ApprovesTheDemoPolicy_AndAnotherViewerIsRefused()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var cto = await app.ClientAsAsync(Roles.Viewer, "lena.fischer@northwind.example");
        var other = await app.ClientAsAsync(Roles.Viewer, "someone@northwind.example");
        var uri = new Uri("/api/v1/policies/business-continuity/approve", UriKind.Relative);

        var refused = await other.PostAsJsonAsync(uri, new { version = 1 });
        var approved = await cto.PostAsJsonAsync(uri, new { version = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        Assert.Equal("approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("status").GetString());
    }

    [Fact]
    public async Task EditDraft_HostileMarkdown_HtmlCarriesNoScriptHandlerOrJavascriptLink()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@northwind.example");
        var created = await manager.PostAsJsonAsync(List, new { id = "POL-900", title = "Test", owner = "lead@northwind.example", body = "# Hi", requirements = new[] { "iso27001-2022:A.5.1" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var edited = await manager.PutAsJsonAsync("/api/v1/policies/POL-900/draft", new { body = "# Rules\n<script>alert(1)</script>\n<img src=x onerror=alert(2)>\n[x](javascript:alert(3))\n<iframe src=https://evil.example></iframe>\n\n[x](javascript:alert(4))\n\nKeep this." });

        var html = (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("html").GetString()!;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase); // as text it is harmless; never as a link
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Keep this.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Auditor_SeesPublishedPoliciesOnly()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var auditor = await app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope("soc2-type2", new HashSet<string> { "soc2-2017" }, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));

        var listed = await auditor.GetFromJsonAsync<JsonElement>(List);

        var ids = listed.EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Equal(7, ids.Count);
        Assert.DoesNotContain("business-continuity", ids);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync(new Uri("/api/v1/policies/business-continuity", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync(new Uri("/api/v1/policies/access-control/acknowledge", UriKind.Relative), null)).StatusCode);
    }
}
