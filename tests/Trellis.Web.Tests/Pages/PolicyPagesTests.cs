using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Application.Actors;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Pages;

/// <summary>
/// Issue 17, item 4, the web pages on the demo: a viewer sees the published policies they have not acknowledged on the
/// dashboard, acknowledges one from its page and the list and the page count them; the business continuity policy
/// shows the CTO as the approver still missing, and a manager records the CTO's approval from the page; an auditor
/// cannot approve through the page form.
/// </summary>
public sealed class PolicyPagesTests
{
    private const string Password = "correct horse battery staple";
    private const string Viewer = "new.hire@northwind.example";
    private const string Manager = "lead@northwind.example";

    [Fact]
    public async Task Acknowledge_ViewerFromThePage_ListAndPageCountIt_AndTheDashboardNoLongerAsks()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        await CreateAccountAsync(app, new NewAccount(Manager, Roles.ComplianceManager));
        await CreateAccountAsync(app, new NewAccount(Viewer, Roles.Viewer));
        var viewer = await BrowserSession.SignInAsync(app, Viewer, Password);

        // The audience is the staff register's people active today plus the accounts; of them, only demo staff
        // acknowledged anything (no account has).
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var staff = (await manager.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/api/v1/people", UriKind.Relative))).EnumerateArray()
            .Select(p => p.GetProperty("person"))
            .Where(p => Day(p, "startDate") is not { } start || start <= today)
            .Where(p => Day(p, "endDate") is not { } end || end >= today)
            .Select(p => p.GetProperty("email").GetString()!.ToLowerInvariant()).ToHashSet();
        var audience = staff.Count + 4; // and four accounts: the app's first admin, the manager, the viewer, the API client above
        var before = Trellis.Content.Demo.DemoPolicies.Acknowledgers.Count(a => staff.Contains(a.ToLowerInvariant()));
        var dashboard = await GetAsync(app, viewer, "/");
        Assert.Contains("<a href=\"/policies/access-control\">", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"/policies/business-continuity\">", dashboard, StringComparison.Ordinal); // not published
        var list = await GetAsync(app, viewer, "/policies");
        Assert.Contains($"<td data-acknowledged=\"access-control\">{100 * before / audience}%</td>", list, StringComparison.Ordinal);
        Assert.Contains("<td data-acknowledged=\"business-continuity\">not published</td>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("data-form=\"adopt\"", list, StringComparison.Ordinal); // viewers do not adopt
        var page = await GetAsync(app, viewer, "/policies/access-control");
        Assert.Contains("data-form=\"acknowledge\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-form=\"edit\"", page, StringComparison.Ordinal);

        var posted = await viewer.PostFormAsync(app, "/policies/access-control?handler=Acknowledge", []);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/policies/access-control", posted.Headers.Location?.OriginalString);
        page = await GetAsync(app, viewer, "/policies/access-control");
        Assert.Contains($"% of staff acknowledged version 1 ({before + 1} of {audience})", page, StringComparison.Ordinal);
        Assert.Matches($"<ul id=\"acknowledged\"[^>]*>[\\s\\S]*<li>{Viewer}, ", page);
        Assert.Matches($"<ul id=\"not-acknowledged\"[^>]*>\\s*<li>admin@localhost</li>", page);
        Assert.Contains($"<li>{Manager}</li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-form=\"acknowledge\"", page, StringComparison.Ordinal);
        list = await GetAsync(app, viewer, "/policies");
        Assert.Contains($"<td data-acknowledged=\"access-control\">{100 * (before + 1) / audience}%</td>", list, StringComparison.Ordinal);
        dashboard = await GetAsync(app, viewer, "/");
        Assert.DoesNotContain("<a href=\"/policies/access-control\">", dashboard, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/policies/information-security\">", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_ManagerRecordsTheMissingApprover_AuditorIsRefused()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        await CreateAccountAsync(app, new NewAccount(Manager, Roles.ComplianceManager));
        await CreateAccountAsync(app, new NewAccount("auditor@cpa.example", Roles.Auditor, null, app.Clock.GetUtcNow().AddDays(30),
            new AuditorScope("soc2-type2", new HashSet<string> { "soc2-2017" }, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))));
        var manager = await BrowserSession.SignInAsync(app, Manager, Password);
        var auditor = await BrowserSession.SignInAsync(app, "auditor@cpa.example", Password);

        // The demo: the CEO approved business continuity, the CTO has not.
        var page = await GetAsync(app, manager, "/policies/business-continuity");
        Assert.Contains("<td data-missing=\"1\">lena.fischer@northwind.example</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>in-review</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-form=\"approve\"", page, StringComparison.Ordinal); // the manager is no named approver

        // An auditor may read the published access control policy but not approve it.
        var refused = await auditor.PostFormAsync(app, "/policies/access-control?handler=Approve", new() { ["version"] = "1" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("auditors do not approve policies", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var posted = await manager.PostFormAsync(app, "/policies/business-continuity?handler=Approve", new() { ["version"] = "1", ["by"] = "lena.fischer@northwind.example" });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        page = await GetAsync(app, manager, "/policies/business-continuity");
        Assert.Contains("<td>approved</td>", page, StringComparison.Ordinal);
        Assert.Contains("data-form=\"publish\"", page, StringComparison.Ordinal);
        Assert.Contains("<li>lena.fischer@northwind.example, ", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditDraft_ManagerAdoptsAndEdits_HostileMarkdownIsRenderedSanitized()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        await CreateAccountAsync(app, new NewAccount(Manager, Roles.ComplianceManager));
        var manager = await BrowserSession.SignInAsync(app, Manager, Password);

        var adopted = await manager.PostFormAsync(app, "/policies?handler=Adopt", new() { ["template"] = "acceptable-use", ["id"] = "POL-900" });
        Assert.Equal(HttpStatusCode.Redirect, adopted.StatusCode);
        Assert.Equal("/policies/POL-900", adopted.Headers.Location?.OriginalString);
        var edited = await manager.PostFormAsync(app, "/policies/POL-900?handler=Edit", new() { ["body"] = "# Rules\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\nKeep this." });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var page = await GetAsync(app, manager, "/policies/POL-900");
        var text = page[page.IndexOf("<div class=\"border rounded p-3\" id=\"policy-text\">", StringComparison.Ordinal)..page.IndexOf("</section>", page.IndexOf("id=\"policy-text\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.Contains("<h1", text, StringComparison.Ordinal);
        Assert.Contains("Keep this.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("data-form=\"submit\"", page, StringComparison.Ordinal);

        var again = await manager.PostFormAsync(app, "/policies?handler=Adopt", new() { ["template"] = "no-such-template" });
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("no policy template &#x27;no-such-template&#x27;", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task CreateAccountAsync(WebFactory app, NewAccount account)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(account, Password, "test");
        Assert.True(created.IsSuccess, created.Error?.ToString());
    }

    private static async Task<string> GetAsync(WebFactory app, BrowserSession session, string path)
    {
        using var response = await session.SendAsync(app, HttpMethod.Get, path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {html}");
        return html;
    }

    private static DateOnly? Day(System.Text.Json.JsonElement person, string key) =>
        person.TryGetProperty(key, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String
            ? DateOnly.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
