using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Auth;
using Trellis.Web.Storage;

namespace Trellis.Web.Tests.Security;

/// <summary>
/// Password sign-in tells nothing about which e-mails have accounts (issue 14, hole C): not by its time, not by its
/// text, not by throttling; and failed sign-ins never lock an account's tokens or sessions.
/// </summary>
public sealed partial class SignInTests
{
    private const string Password = "correct horse battery staple";

    // The rate limiter of the form (per address per minute) would cut these tests short; it is tested on its own.
    private static readonly Dictionary<string, string> ManyAttempts = new(StringComparer.Ordinal)
    {
        ["Trellis:SignInAttemptsPerMinute"] = "1000",
        ["Trellis:SignInFailuresPerEmail"] = "1000",
        ["Trellis:SignInFailuresPerSource"] = "1000",
    };

    [Fact]
    public async Task SignIn_UnknownEmail_TakesAboutAsLongAsAKnownOne()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, settings: ManyAttempts);
        await CreateAsync(app, "known@example.com", Roles.Viewer);
        var browser = new BrowserSession();
        var token = await FormTokenAsync(app, browser);

        // Before the fix an unknown e-mail answered in ~5-11 ms and a known one in ~400-550 ms (one PBKDF2 hash).
        await TimeAsync(app, browser, token, "known@example.com");
        await TimeAsync(app, browser, token, "nobody@example.com");
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            known.Add(await TimeAsync(app, browser, token, "known@example.com"));
            unknown.Add(await TimeAsync(app, browser, token, $"nobody{i}@example.com"));
        }

        var (k, u) = (Median(known), Median(unknown));
        Assert.True(Math.Max(k, u) / Math.Min(k, u) < 3, $"median known {k:F0} ms, unknown {u:F0} ms");
    }

    [Fact]
    public async Task SignIn_UnknownEmailOrWrongPassword_SameAnswer()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, settings: ManyAttempts);
        await CreateAsync(app, "known@example.com", Roles.Viewer);

        var unknown = await new BrowserSession().PostLoginAsync(app, "nobody@example.com", "wrong password!");
        var wrong = await new BrowserSession().PostLoginAsync(app, "known@example.com", "wrong password!");

        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Equal(AccountService.SignInFailed, await MessageAsync(unknown));
        Assert.Equal(AccountService.SignInFailed, await MessageAsync(wrong));
    }

    [Fact]
    public async Task SignIn_TenFailuresForAnAccount_ItsTokensAndSessionsKeepWorking()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, settings: new Dictionary<string, string> { ["Trellis:SignInAttemptsPerMinute"] = "1000" });
        var id = await CreateAsync(app, "target@example.com", Roles.Admin);
        var session = await BrowserSession.SignInAsync(app, "target@example.com", Password);
        var api = await TokenClientAsync(app, id);

        // Anyone may fail sign-ins for any e-mail: before the fix five locked the account, and AccountGate then refused its tokens and sessions.
        for (var i = 0; i < 10; i++)
        {
            await new BrowserSession().PostLoginAsync(app, "target@example.com", $"guess number {i}");
        }

        Assert.Equal(HttpStatusCode.OK, (await session.SendAsync(app, HttpMethod.Get, "/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<WebDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id);
        Assert.Null(user.LockoutEnd);
    }

    [Fact]
    public async Task SignIn_ThrottledSource_RightPasswordGetsTheSameAnswerUntilTheWindowEnds()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, settings: new Dictionary<string, string>
        {
            ["Trellis:SignInAttemptsPerMinute"] = "1000",
            ["Trellis:SignInFailuresPerSource"] = "3",
        });
        await CreateAsync(app, "known@example.com", Roles.Viewer);
        for (var i = 0; i < 3; i++)
        {
            await new BrowserSession().PostLoginAsync(app, $"guess{i}@example.com", "wrong password!");
        }

        var throttled = await new BrowserSession().PostLoginAsync(app, "known@example.com", Password);
        Assert.Equal(HttpStatusCode.OK, throttled.StatusCode);
        Assert.Equal(AccountService.SignInFailed, await MessageAsync(throttled));

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await new BrowserSession().PostLoginAsync(app, "known@example.com", Password)).StatusCode);
    }

    [Fact]
    public async Task SignIn_ThrottledEmail_KnownAndUnknownGetTheSameAnswer()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, settings: new Dictionary<string, string>
        {
            ["Trellis:SignInAttemptsPerMinute"] = "1000",
            ["Trellis:SignInFailuresPerEmail"] = "3",
        });
        await CreateAsync(app, "known@example.com", Roles.Viewer);
        var answers = new List<(HttpStatusCode, string?)>();
        foreach (var email in new[] { "known@example.com", "nobody@example.com" })
        {
            for (var i = 0; i < 5; i++)
            {
                var response = await new BrowserSession().PostLoginAsync(app, email, "wrong password!");
                answers.Add((response.StatusCode, await MessageAsync(response)));
            }
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, AccountService.SignInFailed), a));
        var throttled = await new BrowserSession().PostLoginAsync(app, "known@example.com", Password);
        Assert.Equal(AccountService.SignInFailed, await MessageAsync(throttled));
    }

    private static async Task<double> TimeAsync(WebFactory app, BrowserSession browser, string token, string email)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = "wrong password!",
            ["__RequestVerificationToken"] = token,
        });
        var watch = Stopwatch.StartNew();
        var response = await browser.SendAsync(app, HttpMethod.Post, "/account/login", form);
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task<string> FormTokenAsync(WebFactory app, BrowserSession browser)
    {
        var page = await browser.SendAsync(app, HttpMethod.Get, "/account/login");
        return AntiforgeryToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
    }

    private static async Task<string?> MessageAsync(HttpResponseMessage response)
    {
        var match = LoginError().Match(await response.Content.ReadAsStringAsync());
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    internal static async Task<string> CreateAsync(WebFactory app, string email, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(new NewAccount(email, role), Password, "test");
        Assert.True(created.IsSuccess, created.Error?.ToString());
        return created.Value.Id;
    }

    internal static async Task<HttpClient> TokenClientAsync(WebFactory app, string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var secret = (await ApiTokens.IssueAsync(scope.ServiceProvider.GetRequiredService<WebDbContext>(), userId, "test", app.Clock.GetUtcNow())).Secret;
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("id=\"login-error\">([^<]*)<")]
    private static partial Regex LoginError();
}
