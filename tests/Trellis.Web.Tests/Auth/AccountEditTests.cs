using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Web.Tests.Security;

namespace Trellis.Web.Tests.Auth;

/// <summary>
/// Editing an account (issue 15, item 6): revoking every session and API token at once, an auditor's scope and
/// expiry changing what the auditor sees on the next request, each audited; only an admin may.
/// </summary>
public sealed class AccountEditTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Revoke_EndsTheCookieSessionAndEveryTokenAtOnce_TheAccountSignsInAnew()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);
        var id = await SignInTests.CreateAsync(app, "laptop.stolen@example.com", Roles.ComplianceManager);
        var browser = await BrowserSession.SignInAsync(app, "laptop.stolen@example.com", Password);
        var script = await SignInTests.TokenClientAsync(app, id);
        var pipeline = await SignInTests.TokenClientAsync(app, id);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(app, HttpMethod.Get, "/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        var revoked = await admin.PostAsync(new Uri($"/api/v1/accounts/{id}/revoke", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.False((await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(app, HttpMethod.Get, "/api/v1/me")).StatusCode);
        var page = await browser.SendAsync(app, HttpMethod.Get, "/controls");
        Assert.True(page.StatusCode is HttpStatusCode.Unauthorized || page.Headers.Location?.OriginalString.StartsWith("/account/login", StringComparison.Ordinal) == true, $"{page.StatusCode}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await pipeline.GetAsync(new Uri("/api/v1/controls", UriKind.Relative))).StatusCode);

        var again = await BrowserSession.SignInAsync(app, "laptop.stolen@example.com", Password);
        Assert.Equal(HttpStatusCode.OK, (await again.SendAsync(app, HttpMethod.Get, "/api/v1/me")).StatusCode);
        var entry = await LastEntryAsync(admin, "account.revoke");
        Assert.Contains("\"tokensDeleted\":2", entry.GetProperty("change").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeScope_TheAuditorSeesTheNewFrameworkOnItsNextRequest()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);
        var auditor = await app.ClientAsAsync(Roles.Auditor, "auditor@firm.example");
        Assert.Equal(["soc2-2017"], await FrameworksAsync(auditor));
        var id = await InvitationTests.IdOfAsync(admin, "auditor@firm.example");

        var changed = await admin.PutAsJsonAsync(
            new Uri($"/api/v1/accounts/{id}/scope", UriKind.Relative),
            new { engagement = "iso-stage2", frameworks = new[] { "iso27001-2022" }, windowFrom = "2026-01-01", windowTo = "2026-12-31" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(["iso27001-2022"], await FrameworksAsync(auditor));
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync(new Uri("/api/v1/frameworks/soc2-2017", UriKind.Relative))).StatusCode);
        var me = await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal("iso-stage2", me.GetProperty("engagement").GetString());
        Assert.Equal("2026-12-31", me.GetProperty("windowTo").GetString());
        var entry = await LastEntryAsync(admin, "account.scope");
        Assert.Contains("soc2-2017", entry.GetProperty("change").GetString(), StringComparison.Ordinal);
        Assert.Contains("iso27001-2022", entry.GetProperty("change").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeScope_OfAStaffAccount_Answers422()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);
        var id = await SignInTests.CreateAsync(app, "staff@example.com", Roles.Viewer);

        var refused = await admin.PutAsJsonAsync(new Uri($"/api/v1/accounts/{id}/scope", UriKind.Relative), new { frameworks = new[] { "soc2-2017" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
    }

    [Fact]
    public async Task ChangeExpiry_ShortenedEndsTheAuditorAfterTheNewDay_ExtendedLetsItBackWithTheSameToken()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);
        var auditor = await app.ClientAsAsync(Roles.Auditor, "auditor@firm.example", expiresAt: WebFactory.DefaultStart.AddDays(30));
        var id = await InvitationTests.IdOfAsync(admin, "auditor@firm.example");

        // The clock starts 2026-11-02 09:00 UTC; the last valid day becomes 2026-11-03 (the account ends 2026-11-04T00:00Z).
        var shortened = await admin.PutAsJsonAsync(new Uri($"/api/v1/accounts/{id}/expiry", UriKind.Relative), new { expiresAt = "2026-11-04T00:00:00Z" });
        Assert.Equal(HttpStatusCode.OK, shortened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(39));
        Assert.Equal(HttpStatusCode.Unauthorized, (await auditor.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        var extended = await admin.PutAsJsonAsync(new Uri($"/api/v1/accounts/{id}/expiry", UriKind.Relative), new { expiresAt = "2026-12-01T00:00:00Z" });

        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Contains("2026-12-01", (await LastEntryAsync(admin, "account.expiry")).GetProperty("change").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeExpiry_InThePastOrClearedForAnAuditor_Answers422()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);
        await app.ClientAsAsync(Roles.Auditor, "auditor@firm.example");
        var id = await InvitationTests.IdOfAsync(admin, "auditor@firm.example");

        var past = await admin.PutAsJsonAsync(new Uri($"/api/v1/accounts/{id}/expiry", UriKind.Relative), new { expiresAt = "2026-11-01T00:00:00Z" });
        var cleared = await admin.PutAsJsonAsync(new Uri($"/api/v1/accounts/{id}/expiry", UriKind.Relative), new { expiresAt = (string?)null });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, cleared.StatusCode);
    }

    [Theory]
    [InlineData(Roles.ComplianceManager)]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Auditor)]
    public async Task AccountChanges_ByANonAdmin_Answer403AndChangeNothing(string role)
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);
        var id = await SignInTests.CreateAsync(app, "target@example.com", Roles.Viewer);
        var target = await SignInTests.TokenClientAsync(app, id);
        var caller = await app.ClientAsAsync(role);

        var answers = new[]
        {
            await caller.PostAsync(new Uri($"/api/v1/accounts/{id}/revoke", UriKind.Relative), null),
            await caller.PutAsJsonAsync(new Uri($"/api/v1/accounts/{id}/expiry", UriKind.Relative), new { expiresAt = "2026-12-01T00:00:00Z" }),
            await caller.PutAsJsonAsync(new Uri($"/api/v1/accounts/{id}/scope", UriKind.Relative), new { frameworks = new[] { "soc2-2017" } }),
            await caller.PostAsJsonAsync(new Uri("/api/v1/accounts/invitations", UriKind.Relative), new { email = "x@example.com", role = Roles.Admin }),
            await caller.PostAsync(new Uri($"/api/v1/accounts/{id}/invitation", UriKind.Relative), null),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Forbidden, a.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await target.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        var accounts = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/accounts?pageSize=500", UriKind.Relative));
        Assert.DoesNotContain(accounts.GetProperty("items").EnumerateArray(), a => a.GetProperty("email").GetString() == "x@example.com");
    }

    private static async Task<List<string>> FrameworksAsync(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/frameworks/", UriKind.Relative));
        return [.. list.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("id").GetString()!)];
    }

    private static async Task<JsonElement> LastEntryAsync(HttpClient admin, string action)
    {
        var log = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit-log?pageSize=500", UriKind.Relative));
        return log.GetProperty("items").EnumerateArray().First(e => e.GetProperty("action").GetString() == action);
    }
}
