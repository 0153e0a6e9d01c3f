using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Trellis.Web.Auth;
using Trellis.Web.Tests.Security;

namespace Trellis.Web.Tests.Auth;

/// <summary>
/// Invitations (issue 15, item 6): a one-time link with which an invited person chooses the password; refused, with the
/// reason, once used, after its lifetime (the injected clock), when a newer one replaced it, or with the account disabled.
/// </summary>
public sealed partial class InvitationTests
{
    private const string Chosen = "a password nobody else knows";

    [Fact]
    public async Task Invite_LinkSetsThePasswordAndSignsIn_ASecondUseIsRefused()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);
        var link = await InviteAsync(admin, "new.lead@example.com", Roles.ComplianceManager);
        var first = new BrowserSession();
        var second = new BrowserSession();
        var firstForm = await OpenAsync(app, first, link);
        var secondForm = await OpenAsync(app, second, link);
        Assert.Contains("new.lead@example.com", firstForm, StringComparison.Ordinal);

        var accepted = await ChooseAsync(app, first, link, firstForm);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/", accepted.Headers.Location?.OriginalString);
        var me = await (await first.SendAsync(app, HttpMethod.Get, "/api/v1/me")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("new.lead@example.com", me.GetProperty("email").GetString());
        Assert.Equal(Roles.ComplianceManager, me.GetProperty("role").GetString());

        // The second browser had the form open before the link was used; its password is refused, the first one stays.
        var reused = await ChooseAsync(app, second, link, secondForm, "another password entirely");
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("has been used already", Error(await reused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var again = await new BrowserSession().SendAsync(app, HttpMethod.Get, link);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("has been used already", Error(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await BrowserSession.SignInAsync(app, "new.lead@example.com", Chosen);
        var actions = await AuditActionsAsync(admin);
        Assert.Contains("account.invite", actions);
        Assert.Contains("account.accept-invitation", actions);
    }

    [Fact]
    public async Task Invite_LinkOlderThanTheConfiguredLifetime_IsRefusedAsExpired()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, settings: new Dictionary<string, string> { ["Trellis:InvitationLifetime"] = "2.00:00:00" });
        var admin = await app.ClientAsAsync(Roles.Admin);
        var link = await InviteAsync(admin, "late@example.com", Roles.Viewer);

        app.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await new BrowserSession().SendAsync(app, HttpMethod.Get, link)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var browser = new BrowserSession();
        var expired = await browser.SendAsync(app, HttpMethod.Get, link);

        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal("this invitation link expired at 2026-11-04 09:00 UTC; ask an admin for a new one", Error(await expired.Content.ReadAsStringAsync()));
        Assert.DoesNotContain("id=\"set-password\"", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reinvite_TheEarlierLinkIsRefusedAsReplaced_AndTheNewOneWorks()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);
        var old = await InviteAsync(admin, "twice@example.com", Roles.Viewer);
        var browser = new BrowserSession();
        var oldForm = await OpenAsync(app, browser, old);
        var renewed = await admin.PostAsync(new Uri($"/api/v1/accounts/{await IdOfAsync(admin, "twice@example.com")}/invitation", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var link = (await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!;

        var refused = await ChooseAsync(app, browser, old, oldForm);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("replaced by a newer one", Error(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var fresh = new BrowserSession();
        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(app, fresh, link, await OpenAsync(app, fresh, link))).StatusCode);
        Assert.Contains("account.reinvite", await AuditActionsAsync(admin));
    }

    [Fact]
    public async Task Invite_AccountDisabled_LinkIsRefused()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);
        var link = await InviteAsync(admin, "gone@example.com", Roles.Viewer);

        await admin.PostAsync(new Uri($"/api/v1/accounts/{await IdOfAsync(admin, "gone@example.com")}/disable", UriKind.Relative), null);
        var refused = await new BrowserSession().SendAsync(app, HttpMethod.Get, link);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("gone@example.com is disabled; ask an admin", Error(await refused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Invite_ATamperedLink_IsRefusedAsNotMadeByTrellis()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);
        var link = await InviteAsync(admin, "cut@example.com", Roles.Viewer);

        var refused = await new BrowserSession().SendAsync(app, HttpMethod.Get, link[..^4]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("this is not an invitation link Trellis made", Error(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    internal static async Task<string> InviteAsync(HttpClient admin, string email, string role)
    {
        var invited = await admin.PostAsJsonAsync(new Uri("/api/v1/accounts/invitations", UriKind.Relative), new { email, role });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var link = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!;
        Assert.StartsWith("/account/invite?token=", link, StringComparison.Ordinal);
        return link;
    }

    internal static async Task<string> IdOfAsync(HttpClient admin, string email)
    {
        var accounts = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/accounts?pageSize=500", UriKind.Relative));
        return accounts.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("email").GetString() == email).GetProperty("id").GetString()!;
    }

    private static async Task<string> OpenAsync(WebFactory app, BrowserSession browser, string link)
    {
        var page = await browser.SendAsync(app, HttpMethod.Get, link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> ChooseAsync(WebFactory app, BrowserSession browser, string link, string form, string password = Chosen)
    {
        using var fields = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value),
            ["Password"] = password,
            ["Confirm"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
        });
        return await browser.SendAsync(app, HttpMethod.Post, Invitation.Path, fields);
    }

    private static string Error(string html) => WebUtility.HtmlDecode(InviteError().Match(html).Groups[1].Value);

    private static async Task<List<string>> AuditActionsAsync(HttpClient admin)
    {
        var log = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit-log?pageSize=500", UriKind.Relative));
        return [.. log.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()!)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("type=\"hidden\" id=\"Token\" name=\"Token\" value=\"([^\"]*)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("id=\"invite-error\">([^<]*)<")]
    private static partial Regex InviteError();
}
