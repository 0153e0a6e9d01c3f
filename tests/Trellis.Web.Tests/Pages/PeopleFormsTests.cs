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

    [Fact]
    public async Task VendorPages_AddRecordAssuranceMarkSubservice_Audited_BadInputNamed()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await SignInManagerAsync(app);

        var bad = await manager.PostFormAsync(app, "/vendors?handler=Add", new Dictionary<string, string> { ["form.Id"] = "V SLACK", ["form.Name"] = "Slack" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("id: vendor ID &#x27;V SLACK&#x27; must be", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var added = await manager.PostFormAsync(app, "/vendors?handler=Add", new Dictionary<string, string>
        {
            ["form.Id"] = "V-SLACK",
            ["form.Name"] = "Slack",
            ["form.Service"] = "Chat",
            ["form.Criticality"] = "medium",
            ["form.ReviewCadence"] = "annual",
        });
        Assert.True(added.StatusCode == HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        Assert.Contains("Added V-SLACK Slack.", await added.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A Type 2 whose period ended 2025-06-30 counted until 2026-06-30, before the clock's 2026-11-02.
        var assured = await manager.PostFormAsync(app, "/vendors/V-SLACK?handler=Assurance", new Dictionary<string, string>
        {
            ["form.Soc2Type"] = "type2",
            ["form.Soc2PeriodStart"] = "2024-07-01",
            ["form.Soc2PeriodEnd"] = "2025-06-30",
            ["form.Soc2Opinion"] = "unqualified",
        });
        var page = await assured.Content.ReadAsStringAsync();
        Assert.True(assured.StatusCode == HttpStatusCode.OK, page);
        Assert.Contains("<strong class=\"text-danger\">expired 2026-06-30</strong>", page, StringComparison.Ordinal);

        var badCsoc = await manager.PostFormAsync(app, "/vendors/V-SLACK?handler=Subservice", new Dictionary<string, string> { ["form.Method"] = "carve-out", ["form.Csocs"] = "Slack encrypts messages | AC-99" });
        Assert.Equal(HttpStatusCode.BadRequest, badCsoc.StatusCode);
        Assert.Contains("subservice.controls:", await badCsoc.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var marked = await manager.PostFormAsync(app, "/vendors/V-SLACK?handler=Subservice", new Dictionary<string, string> { ["form.Method"] = "carve-out", ["form.Csocs"] = "Slack encrypts messages | AC-23" });
        var shown = await marked.Content.ReadAsStringAsync();
        Assert.Contains("Method: carve-out.", shown, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/controls/AC-23\">AC-23</a>", shown, StringComparison.Ordinal);

        Assert.Equal(["vendor.add", "vendor.assurance", "vendor.subservice"], (await TrailAsync(app, "vendors/V-SLACK")).Select(e => e.Action));
    }
}
