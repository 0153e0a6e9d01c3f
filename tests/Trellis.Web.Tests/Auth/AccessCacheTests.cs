using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Data;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Auth;

/// <summary>
/// Issue 18, item 3: a repeated API request costs no database query while nothing was committed, and a change made
/// by another process (a token deleted, an auditor's expiry brought forward) is still refused at once.
/// </summary>
public sealed class AccessCacheTests
{
    [Fact]
    public async Task RepeatedReadinessRequest_SendsNoQuery_UntilSomethingIsCommitted()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        var queries = app.Services.GetRequiredService<TrellisDatabase>().Queries;
        // The first request of the day keeps the day's readiness counts (a write): the second reads again once.
        await viewer.GetStringAsync(new Uri("/api/v1/readiness", UriKind.Relative));
        var first = await viewer.GetStringAsync(new Uri("/api/v1/readiness", UriKind.Relative));

        queries.Reset();
        var again = await viewer.GetStringAsync(new Uri("/api/v1/readiness", UriKind.Relative));
        Assert.Equal(0, queries.Count);
        Assert.Equal(first, again);

        // A commit (a control created) moves the stamp: the next request reads again, and sees the change.
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var created = await manager.PostAsJsonAsync(new Uri("/api/v1/controls", UriKind.Relative), new { id = "AC-900", title = "Quarterly access review", cadence = "quarterly", status = "implemented", owner = "ann@example.com" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        queries.Reset();
        await viewer.GetStringAsync(new Uri("/api/v1/readiness", UriKind.Relative));
        Assert.True(queries.Count > 0, "a commit did not make the next request read again");
    }

    [Fact]
    public async Task TokenDeletedByAnotherProcess_IsRefusedAtTheNextRequest()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var token = await app.TokenForAsync(Roles.Viewer, "ops@example.com");
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        // Another process (the CLI, another instance) deletes it: a plain connection, outside the app.
        Exec(db.Target, $"DELETE FROM web_api_tokens WHERE hash = '{ApiTokens.Hash(token)}'");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AuditorExpiry_IsComparedWithTheClockOnEveryRequest_EvenWhenNothingChanged()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var auditor = await app.ClientAsAsync(Roles.Auditor, expiresAt: app.Clock.GetUtcNow().AddHours(1));
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(2));
        var refused = await auditor.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("expired", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetRawText(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Postgres_TokenRevokedOnOneInstance_IsRefusedByTheOtherWithinASecond()
    {
        using var db = TestDatabase.Create(Engine.Postgres);
        await using var first = new WebFactory(db.Target);
        await using var second = new WebFactory(db.Target);
        var owner = await first.ClientAsAsync(Roles.Viewer);
        var created = await (await owner.PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative), new { name = "ci" })).Content.ReadFromJsonAsync<JsonElement>();
        var elsewhere = second.Anonymous();
        elsewhere.DefaultRequestHeaders.Authorization = new("Bearer", created.GetProperty("secret").GetString());
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        }

        var id = created.GetProperty("token").GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(new Uri($"/api/v1/tokens/{id}", UriKind.Relative))).StatusCode);
        var refusedAfter = System.Diagnostics.Stopwatch.StartNew();
        while ((await elsewhere.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(refusedAfter.Elapsed < TimeSpan.FromSeconds(1), "the other instance still accepts the revoked token after a second");
            await Task.Delay(10);
        }
    }

    private static void Exec(string target, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
