using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Trellis.Web.Auth;

namespace Trellis.Web.E2E;

/// <summary>
/// Issue 15's "done when": a compliance lead runs the demo program for a day in the browser alone — adds a control with
/// its mappings (one ticked from the crosswalk's suggestions), attaches evidence, raises a finding and takes it through
/// 10.2 to closed, plans and saves an audit, approves the SoA and finds the control by its ID from the header — through
/// the real forms, on a laptop (1440×900) and on a phone (390×844, the menu folded behind "Menu"). Each width has its
/// own app and database. The clock is fixed at 2026-11-02 09:00 UTC, so "today" is 2026-11-02.
/// </summary>
public abstract partial class DayInTheProgramTests(BrowserApp app, int width, int height)
{
    private const string Today = "2026-11-02";

    [Fact]
    public async Task ComplianceLead_RunsTheProgramForADay_InTheBrowserAlone()
    {
        var lead = $"lead-{width}@example.com";
        var control = $"AC-DAY-{width}";
        await app.CreateAccountAsync(lead, Roles.ComplianceManager);
        var page = await app.SignInAsync(lead, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.SetDefaultTimeout(60_000);

        // A control with a mapping to ISO/IEC 27001 A.5.18, and a SOC 2 requirement ticked from the crosswalk's suggestions.
        await MenuAsync(page, "Controls");
        await page.GotoAsync(app.BaseUrl + "/controls/new");
        await page.GetByLabel("Control ID (leave empty for the next free AC-NN)").FillAsync(control);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Quarterly review of payroll access rights");
        await page.GetByLabel("Owner (e-mail)").FillAsync(lead);
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("implemented");
        await page.GetByLabel("Cadence", new() { Exact = true }).SelectOptionAsync("quarterly");
        await page.GetByLabel("Framework of mapping 1").SelectOptionAsync("iso27001-2022");
        await page.GetByLabel("Requirement of mapping 1").FillAsync("A.5.18");
        await page.GetByLabel("Relationship of mapping 1").SelectOptionAsync("equal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Update suggestions" }).ClickAsync();
        var suggestion = page.Locator("#suggestions input[type=checkbox]").First;
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        var suggested = (await suggestion.GetAttributeAsync("value"))!.Split('|'); // framework|requirement|relationship
        Assert.NotEqual("iso27001-2022", suggested[0]);
        await suggestion.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/controls/" + control);
        var mapped = page.Locator("table").Filter(new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = "Requirement" }) });
        await Assertions.Expect(mapped).ToContainTextAsync("A.5.18");
        await Assertions.Expect(mapped).ToContainTextAsync(suggested[1]);

        // Evidence for that control: the control's page lists it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Upload evidence" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/evidence/upload"));
        await Assertions.Expect(page.GetByLabel("Control", new() { Exact = true })).ToHaveValueAsync(control);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Payroll access review Q4");
        await page.GetByLabel("Effective from (the day it shows)").FillAsync("2026-11-01");
        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = "payroll-access-q4.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("%PDF-1.4 review signed off") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/controls/" + control);
        await Assertions.Expect(page.Locator("#control-evidence")).ToContainTextAsync("Payroll access review Q4");
        await Assertions.Expect(page.Locator("#control-evidence")).ToContainTextAsync("2026-11-01");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "payroll-access-q4.pdf" })).ToBeVisibleAsync();

        // A finding on the control, through plan-actions, complete-action, resolve, verify and close.
        var finding = $"F-DAY-{width}";
        await page.GotoAsync(app.BaseUrl + "/findings");
        await page.GetByLabel("Finding ID").FillAsync(finding);
        await page.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("minor-nonconformity");
        await page.GetByLabel("Statement").FillAsync("Two leavers still had payroll access");
        await page.GetByLabel("Controls (comma-separated)").FillAsync(control);
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise finding" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/findings/" + finding);
        await Assertions.Expect(page.Locator("#finding-status")).ToHaveTextAsync("open");
        await page.GetByLabel("Root cause (ISO/IEC 27001:2022 10.2 b)").FillAsync("HR offboarding did not notify payroll");
        await page.Locator("#action-description-0").FillAsync("Add payroll to the offboarding checklist");
        await page.Locator("#action-owner-0").FillAsync(lead);
        await page.Locator("#action-due-0").FillAsync("2026-11-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan corrective actions" }).ClickAsync();
        await Assertions.Expect(page.Locator("#finding-status")).ToHaveTextAsync("action-planned");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark CA-1 done" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve (every action done)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#finding-status")).ToHaveTextAsync("resolved");
        await page.GetByLabel("The actions were effective (unticked reopens the finding)").CheckAsync();
        await page.GetByLabel("What was reviewed (ISO/IEC 27001:2022 10.2 d)").FillAsync("Checked the last two leavers: access removed the same day");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
        await page.GetByLabel("Closing note").FillAsync("Effective");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the finding" }).ClickAsync();
        await Assertions.Expect(page.Locator("#finding-status")).ToHaveTextAsync("closed");
        await Assertions.Expect(page.Locator("#corrective-actions")).ToContainTextAsync(Today);
        await page.GotoAsync(app.BaseUrl + "/findings?status=closed");
        await Assertions.Expect(page.Locator($"tr[data-finding='{finding}']")).ToContainTextAsync("closed");

        // Plan the calendar ten years out and save it: engagements already on record (the demo's, numbered from 1) are
        // kept, the later ones are added with the firm given, so the list shows that firm.
        var firm = $"Assurance {width} LLP";
        await MenuAsync(page, "Engagements");
        await page.GetByRole(AriaRole.Link, new() { Name = "New engagements" }).ClickAsync();
        await page.GetByLabel("ISO certification decision").FillAsync("2027-09-15");
        await page.GetByLabel("First SOC 2 Type 2 window starts").FillAsync("2027-07-01");
        await page.GetByLabel("Years (1–10)").FillAsync("10");
        await page.GetByLabel("SOC 2 firm").FillAsync(firm);
        await page.GetByLabel("Certification body", new() { Exact = true }).FillAsync($"Certifier {width}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan and save" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/engagements");
        await Assertions.Expect(page.Locator("#engagements")).ToContainTextAsync(firm);

        // Approve the SoA: it names the account and today.
        await MenuAsync(page, "SoA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve this SoA" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/soa");
        await Assertions.Expect(page.Locator("#soa-approval")).ToContainTextAsync($"approved by {lead} on {Today}");

        // Find the control by its ID from the header's search box.
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync(control);
        await page.GetByLabel("Search", new() { Exact = true }).PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/search\\?q="));
        await page.Locator("section[data-kind] a", new() { HasText = control }).First.ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/controls/" + control);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Quarterly review of payroll access rights");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the control page scrolls sideways");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ArtifactsDirectory(), $"day-{width}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_InvitesAPerson_WhoChoosesAPasswordAndSignsIn()
    {
        var admin = $"admin-{width}@example.com";
        var invited = $"new.person-{width}@example.com";
        await app.CreateAccountAsync(admin, Roles.Admin);
        var page = await app.SignInAsync(admin, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.SetDefaultTimeout(60_000);

        await MenuAsync(page, "Accounts");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(invited);
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(Roles.ControlOwner);
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite by link" }).ClickAsync();
        await Assertions.Expect(page.Locator("#accounts-done")).ToContainTextAsync($"Invited {invited}");
        var link = await page.Locator("#invitation-link").InputValueAsync();
        Assert.StartsWith(app.BaseUrl + "/account/invite?token=", link, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#accounts tr", new() { HasText = invited })).ToContainTextAsync("invited (no password yet)");

        // The invited person, in a browser of their own.
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var person = await context.NewPageAsync();
        person.SetDefaultTimeout(60_000);
        await person.GotoAsync(link);
        await Assertions.Expect(person.Locator("#invite-email")).ToHaveTextAsync(invited);
        await person.GetByLabel("Password", new() { Exact = true }).FillAsync("my own long passphrase");
        await person.GetByLabel("The same password again").FillAsync("my own long passphrase");
        await person.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
        await person.WaitForURLAsync(app.BaseUrl + "/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await MenuAsync(person, null);
        await Assertions.Expect(person.Locator(".site-who")).ToContainTextAsync($"{invited} ({Roles.ControlOwner})");

        // The link works once.
        var again = await (await app.Browser.NewContextAsync()).NewPageAsync();
        await again.GotoAsync(link);
        await Assertions.Expect(again.Locator("#invite-error")).ToContainTextAsync("has been used already");
        await context.CloseAsync();
        await page.Context.CloseAsync();
    }

    // Below 992 px the menu is folded behind "Menu": open it first (as a person on a phone would), then follow the link.
    private static async Task MenuAsync(IPage page, string? link)
    {
        var menu = page.Locator("details.site-menu");
        if (await menu.GetAttributeAsync("open") is null && !await page.Locator(".site-links").IsVisibleAsync())
        {
            await page.GetByText("Menu", new() { Exact = true }).ClickAsync();
        }

        if (link is not null)
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }
    }
}

/// <summary>The day on a laptop: 1440×900.</summary>
public sealed class DayInTheProgramOnALaptopTests(BrowserApp app) : DayInTheProgramTests(app, 1440, 900), IClassFixture<BrowserApp>;

/// <summary>The day on a phone: 390×844, the menu folded.</summary>
public sealed class DayInTheProgramOnAPhoneTests(BrowserApp app) : DayInTheProgramTests(app, 390, 844), IClassFixture<BrowserApp>;
