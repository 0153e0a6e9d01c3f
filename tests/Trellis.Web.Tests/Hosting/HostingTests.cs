using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Hosting;

public sealed class HostingTests
{
    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Healthz_Anonymous_AnswersOk(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target);
        var response = await app.Anonymous().GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Api_WithoutCredentials_Answers401ProblemDetails(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target);
        var response = await app.Anonymous().GetAsync(new Uri("/api/v1/frameworks", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FirstStart_NoAccounts_CreatesAdminAndPrintsOneTimePasswordOnce()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        string password;
        await using (var app = new WebFactory(db.Target))
        {
            _ = app.Server;
            var printed = app.Console.ToString();
            Assert.Contains("admin@localhost", printed, StringComparison.Ordinal);
            password = printed.Split("one-time password ")[1].Split(Environment.NewLine)[0].Trim();
            Assert.Equal(24, password.Length);
        }

        await using (var again = new WebFactory(db.Target))
        {
            _ = again.Server;
            Assert.DoesNotContain("one-time password", again.Console.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Api_WithToken_ListsFrameworks()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var client = await app.ClientAsAsync(Roles.Viewer);
        var page = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/frameworks", UriKind.Relative));
        Assert.Contains(page.GetProperty("items").EnumerateArray(), f => f.GetProperty("id").GetString() == "iso27001-2022");
    }
}
