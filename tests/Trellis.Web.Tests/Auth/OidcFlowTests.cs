using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Auth;

/// <summary>
/// The whole authorization-code + PKCE sign-in, through the real login page, real Identity and real cookies, against
/// <see cref="FakeIdentityProvider"/> (the only fake: the provider beyond the network edge).
/// </summary>
public sealed partial class OidcFlowTests
{
    [Fact]
    public async Task SignIn_AccountWithThatEmail_StartsSessionWithItsRole()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        using var idp = new FakeIdentityProvider();
        await using var app = App(db, idp);
        await CreateAccountAsync(app, "dana@example.com", Roles.ComplianceManager);

        var (browser, landing) = await SignInAsync(app, idp, "dana@example.com");

        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        Assert.Equal("/", landing.Headers.Location?.OriginalString);
        Assert.Equal(1, idp.TokensIssued);
        var me = await browser.SendAsync(app, HttpMethod.Get, "/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var body = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("dana@example.com", body.GetProperty("email").GetString());
        Assert.Equal("compliance-manager", body.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(app, HttpMethod.Get, "/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_NoAccountForThatEmail_RefusedWithReasonAndNoSession()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        using var idp = new FakeIdentityProvider();
        await using var app = App(db, idp);
        await CreateAccountAsync(app, "dana@example.com", Roles.ComplianceManager);

        var (browser, landing) = await SignInAsync(app, idp, "stranger@example.com");

        Assert.Equal(HttpStatusCode.Unauthorized, landing.StatusCode);
        Assert.Contains("no Trellis account for this e-mail", await landing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("trellis.session", browser.CookieHeader, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(app, HttpMethod.Get, "/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task SignIn_IdTokenSignatureTampered_RefusedAndNoSession()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        using var idp = new FakeIdentityProvider { TamperSignature = true };
        await using var app = App(db, idp);
        await CreateAccountAsync(app, "dana@example.com", Roles.ComplianceManager);

        var (browser, landing) = await SignInAsync(app, idp, "dana@example.com");

        Assert.Equal(1, idp.TokensIssued);
        Assert.Equal(HttpStatusCode.Unauthorized, landing.StatusCode);
        Assert.Contains("single sign-on failed", await landing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("trellis.session", browser.CookieHeader, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(app, HttpMethod.Get, "/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task SignIn_AuditorAccountExpired_Answers401LikeLocalSignIn()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        using var idp = new FakeIdentityProvider();
        await using var app = App(db, idp);
        await CreateAccountAsync(app, "auditor@example.com", Roles.Auditor, app.Clock.GetUtcNow().AddHours(1));
        app.Clock.Advance(TimeSpan.FromHours(2));

        var (browser, landing) = await SignInAsync(app, idp, "auditor@example.com");

        Assert.Equal(HttpStatusCode.Unauthorized, landing.StatusCode);
        Assert.Contains("the account has expired", await landing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("trellis.session", browser.CookieHeader, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(app, HttpMethod.Get, "/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task SignIn_ProviderSaysEmailUnverified_RefusedAndNoSession()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        using var idp = new FakeIdentityProvider();
        await using var app = App(db, idp);
        await CreateAccountAsync(app, "dana@example.com", Roles.Admin);

        var (browser, landing) = await SignInAsync(app, idp, "dana@example.com", new Dictionary<string, object> { ["email_verified"] = false });

        Assert.Equal(HttpStatusCode.Unauthorized, landing.StatusCode);
        Assert.Contains("has not verified this e-mail", await landing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("trellis.session", browser.CookieHeader, StringComparison.Ordinal);
    }

    private static WebFactory App(TestDatabase db, FakeIdentityProvider idp) => new(
        db.Target,
        settings: FakeIdentityProvider.Settings,
        configureServices: services => services.Configure<OpenIdConnectOptions>(OidcSignIn.SchemeName, o => o.BackchannelHttpHandler = idp));

    private static async Task CreateAccountAsync(WebFactory app, string email, string role, DateTimeOffset? expiresAt = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var auditorScope = role == Roles.Auditor
            ? new AuditorScope("eng-1", new HashSet<string> { "soc2-2017" }, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30))
            : null;
        var created = await accounts.CreateAsync(new NewAccount(email, role, null, expiresAt, auditorScope), null, "test");
        Assert.True(created.IsSuccess, created.Error?.ToString());
    }

    /// <summary>
    /// What a browser does: opens the login page, presses the single sign-on button, follows the redirect to the
    /// provider (where the person signs in as <paramref name="email"/>) and comes back to the callback.
    /// Returns the session and the app's answer to the callback.
    /// </summary>
    private static async Task<(BrowserSession Browser, HttpResponseMessage Landing)> SignInAsync(
        WebFactory app, FakeIdentityProvider idp, string email, IReadOnlyDictionary<string, object>? extraClaims = null)
    {
        var browser = new BrowserSession();
        var page = await (await browser.SendAsync(app, HttpMethod.Get, "/account/login")).Content.ReadAsStringAsync();
        var form = OidcForm().Match(page);
        Assert.True(form.Success, "the login page offers no single sign-on button");
        var challenge = await browser.SendAsync(app, HttpMethod.Post, WebUtility.HtmlDecode(form.Groups["action"].Value), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.Groups["token"].Value,
        }));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);

        var callback = idp.Authorize(challenge.Headers.Location!, email, extraClaims);
        var landing = await browser.SendAsync(
            app,
            callback.Method,
            callback.Path,
            callback.Fields is null ? null : new FormUrlEncodedContent(callback.Fields));
        Assert.Empty(idp.Refusals);
        return (browser, landing);
    }

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]*handler=Oidc[^\"]*)\"[^>]*>.*?name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex OidcForm();
}
