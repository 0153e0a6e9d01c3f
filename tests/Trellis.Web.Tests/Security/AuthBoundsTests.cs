using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Storage;

namespace Trellis.Web.Tests.Security;

/// <summary>
/// Account and token fields are bounded, paging cannot overflow, auditors are scoped to frameworks that exist, nothing
/// confidential is cached, and the sign-in redirect does not echo the Host header (issue 14, hole K).
/// </summary>
public sealed class AuthBoundsTests
{
    [Fact]
    public async Task CreateToken_NameOf5MB_Answers400NamingTheFieldAndStoresNothing()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var auditor = await app.ClientAsAsync(Roles.Auditor);

        var response = await auditor.PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative), new { name = new string('x', 5 * 1024 * 1024) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("field-too-long", problem.GetProperty("code").GetString());
        Assert.Equal("name", problem.GetProperty("location").GetString());
        Assert.Contains(AccountLimits.MaxTokenNameLength.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<WebDbContext>();
        Assert.Equal(1, await context.ApiTokens.CountAsync());
        Assert.DoesNotContain(await context.AuditEntries.Select(e => e.Action).ToListAsync(), a => a == "token.create");
    }

    [Fact]
    public async Task CreateAccount_EmailLongerThan254_Answers400NamingTheField()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);

        var response = await admin.PostAsJsonAsync(new Uri("/api/v1/accounts", UriKind.Relative), new { email = new string('a', 300) + "@example.com", role = Roles.Viewer });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("field-too-long", problem.GetProperty("code").GetString());
        Assert.Equal("email", problem.GetProperty("location").GetString());
    }

    [Fact]
    public async Task AuditLog_PageIntMaxValue_AnswersAnEmptyPage()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);

        var response = await admin.GetAsync(new Uri($"/api/v1/audit-log?page={int.MaxValue}&pageSize=500", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(int.MaxValue, page.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task CreateAuditor_ScopedToAFrameworkNotInTheCatalog_Answers422AndCreatesNothing()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var admin = await app.ClientAsAsync(Roles.Admin);

        var response = await admin.PostAsJsonAsync(new Uri("/api/v1/accounts", UriKind.Relative), new
        {
            email = "auditor@example.com",
            role = Roles.Auditor,
            expiresAt = app.Clock.GetUtcNow().AddDays(30),
            frameworks = new[] { "no-such-framework" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("frameworks", problem.GetProperty("location").GetString());
        Assert.Contains("no-such-framework", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<WebDbContext>().Users.AnyAsync(u => u.Email == "auditor@example.com"));
    }

    [Fact]
    public async Task ApiAnswersAndEvidenceDownload_CacheControl_IsNoStore()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("October access review"), "title" },
            { new StringContent("AC-01"), "controls" },
            { new StringContent("2026-10-31"), "effectiveFrom" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("42 accounts reviewed\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"review.txt\"" };
        form.Add(file);
        var created = await manager.PostAsync(new Uri("/api/v1/evidence", UriKind.Relative), form);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var download = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versions")[0].GetProperty("download").GetString()!;

        foreach (var response in new[]
        {
            await manager.GetAsync(new Uri(download, UriKind.Relative)),
            await manager.GetAsync(new Uri("/api/v1/me", UriKind.Relative)),
            await app.Anonymous().GetAsync(new Uri("/api/v1/me", UriKind.Relative)),
        })
        {
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{response.RequestMessage!.RequestUri} ({(int)response.StatusCode}): Cache-Control {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task LoginRedirect_ForgedHostHeader_IsRelativeAndNeverNamesTheHost()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/controls?sort=id");
        request.Headers.Host = "evil.example";

        var response = await app.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/account/login?ReturnUrl=", location.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", location.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
