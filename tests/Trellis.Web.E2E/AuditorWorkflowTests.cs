using Microsoft.Playwright;
using Trellis.Web.Auth;

namespace Trellis.Web.E2E;

/// <summary>Issue 16's done-when in Chromium: an auditor raises a request, the owner answers, the auditor flags it, the owner resubmits, the auditor accepts.</summary>
public sealed class AuditorWorkflowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Engagement = "soc2-type2-window-1";

    [Fact]
    public async Task Request_RaisedAnsweredFlaggedResubmittedAccepted_InTheBrowser()
    {
        await app.CreateAccountAsync("flow-auditor@example.com", Roles.Auditor, app.Clock.GetUtcNow().AddDays(30),
            new AuditorScope(Engagement, new HashSet<string> { "soc2-2017" }, new DateOnly(2026, 5, 1), new DateOnly(2026, 10, 31)));
        await app.CreateAccountAsync("flow-lead@example.com", Roles.ComplianceManager);
        await app.CreateAccountAsync("flow-owner@example.com", Roles.ControlOwner);
        var auditor = await app.SignInAsync("flow-auditor@example.com");
        var lead = await app.SignInAsync("flow-lead@example.com");
        var owner = await app.SignInAsync("flow-owner@example.com");

        // The auditor lands on their engagement and raises a request there.
        await auditor.GotoAsync(app.BaseUrl + "/");
        await auditor.WaitForURLAsync(app.BaseUrl + $"/engagements/{Engagement}");
        await auditor.Locator("#raise summary").ClickAsync();
        await auditor.Locator("#raise-text").FillAsync("Show the March access review");
        await auditor.Locator("#raise-due").FillAsync("2026-11-20");
        await auditor.Locator("#raise-form button[type=submit]").ClickAsync();
        await auditor.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/requests/REQ-\d{4}$"));
        var url = auditor.Url;
        await Assertions.Expect(auditor.Locator("#request-status")).ToHaveTextAsync("open");

        await lead.GotoAsync(url);
        await lead.Locator("#assign-owner").FillAsync("flow-owner@example.com");
        await lead.Locator("#assign-form button[type=submit]").ClickAsync();
        await Assertions.Expect(lead.Locator("#request-status")).ToHaveTextAsync("assigned");

        await owner.GotoAsync(url);
        await owner.Locator("#answer-evidence").FillAsync("EV-0001");
        await owner.Locator("#answer-note").FillAsync("the review");
        await owner.Locator("#answer-form button[type=submit]").ClickAsync();
        await Assertions.Expect(owner.Locator("#request-status")).ToHaveTextAsync("answered");
        await Assertions.Expect(owner.Locator("#accept-form")).ToHaveCountAsync(0);

        await auditor.GotoAsync(url);
        await auditor.Locator("#flag-reason").FillAsync("this is February's review");
        await auditor.Locator("#flag-form button[type=submit]").ClickAsync();
        await Assertions.Expect(auditor.Locator("#request-status")).ToHaveTextAsync("flagged");

        await owner.GotoAsync(url);
        await owner.Locator("#answer-evidence").FillAsync("EV-0002");
        await owner.Locator("#answer-form button[type=submit]").ClickAsync();
        await Assertions.Expect(owner.Locator("#request-status")).ToHaveTextAsync("answered");

        await auditor.GotoAsync(url);
        await auditor.Locator("#accept-form button[type=submit]").ClickAsync();
        await Assertions.Expect(auditor.Locator("#request-status")).ToHaveTextAsync("accepted");
        await Assertions.Expect(auditor.Locator("#thread li")).ToHaveCountAsync(6);
    }
}
