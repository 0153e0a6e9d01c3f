using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Trellis.Web.Auth;

namespace Trellis.Web.E2E;

/// <summary>What people do in the browser, end to end, in headless Chromium.</summary>
public sealed class BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ComplianceManager_UploadsEvidenceAndExcludesAnSoaRow_ReadinessChanges()
    {
        await app.CreateAccountAsync("lead@example.com", Roles.ComplianceManager);
        var page = await app.SignInAsync("lead@example.com");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ArtifactsDirectory(), "dashboard.png"), FullPage = true });
        var notApplicable = await CountAsync(page, "iso27001-2022", "not-applicable");
        foreach (var (name, path) in new[] { ("crosswalk", "/crosswalk?from=iso27001-2022&to=soc2-2017"), ("risks", "/risks"), ("calendar", "/calendar?certificationDecision=2026-03-15&soc2Start=2026-01-01"), ("soa", "/soa?drift=true") })
        {
            await page.GotoAsync(app.BaseUrl + path);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ArtifactsDirectory(), name + ".png") });
        }


        // The SoA editor refuses an exclusion without a justification, then records it with one.
        await page.GotoAsync(app.BaseUrl + "/soa/A.5.7");
        await page.GetByLabel("Excluded").CheckAsync();
        await page.GetByLabel("Justification (required to exclude)").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#soa-error")).ToContainTextAsync("justification");
        await page.GetByLabel("Justification (required to exclude)").FillAsync("No threat intelligence function in the ISMS scope");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/soa");
        await Assertions.Expect(page.Locator("tr[data-control='A.5.7']")).ToContainTextAsync("excluded");

        await page.GotoAsync(app.BaseUrl + "/");
        Assert.Equal(notApplicable + 1, await CountAsync(page, "iso27001-2022", "not-applicable"));

        // Upload a file as evidence for a control; it appears on the control's page and downloads as an attachment.
        await page.GotoAsync(app.BaseUrl + "/evidence/upload?control=AC-22");
        await page.GetByLabel("Title").FillAsync("Quarterly vulnerability scan");
        await page.GetByLabel("Effective from (the day it shows)").FillAsync("2026-10-30");
        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = "scan.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("%PDF-1.4 scan report") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/controls/AC-22");
        await Assertions.Expect(page.Locator("#control-evidence")).ToContainTextAsync("Quarterly vulnerability scan");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "scan.pdf" }).ClickAsync());
        Assert.Equal("scan.pdf", download.SuggestedFilename);
    }

    [Fact]
    public async Task Auditor_CannotEdit_AndAfterExpiryEveryRequestAnswers401()
    {
        var expires = app.Clock.GetUtcNow().AddHours(2);
        await app.CreateAccountAsync("auditor@firm.example", Roles.Auditor, expires, new AuditorScope("soc2-type2", new HashSet<string> { "soc2-2017" }, new DateOnly(2026, 5, 1), new DateOnly(2026, 10, 31)));
        var page = await app.SignInAsync("auditor@firm.example");
        // An auditor lands on their engagement (issue 16), and sees SOC 2 readiness but not ISO's.
        Assert.EndsWith("/engagements/soc2-type2", page.Url, StringComparison.Ordinal);
        Assert.Equal(200, (await page.GotoAsync(app.BaseUrl + "/readiness/soc2-2017"))!.Status);
        Assert.Equal(404, (await page.GotoAsync(app.BaseUrl + "/readiness/iso27001-2022"))!.Status);

        var edit = await page.GotoAsync(app.BaseUrl + "/controls/AC-01/edit");
        Assert.Equal(403, edit!.Status);
        var soa = await page.GotoAsync(app.BaseUrl + "/soa/A.5.7");
        Assert.Equal(403, soa!.Status);
        await page.GotoAsync(app.BaseUrl + "/evidence");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Upload evidence" })).ToHaveCountAsync(0);

        app.Clock.Advance(TimeSpan.FromHours(2));

        var after = await page.GotoAsync(app.BaseUrl + "/");
        Assert.Equal(401, after!.Status);
        var api = await page.GotoAsync(app.BaseUrl + "/api/v1/evidence");
        Assert.Equal(401, api!.Status);
    }

    [Fact]
    public async Task ComplianceManager_FollowsAnEngagementToItsMissingEvidence_AndTheRoadmapNamesTheNextTask()
    {
        await app.CreateAccountAsync("planner@example.com", Roles.ComplianceManager);
        var page = await app.SignInAsync("planner@example.com");
        await page.GetByRole(AriaRole.Link, new() { Name = "Engagements" }).ClickAsync();
        await page.Locator("#engagements a[href^='/engagements/soc2-type2']").First.ClickAsync();
        await Assertions.Expect(page.Locator("#ledger")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Show only controls with missing occurrences" }).ClickAsync();
        var rows = page.Locator("#ledger tbody tr");
        Assert.True(await rows.CountAsync() > 0, "the demo program has deliberate gaps");
        foreach (var row in await rows.AllAsync())
        {
            await Assertions.Expect(row.Locator(".occ-missing").First).ToBeVisibleAsync();
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ArtifactsDirectory(), "engagement-ledger.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Request list" }).ClickAsync();
        await Assertions.Expect(page.Locator("#requests")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Roadmap" }).ClickAsync();
        await Assertions.Expect(page.Locator("#next-task")).ToContainTextAsync("Next:");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ArtifactsDirectory(), "roadmap.png"), FullPage = true });

        // The SoA for the auditor, downloaded through the reports page as a PDF.
        await page.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        await page.Locator("#report-soa select[name=format]").SelectOptionAsync("pdf");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#report-soa button[type=submit]").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(BrowserApp.ArtifactsDirectory(), download.SuggestedFilename);
        await download.SaveAsAsync(path);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 0, 5));
    }

    private static async Task<int> CountAsync(IPage page, string framework, string status) =>
        int.Parse(await page.Locator($"[aria-labelledby='fw-{framework}'] [data-count='{status}']").InnerTextAsync(), CultureInfo.InvariantCulture);
}
