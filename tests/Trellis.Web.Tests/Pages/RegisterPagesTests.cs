using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Application.Actors;
using Trellis.Web.Auth;
using static Trellis.Web.Tests.Api.ControlApiTests;

namespace Trellis.Web.Tests.Pages;

/// <summary>
/// Issue 17, items 5 and 6 in the browser: /people, /vendors and /vendors/{id} on the demo
/// (src/Trellis.Content/Demo/DemoRegisters.cs) with the clock at 2026-11-02. Jamie Ross left on 2026-10-30 with the
/// identity provider and e-mail removed that day and three systems still open (due 2026-10-31, so late); AWS's SOC 2
/// period ended 2025-09-02 and counted until 2026-09-02; its last review was 2026-01-02 (annual).
/// </summary>
public sealed class RegisterPagesTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task PeoplePage_ShowsTheLeaverFirst_TickingAnItemChangesIt_ViewersAreRefused()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await SignInManagerAsync(app);

        var page = await GetOkAsync(manager, app, "/people");
        Assert.Contains("Jamie Ross (jamie.ross@northwind.example), last day 2026-10-30", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("data-leaver=\"P-000000000013\"", StringComparison.Ordinal) < page.IndexOf("id=\"people\"", StringComparison.Ordinal));
        Assert.Contains("<strong class=\"text-danger\">late</strong> <span>— 3 open</span>", page, StringComparison.Ordinal);
        Assert.Contains("done 2026-10-30 by", page, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(page, "data-form=\"offboard\""));

        var ticked = await manager.PostFormAsync(app, "/people?handler=Offboard", new Dictionary<string, string>
        {
            ["email"] = "jamie.ross@northwind.example",
            ["system"] = "Cloud console",
        });
        var after = await ticked.Content.ReadAsStringAsync();
        Assert.True(ticked.StatusCode == HttpStatusCode.OK, after);
        Assert.Contains("Checked Cloud console for jamie.ross@northwind.example.", after, StringComparison.Ordinal);
        Assert.Contains("<span>— 2 open</span>", after, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(after, "data-form=\"offboard\""));
        Assert.Contains("done 2026-11-02 by lead@example.com", after, StringComparison.Ordinal);
        Assert.Equal(["person.offboarding"], (await TrailAsync(app, "people/P-000000000013")).Select(e => e.Action));

        var viewer = await SignInAsync(app, "viewer@example.com", Roles.Viewer);
        var refused = await viewer.SendAsync(app, HttpMethod.Get, "/people");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("jamie.ross", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/people\"", await GetOkAsync(viewer, app, "/vendors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeoplePage_ImportsACsv_AllOrNothing_NamingTheBadLineAndColumn()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await SignInManagerAsync(app);

        var bad = await manager.PostFormAsync(app, "/people?handler=Import", new Dictionary<string, string>
        {
            ["Csv"] = "email,name,start_date\nnew.hire@northwind.example,New Hire,2026-10-01\nsecond@northwind.example,Second,01/10/2026\n",
        });
        var failed = await bad.Content.ReadAsStringAsync();
        Assert.NotEqual(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("staff CSV line 3, column start_date", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("new.hire@northwind.example</td>", failed, StringComparison.Ordinal); // nothing imported
        Assert.Contains("second@northwind.example,Second", failed, StringComparison.Ordinal); // the text is kept to correct

        var good = await manager.PostFormAsync(app, "/people?handler=Import", new Dictionary<string, string>
        {
            ["Csv"] = "email,name,title\nnew.hire@northwind.example,New Hire,Analyst\njamie.ross@northwind.example,Jamie Ross,Support Engineer\n",
        });
        var imported = await good.Content.ReadAsStringAsync();
        Assert.True(good.StatusCode == HttpStatusCode.OK, imported);
        Assert.Contains("Imported: 1 added, 1 updated.", imported, StringComparison.Ordinal);
        Assert.Contains("<td>new.hire@northwind.example</td>", imported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VendorPages_ShowAwsExpiredSoc2_ManagersRecordAReview_ViewersCannot()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await SignInManagerAsync(app);

        var list = await GetOkAsync(manager, app, "/vendors");
        Assert.Contains("<a href=\"/vendors/V-AWS\">V-AWS</a> Amazon Web Services", list, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"text-danger d-block\">expired 2026-09-02</strong>", list, StringComparison.Ordinal);

        // The dashboard's link to the vendor resolves.
        var dashboard = await GetOkAsync(manager, app, "/");
        Assert.Contains("href=\"/vendors/V-AWS\"", dashboard, StringComparison.Ordinal);
        var aws = await GetOkAsync(manager, app, "/vendors/V-AWS");
        Assert.Contains("type2, period 2024-09-02 – 2025-09-02, opinion unqualified;", aws, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"text-danger\">expired 2026-09-02</strong>", aws, StringComparison.Ordinal);
        Assert.Contains("data-warning=\"soc2-report-expired\"", aws, StringComparison.Ordinal);
        Assert.Contains("Method: carve-out.", aws, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/controls/AC-23\">AC-23</a>", aws, StringComparison.Ordinal);
        Assert.Contains("R-04", aws, StringComparison.Ordinal);
        Assert.Contains("last 2026-01-02;", aws, StringComparison.Ordinal);
        Assert.Contains("id=\"review-form\"", aws, StringComparison.Ordinal);

        var reviewed = await manager.PostFormAsync(app, "/vendors/V-AWS?handler=Review", []);
        var after = await reviewed.Content.ReadAsStringAsync();
        Assert.True(reviewed.StatusCode == HttpStatusCode.OK, after);
        Assert.Contains("Recorded a review of Amazon Web Services on 2026-11-02.", after, StringComparison.Ordinal);
        Assert.Contains("last 2026-11-02;", after, StringComparison.Ordinal);
        Assert.Contains("next due 2027-11-02", after, StringComparison.Ordinal);
        Assert.Equal(["vendor.review"], (await TrailAsync(app, "vendors/V-AWS")).Select(e => e.Action));

        var viewer = await SignInAsync(app, "viewer@example.com", Roles.Viewer);
        var seen = await GetOkAsync(viewer, app, "/vendors/V-AWS");
        Assert.DoesNotContain("id=\"review-form\"", seen, StringComparison.Ordinal);
        var refused = await viewer.PostFormAsync(app, "/vendors/V-STRIPE?handler=Review", []);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(await TrailAsync(app, "vendors/V-STRIPE"));
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.SendAsync(app, HttpMethod.Get, "/vendors/V-NONE")).StatusCode);
    }

    private static async Task<BrowserSession> SignInAsync(WebFactory app, string email, string role)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(new NewAccount(email, role), Password, "test")).IsSuccess);
        }

        return await BrowserSession.SignInAsync(app, email, Password);
    }

    private static async Task<string> GetOkAsync(BrowserSession browser, WebFactory app, string path)
    {
        var response = await browser.SendAsync(app, HttpMethod.Get, path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return html;
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
