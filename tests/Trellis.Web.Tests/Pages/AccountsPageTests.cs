using System.Net;
using Trellis.Web.Auth;
using Trellis.Web.Tests.Security;

namespace Trellis.Web.Tests.Pages;

/// <summary>The admin's accounts page (issue 15, item 6): ISO dates, the last valid day, errors apart from successes.</summary>
public sealed class AccountsPageTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task CreateAuditor_ExpiryEnteredAs20270331_IsListedAsValidThrough20270331WithAnIsoScope()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        await SignInTests.CreateAsync(app, "admin@example.com", Roles.Admin);
        var admin = await BrowserSession.SignInAsync(app, "admin@example.com", Password);

        var created = await admin.PostFormAsync(app, "/admin/accounts", new Dictionary<string, string>
        {
            ["Email"] = "auditor@firm.example",
            ["Role"] = Roles.Auditor,
            ["Password"] = Password,
            ["Expires"] = "2027-03-31",
            ["Frameworks"] = "soc2-2017",
            ["WindowFrom"] = "2026-05-01",
            ["WindowTo"] = "2026-10-31",
        });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        Assert.Contains("<div class=\"alert alert-success message-success\" role=\"status\" id=\"accounts-done\">Created auditor@firm.example (auditor).</div>", html, StringComparison.Ordinal);
        var row = Row(html, "auditor@firm.example");
        Assert.Contains("<td>2027-03-31</td>", row, StringComparison.Ordinal);
        Assert.DoesNotContain("2027-04-01", row, StringComparison.Ordinal);
        Assert.Contains("<td>soc2-2017; 2026-05-01 – 2026-10-31</td>", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAccount_EmailTaken_ShowsAnAlertNotAStatus()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        await SignInTests.CreateAsync(app, "admin@example.com", Roles.Admin);
        var admin = await BrowserSession.SignInAsync(app, "admin@example.com", Password);

        var again = await admin.PostFormAsync(app, "/admin/accounts", new Dictionary<string, string>
        {
            ["Email"] = "admin@example.com",
            ["Role"] = Roles.Viewer,
            ["Password"] = Password,
        });

        var html = await again.Content.ReadAsStringAsync();
        Assert.Contains("<div class=\"alert alert-danger message-error\" role=\"alert\" id=\"accounts-error\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"status\" id=\"accounts-done\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-04-01T00:00:00+00:00", "2027-03-31")]
    [InlineData("2026-11-02T11:00:00+00:00", "2026-11-02 11:00 UTC")]
    [InlineData("2026-11-02T23:30:00-01:00", "2026-11-03 00:30 UTC")]
    public void ValidThrough_AnExpiryInstant_IsTheLastDayItWorks(string expiresAt, string shown) =>
        Assert.Equal(shown, Trellis.Web.Pages.Admin.AccountsModel.ValidThrough(DateTimeOffset.Parse(expiresAt, System.Globalization.CultureInfo.InvariantCulture)));

    private static string Row(string html, string email)
    {
        var at = html.IndexOf("<td>" + email + "</td>", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no row for {email}");
        return WebUtility.HtmlDecode(html[at..html.IndexOf("</tr>", at, StringComparison.Ordinal)]);
    }
}
