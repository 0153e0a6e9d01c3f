using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Trellis.Web.Tests.Security;

/// <summary>
/// A session ends when it should, on every copy of its cookie (issue 14, hole D): at sign-out through the layout's
/// form, and at once when an admin changes the account's role or disables it.
/// </summary>
public sealed partial class SessionEndTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task SignOut_ThroughTheLayoutForm_SignsOutAndTheOldCookieGets401()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        await SignInTests.CreateAsync(app, "viewer@example.com", Roles.Viewer);
        var browser = await BrowserSession.SignInAsync(app, "viewer@example.com", Password);
        var copied = browser.CookieHeader;

        // The form every page shows: before the fix it had no antiforgery token, so the POST answered 400.
        var page = await (await browser.SendAsync(app, HttpMethod.Get, "/")).Content.ReadAsStringAsync();
        var form = SignOutForm().Match(page);
        Assert.True(form.Success, "no sign-out form on the page");
        var token = AntiforgeryToken().Match(form.Groups["body"].Value);
        Assert.True(token.Success, "the sign-out form carries no antiforgery token");
        using var fields = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token.Groups[1].Value });
        var signOut = await browser.SendAsync(app, HttpMethod.Post, form.Groups["action"].Value, fields);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(app, HttpMethod.Get, "/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookieAsync(app, copied, "/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task ChangeRole_OldCookieGets401AtOnce()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);
        var id = await SignInTests.CreateAsync(app, "person@example.com", Roles.Viewer);
        var browser = await BrowserSession.SignInAsync(app, "person@example.com", Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(app, HttpMethod.Get, "/api/v1/me")).StatusCode);

        var changed = await admin.PutAsJsonAsync(new Uri($"/api/v1/accounts/{id}/role", UriKind.Relative), new { role = Roles.ComplianceManager });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(Roles.ComplianceManager, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(app, HttpMethod.Get, "/api/v1/me")).StatusCode);
        var again = await BrowserSession.SignInAsync(app, "person@example.com", Password);
        var me = await (await again.SendAsync(app, HttpMethod.Get, "/api/v1/me")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Roles.ComplianceManager, me.GetProperty("role").GetString());
        Assert.Contains(await AuditActionsAsync(admin), a => a == "account.role");
    }

    [Fact]
    public async Task Disable_CookieAndTokenGet401AtOnce_EnableRestoresTheToken()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);
        var id = await SignInTests.CreateAsync(app, "leaver@example.com", Roles.ComplianceManager);
        var browser = await BrowserSession.SignInAsync(app, "leaver@example.com", Password);
        var api = await SignInTests.TokenClientAsync(app, id);

        var disabled = await admin.PostAsync(new Uri($"/api/v1/accounts/{id}/disable", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(app, HttpMethod.Get, "/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await new BrowserSession().PostLoginAsync(app, "leaver@example.com", Password)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"/api/v1/accounts/{id}/enable", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        var actions = await AuditActionsAsync(admin);
        Assert.Contains("account.disable", actions);
        Assert.Contains("account.enable", actions);
    }

    [Fact]
    public async Task Disable_FromTheAccountsPage_EndsTheAccountsSession()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        await SignInTests.CreateAsync(app, "boss@example.com", Roles.Admin);
        var id = await SignInTests.CreateAsync(app, "leaver@example.com", Roles.Viewer);
        var admin = await BrowserSession.SignInAsync(app, "boss@example.com", Password);
        var leaver = await BrowserSession.SignInAsync(app, "leaver@example.com", Password);

        var page = await (await admin.SendAsync(app, HttpMethod.Get, "/admin/accounts")).Content.ReadAsStringAsync();
        Assert.Contains("?handler=Disable", page, StringComparison.Ordinal);
        using var fields = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id,
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value,
        });
        var posted = await admin.SendAsync(app, HttpMethod.Post, "/admin/accounts?handler=Disable", fields);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Disabled leaver@example.com.", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await leaver.SendAsync(app, HttpMethod.Get, "/")).StatusCode);
    }

    [Fact]
    public async Task Disable_TheLastEnabledAdmin_Answers409()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin, "second-admin@example.com");
        var accounts = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/accounts", UriKind.Relative));
        var ids = accounts.GetProperty("items").EnumerateArray()
            .Where(a => a.GetProperty("role").GetString() == Roles.Admin)
            .ToDictionary(a => a.GetProperty("email").GetString()!, a => a.GetProperty("id").GetString()!, StringComparer.Ordinal);

        // The first administrator made at start, then the one calling: the second would leave no admin.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"/api/v1/accounts/{ids["admin@localhost"]}/disable", UriKind.Relative), null)).StatusCode);
        var last = await admin.PostAsync(new Uri($"/api/v1/accounts/{ids["second-admin@example.com"]}/disable", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    private static async Task<HttpResponseMessage> WithCookieAsync(WebFactory app, string cookie, string path)
    {
        var client = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static async Task<List<string>> AuditActionsAsync(HttpClient admin)
    {
        var log = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit-log?pageSize=500", UriKind.Relative));
        return [.. log.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()!)];
    }

    [GeneratedRegex("<form[^>]*action=\"(?<action>/account/logout)\"[^>]*>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex SignOutForm();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
