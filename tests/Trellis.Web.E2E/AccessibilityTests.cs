using System.Text.Json;
using Microsoft.Playwright;
using Trellis.Web.Auth;

namespace Trellis.Web.E2E;

/// <summary>
/// Every page a signed-in admin and a scoped auditor can reach, at a desktop (1440 px) and a phone (390 px) width:
/// axe-core (WCAG 2.2 A/AA and best-practice rules) finds no serious or critical violation, and nothing scrolls
/// sideways on the phone. Plus the keyboard path: a skip link first, the menu on a phone, the current page marked.
/// </summary>
public sealed class AccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>The demo's SOC 2 Type 2 engagement (planned from the fake clock's day), the auditor's scope.</summary>
    private const string Engagement = "/engagements/soc2-type2-window-1";

    /// <summary>Pages of an admin (every role's pages).</summary>
    private static readonly string[] AdminPages =
    [
        "/", "/frameworks", "/frameworks/iso27001-2022", "/crosswalk", "/crosswalk?from=iso27001-2022&to=soc2-2017",
        "/controls", "/controls/AC-49", "/controls/AC-49/edit", "/evidence", "/evidence/upload?control=AC-49", "/risks",
        "/risks/new", "/risks/R-01/edit", "/soa", "/soa?drift=true", "/soa/A.5.7", "/engagements", "/requests",
        "/readiness/iso27001-2022", "/readiness/soc2-2017", "/calendar", "/calendar?certificationDecision=2026-03-15&soc2Start=2026-01-01",
        "/advice", "/advice?market=us&buyers=type2&maturity=scaling&architecture=saas", "/compare", "/compare?left=iso27001-2022&right=soc2-2017",
        "/roadmap", "/roadmap?has=iso27001", "/reports",
        "/calendar?isoCertifiedOn=2025-03-20&isoStage=after-surveillance-1&soc2LastStart=2025-10-01&soc2LastEnd=2026-09-30",
        "/advice?market=us&buyers=type2&maturity=scaling&architecture=saas&has=iso27001", "/admin/audit-log", "/admin/accounts", "/account/tokens", Engagement,
        "/controls/new", "/engagements/new", "/findings", "/findings/F-001", "/search?q=access", "/settings/frameworks", "/tasks", "/tasks?who=all&show=all", "/notifications", "/people", "/vendors", "/vendors/V-AWS",
        "/policies", "/policies/access-control", "/policies/business-continuity",
    ];

    /// <summary>Pages of an auditor scoped to SOC 2 (no internal pages, no writes, no SoA: it is ISO's).</summary>
    private static readonly string[] AuditorPages =
    [
        "/", "/frameworks", "/frameworks/soc2-2017", "/crosswalk", "/controls", "/evidence", "/risks",
        "/engagements", "/requests", "/readiness/soc2-2017", "/account/tokens", Engagement, "/findings", "/search?q=access", "/policies",
    ];

    private static readonly Lazy<string> Axe = new(() =>
    {
        using var stream = typeof(AccessibilityTests).Assembly.GetManifestResourceStream("axe.min.js")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    [Theory]
    [InlineData(Roles.Admin, 1440)]
    [InlineData(Roles.Admin, 390)]
    [InlineData(Roles.Auditor, 1440)]
    [InlineData(Roles.Auditor, 390)]
    public async Task EveryPage_AtWidth_HasNoSeriousAxeViolationAndNoSidewaysScroll(string role, int width)
    {
        var email = $"{role}-{width}@example.com";
        var auditor = role == Roles.Auditor;
        if (auditor)
        {
            await app.CreateAccountAsync(email, role, app.Clock.GetUtcNow().AddDays(30), new AuditorScope("soc2-type2-window-1", new HashSet<string> { "soc2-2017" }, new DateOnly(2026, 5, 1), new DateOnly(2026, 10, 31)));
        }
        else
        {
            await app.CreateAccountAsync(email, role);
        }

        var page = await app.SignInAsync(email, Options(width));
        var pages = new List<string>(auditor ? AuditorPages : AdminPages);
        if (auditor)
        {
            pages.Add(await FirstLinkAsync(page, "/controls", "main table a[href^='/controls/']"));
        }

        var problems = new List<string>();
        foreach (var path in pages)
        {
            problems.AddRange(await CheckAsync(page, path));
        }

        var anonymous = await (await app.Browser.NewContextAsync(Options(width))).NewPageAsync();
        problems.AddRange(await CheckAsync(anonymous, "/account/login"));
        Assert.True(problems.Count == 0, $"{role} at {width} px:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Keyboard_FirstTabStop_IsTheSkipLinkAndOneTabMoreIsInTheMainContent()
    {
        await app.CreateAccountAsync("keyboard@example.com", Roles.ComplianceManager);
        var page = await app.SignInAsync("keyboard@example.com", Options(1440));
        await page.GotoAsync(app.BaseUrl + "/controls");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        Assert.True(await page.EvaluateAsync<bool>("() => getComputedStyle(document.activeElement).outlineStyle !== 'none'"), "the skip link shows a focus ring");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"), "after the skip link, Tab lands inside <main>");
    }

    [Fact]
    public async Task Menu_OnAPhone_IsCollapsedUntilOpened_AndMarksTheCurrentPage()
    {
        await app.CreateAccountAsync("phone@example.com", Roles.ComplianceManager);
        var page = await app.SignInAsync("phone@example.com", Options(390));
        await page.GotoAsync(app.BaseUrl + "/risks");
        var risks = page.GetByRole(AriaRole.Link, new() { Name = "Risks", Exact = true });
        await Assertions.Expect(risks).ToBeHiddenAsync();
        await page.GetByText("Menu", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(risks).ToBeVisibleAsync();
        await Assertions.Expect(risks).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Controls", Exact = true })).Not.ToHaveAttributeAsync("aria-current", "page");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("backup");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).PressAsync("Enter");
        await page.WaitForURLAsync(app.BaseUrl + "/search?q=backup");
    }

    [Fact]
    public async Task Ledger_DailyOrWeeklyControl_ShowsMonthsWithCountsThatOpenToTheirDays()
    {
        await app.CreateAccountAsync("ledger@example.com", Roles.ComplianceManager);
        var page = await app.SignInAsync("ledger@example.com", Options(1440));
        await page.GotoAsync(app.BaseUrl + Engagement);
        await Assertions.Expect(page.Locator("#ledger-legend")).ToContainTextAsync("Expected");
        await Assertions.Expect(page.Locator("#ledger-legend")).ToContainTextAsync("not due");
        await Assertions.Expect(page.Locator("#ledger [aria-label]")).ToHaveCountAsync(0);

        var row = page.Locator("#ledger tbody tr").Filter(new() { Has = page.Locator("td", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^(daily|weekly)$") }) }).First;
        var months = row.Locator("details.occ-group");
        Assert.True(await months.CountAsync() >= 2, "a frequent control's window spans several months");
        var first = months.First;
        await Assertions.Expect(first.Locator("summary")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[A-Z][a-z]{2} \d{4}: \d+ observed"));
        var days = first.Locator(".occ-days .occ");
        await Assertions.Expect(days.First).ToBeHiddenAsync();
        await first.Locator("summary").ClickAsync();
        await Assertions.Expect(days.First).ToBeVisibleAsync();
        await Assertions.Expect(days.First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("(observed|missing|not due)$"));
    }

    private static BrowserNewContextOptions Options(int width) => new()
    {
        ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 844 : 900 },
        BypassCSP = true, // axe is injected as a script the page's own CSP would refuse
    };

    private async Task<string> FirstLinkAsync(IPage page, string path, string selector)
    {
        await page.GotoAsync(app.BaseUrl + path);
        return (await page.Locator(selector).First.GetAttributeAsync("href"))!;
    }

    private async Task<List<string>> CheckAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(app.BaseUrl + path);
        if (response!.Status != 200)
        {
            return [$"{path}: HTTP {response.Status}"];
        }

        await page.EvaluateAsync(Axe.Value);
        var found = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id} (${v.nodes.length}×): ${v.help}; e.g. ${v.nodes.slice(0, 3).map(n => n.target.join(' ') + (n.failureSummary ? ' [' + n.failureSummary.replace(/\s+/g, ' ').slice(0, 160) + ']' : '')).join(' | ')}`);
            }
            """);
        var problems = found.EnumerateArray().Select(v => $"{path}: {v.GetString()}").ToList();
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] > widths[1])
        {
            var wide = await page.EvaluateAsync<string>(
                """
                () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-responsive'))
                  .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')).join(', ')
                """);
            problems.Add($"{path}: document is {widths[0]} px wide in a {widths[1]} px viewport (widest: {wide})");
        }

        return problems;
    }
}
