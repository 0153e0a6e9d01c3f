using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Application.Actors;
using Trellis.Web.Auth;
using static Trellis.Web.Tests.Api.ControlApiTests;

namespace Trellis.Web.Tests.Pages;

/// <summary>
/// The /people forms (issue 17, item 5) on the demo with the clock at 2026-11-02: the attestation button, adding a
/// person, end-dating them. The General Counsel (P-000000000010) last trained 2025-09-02, more than 12 months before
/// (src/Trellis.Content/Demo/DemoRegisters.cs).
/// </summary>
public sealed class PeopleFormsTests
{
    [Fact]
    public async Task PeoplePage_AttestAddLeave_EachAudited_BadDateNamedAndNothingChanged_ViewerRefused()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await SignInManagerAsync(app);

        var page = await (await manager.SendAsync(app, HttpMethod.Get, "/people")).Content.ReadAsStringAsync();
        Assert.Contains("<li data-gap=\"training-overdue\">P-000000000010 (General Counsel) last trained 2025-09-02, more than 12 months before 2026-11-02</li>", page, StringComparison.Ordinal);

        var attested = await manager.PostFormAsync(app, "/people?handler=Attest", []);
        var afterAttest = await attested.Content.ReadAsStringAsync();
        Assert.True(attested.StatusCode == HttpStatusCode.OK, afterAttest);
        Assert.Contains("Attested as of 2026-11-02: training: EV-", afterAttest, StringComparison.Ordinal);
        Assert.Contains("1 exception(s).", afterAttest, StringComparison.Ordinal);

        var bad = await manager.PostFormAsync(app, "/people?handler=Save", new Dictionary<string, string>
        {
            ["form.Email"] = "new.hire@northwind.example",
            ["form.Name"] = "New Hire",
            ["form.StartDate"] = "01/10/2026",
        });
        var failed = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("invalid startDate &#x27;01/10/2026&#x27;", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>new.hire@northwind.example</td>", failed, StringComparison.Ordinal);

        var added = await manager.PostFormAsync(app, "/people?handler=Save", new Dictionary<string, string>
        {
            ["form.Email"] = "new.hire@northwind.example",
            ["form.Name"] = "New Hire",
            ["form.Title"] = "Analyst",
            ["form.StartDate"] = "2026-10-01",
            ["form.ScreenedOn"] = "2026-09-20",
            ["form.ScreenedBy"] = "Verified Screening Ltd",
        });
        var afterAdd = await added.Content.ReadAsStringAsync();
        Assert.True(added.StatusCode == HttpStatusCode.OK, afterAdd);
        Assert.Contains("Added new.hire@northwind.example.", afterAdd, StringComparison.Ordinal);
        Assert.Contains("<td>new.hire@northwind.example</td>", afterAdd, StringComparison.Ordinal);

        var left = await manager.PostFormAsync(app, "/people?handler=Leave", new Dictionary<string, string> { ["email"] = "new.hire@northwind.example", ["endDate"] = "2026-11-01" });
        var afterLeave = await left.Content.ReadAsStringAsync();
        Assert.True(left.StatusCode == HttpStatusCode.OK, afterLeave);
        Assert.Contains("new.hire@northwind.example leaves 2026-11-01: off-boarding due 2026-11-02.", afterLeave, StringComparison.Ordinal);
        Assert.Contains("New Hire (new.hire@northwind.example), last day 2026-11-01", afterLeave, StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(new NewAccount("viewer@example.com", Roles.Viewer), "correct horse battery staple", "test")).IsSuccess);
        }

        var viewer = await BrowserSession.SignInAsync(app, "viewer@example.com", "correct horse battery staple");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostFormAsync(app, "/people?handler=Attest", [])).StatusCode);
        var dashboard = await (await viewer.SendAsync(app, HttpMethod.Get, "/")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"staff-exceptions\"", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/people\"", dashboard, StringComparison.Ordinal);
    }
}
