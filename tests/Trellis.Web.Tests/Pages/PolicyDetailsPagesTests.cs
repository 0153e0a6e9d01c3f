using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Application.Actors;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Pages;

/// <summary>
/// Issue 17, item 4 on the pages: a compliance manager writes a policy from scratch on /policies and changes its
/// details on its page; a viewer's post of the same forms is refused and bad input is shown and changes nothing.
/// </summary>
public sealed class PolicyDetailsPagesTests
{
    private const string Password = "correct horse battery staple";
    private const string Manager = "lead@northwind.example";
    private const string Viewer = "new.hire@northwind.example";

    [Fact]
    public async Task CreateAndEditDetails_ByManager_ShowOnThePage_ViewerIsRefused()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        await CreateAccountAsync(app, new NewAccount(Manager, Roles.ComplianceManager));
        await CreateAccountAsync(app, new NewAccount(Viewer, Roles.Viewer));
        var manager = await BrowserSession.SignInAsync(app, Manager, Password);
        var viewer = await BrowserSession.SignInAsync(app, Viewer, Password);
        Assert.Contains("data-form=\"create\"", await GetAsync(app, manager, "/policies"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-form=\"create\"", await GetAsync(app, viewer, "/policies"), StringComparison.Ordinal);

        var created = await manager.PostFormAsync(app, "/policies?handler=Create", new()
        {
            ["id"] = "POL-902",
            ["title"] = "Clean desk policy",
            ["owner"] = Manager,
            ["reviewCadence"] = "annual",
            ["approvers"] = "ceo@northwind.example, priya.shah@northwind.example",
            ["requirements"] = "iso27001-2022:A.7.7",
            ["body"] = "# Clean desk\n\nLock your screen.",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/policies/POL-902", created.Headers.Location?.OriginalString);

        var edited = await manager.PostFormAsync(app, "/policies/POL-902?handler=Details", new()
        {
            ["title"] = "Clear desk policy",
            ["owner"] = Manager,
            ["reviewCadence"] = "quarterly",
            ["requirements"] = "iso27001-2022:A.7.7, soc2-2017:CC6.4",
            ["controls"] = "",
            ["approvers"] = "ceo@northwind.example",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var page = await GetAsync(app, manager, "/policies/POL-902");
        Assert.Contains("Clear desk policy", page, StringComparison.Ordinal);
        Assert.Contains("quarterly", page, StringComparison.Ordinal);
        Assert.Contains("iso27001-2022:A.7.7, soc2-2017:CC6.4", page, StringComparison.Ordinal);
        Assert.Contains("id=\"submit-approvers\" value=\"ceo@northwind.example\"", page, StringComparison.Ordinal);

        var refused = await viewer.PostFormAsync(app, "/policies/POL-902?handler=Details", new() { ["title"] = "Hijacked" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var refusedCreate = await viewer.PostFormAsync(app, "/policies?handler=Create", new() { ["id"] = "POL-903", ["title"] = "X", ["owner"] = Viewer, ["body"] = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, refusedCreate.StatusCode);

        var bad = await manager.PostFormAsync(app, "/policies/POL-902?handler=Details", new() { ["title"] = "Clear desk policy", ["owner"] = Manager, ["requirements"] = "iso27001-2022:A.99.9" });
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
        Assert.Contains("&#x27;iso27001-2022:A.99.9&#x27; names no requirement", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        page = await GetAsync(app, manager, "/policies/POL-902");
        Assert.DoesNotContain("Hijacked", page, StringComparison.Ordinal);
        Assert.Contains("iso27001-2022:A.7.7, soc2-2017:CC6.4", page, StringComparison.Ordinal);
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
}
