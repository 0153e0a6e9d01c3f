using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Auth;
using Trellis.Web.Storage;

namespace Trellis.Web.Tests.Auth;

public sealed class AccountTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task StoredPassword_IdentityV3Format_UsesAtLeast600000Pbkdf2Iterations()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        await CreateAsync(app, "owner@example.com", Roles.Viewer, Password);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<WebDbContext>().Users.SingleAsync(u => u.Email == "owner@example.com");

        // Identity V3 layout: 0x01, PRF (uint32 BE: 1 = HMAC-SHA256, 2 = HMAC-SHA512), iteration count (uint32 BE), salt length, salt, subkey.
        var bytes = Convert.FromBase64String(stored.PasswordHash!);
        Assert.Equal(0x01, bytes[0]);
        Assert.InRange(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)), 1u, 2u);
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)) >= 600_000);
    }

    [Fact]
    public async Task Auditor_AfterExpiry_EveryRequestAnswers401()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var expires = app.Clock.GetUtcNow().AddHours(1);
        var api = await app.ClientAsAsync(Roles.Auditor, "auditor@example.com", expires);
        var browser = await SignInAuditorAsync(app, "auditor2@example.com", expires);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(app, HttpMethod.Get, "/frameworks")).StatusCode);

        // The sessions are still open (idle timeout 8 hours): only the account's expiry stops them.
        app.Clock.Advance(TimeSpan.FromMinutes(61));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/frameworks", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(app, HttpMethod.Get, "/frameworks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(app, HttpMethod.Get, "/api/v1/frameworks")).StatusCode);
        var again = await new BrowserSession().PostLoginAsync(app, "auditor2@example.com", Password);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task Auditor_Frameworks_SeesOnlyItsEngagements()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var api = await app.ClientAsAsync(Roles.Auditor);
        var list = await api.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/frameworks", UriKind.Relative));
        Assert.Equal(["soc2-2017"], list.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(new Uri("/api/v1/frameworks/iso27001-2022", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(new Uri("/api/v1/crosswalk?from=iso27001-2022&to=soc2-2017", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ApiWrite_WithBrowserCookie_Answers403()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        await CreateAsync(app, "admin2@example.com", Roles.Admin, Password);
        var browser = await BrowserSession.SignInAsync(app, "admin2@example.com", Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(app, HttpMethod.Get, "/api/v1/me")).StatusCode);
        var write = await browser.SendAsync(app, HttpMethod.Post, "/api/v1/tokens", JsonContent.Create(new { name = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task Token_Revoked_Answers401AndOnlyItsHashIsStored()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var client = await app.ClientAsAsync(Roles.Viewer);
        var created = await (await client.PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative), new { name = "ci" })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        var id = created.GetProperty("token").GetProperty("id").GetInt64();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<WebDbContext>().ApiTokens.ToListAsync();
            Assert.DoesNotContain(rows, r => r.Hash == secret || secret.Contains(r.Hash, StringComparison.Ordinal));
            Assert.Contains(rows, r => r.Hash == ApiTokens.Hash(secret));
        }

        var second = app.Anonymous();
        second.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await second.DeleteAsync(new Uri($"/api/v1/tokens/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SignIn_TooManyAttempts_Answers429()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var browser = new BrowserSession();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await browser.PostLoginAsync(app, "nobody@example.com", "wrong password!")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [SkippableFact]
    public async Task Session_SignedInOnOneInstance_WorksOnAnotherOnTheSameDatabase()
    {
        using var db = TestDatabase.Create(Engine.Postgres);
        await using var first = new WebFactory(db.Target);
        await using var second = new WebFactory(db.Target);
        _ = first.Server;
        _ = second.Server;
        await CreateAsync(first, "manager@example.com", Roles.ComplianceManager, Password);

        var browser = await BrowserSession.SignInAsync(first, "manager@example.com", Password);

        var page = await browser.SendAsync(second, HttpMethod.Get, "/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var me = await (await browser.SendAsync(second, HttpMethod.Get, "/api/v1/me")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("compliance-manager", me.GetProperty("role").GetString());
        var signOut = await browser.SendAsync(second, HttpMethod.Get, "/account/login");
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
    }

    private static async Task CreateAsync(WebFactory app, string email, string role, string password, DateTimeOffset? expires = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var scopeOf = role == Roles.Auditor ? new AuditorScope("eng-1", new HashSet<string> { "soc2-2017" }, null, null) : null;
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(new NewAccount(email, role, null, expires, scopeOf), password, "test");
        Assert.True(created.IsSuccess, created.Error?.ToString());
    }

    private static async Task<BrowserSession> SignInAuditorAsync(WebFactory app, string email, DateTimeOffset expires)
    {
        await CreateAsync(app, email, Roles.Auditor, Password, expires);
        return await BrowserSession.SignInAsync(app, email, Password);
    }
}
