using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// Issue 18, item 3: readiness and the program's lists are serialized once per revision and view and sent again as
/// bytes — but never stale (a commit by another connection, the next day) and never another view's (an auditor scoped
/// to one framework does not get the admin's answer from the same URL).
/// </summary>
public sealed class SerializedResponsesTests
{
    private static readonly Uri Soc2Readiness = new("/api/v1/readiness/soc2-2017", UriKind.Relative);

    [Fact]
    public async Task RepeatedAnswer_CarriesTheSameWeakETag_AndIfNoneMatchGets304()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        await viewer.GetAsync(Soc2Readiness); // the day's first computation keeps a snapshot (a write)

        using var first = await viewer.GetAsync(Soc2Readiness);
        using var second = await viewer.GetAsync(Soc2Readiness);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.StartsWith("W/\"", first.Headers.ETag!.ToString(), StringComparison.Ordinal);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("application/json", second.Content.Headers.ContentType!.MediaType);
        Assert.Equal("soc2-2017", JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("summary").GetProperty("framework").GetString());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, Soc2Readiness);
        conditional.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(first.Headers.ETag!.ToString()));
        using var notModified = await viewer.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ControlList_ChangedByAnotherConnection_IsSerializedAgain()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        var list = new Uri("/api/v1/controls?pageSize=100", UriKind.Relative);
        using var before = await viewer.GetAsync(list);
        Assert.DoesNotContain("Renamed by the CLI", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another process (the CLI, another instance) renames a control: a plain connection, outside the app.
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db.Target, Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE controls SET title = 'Renamed by the CLI' WHERE id = 'AC-01'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        using var after = await viewer.GetAsync(list);
        Assert.Contains("Renamed by the CLI", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task TheNextDay_ReadinessIsAsOfTheNewDay()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        await viewer.GetAsync(Soc2Readiness);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(today, AsOf(await viewer.GetStringAsync(Soc2Readiness)));

        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(today.AddDays(1), AsOf(await viewer.GetStringAsync(Soc2Readiness)));
    }

    [Fact]
    public async Task SameUrl_AnAuditorScopedToOneFramework_DoesNotGetTheAdminsAnswer()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var admin = await app.ClientAsAsync(Roles.Admin);
        var auditor = await app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope("iso-stage2-x", new HashSet<string> { "iso27001-2022" }, null, null));
        var summaries = new Uri("/api/v1/readiness", UriKind.Relative);
        await admin.GetAsync(summaries);

        var seenByAdmin = Frameworks(await admin.GetStringAsync(summaries));
        var seenByAuditor = Frameworks(await auditor.GetStringAsync(summaries));

        // The demo pursues ISO/IEC 27001, SOC 2 and NIST CSF 2.0; the auditor's engagement covers ISO/IEC 27001 only.
        Assert.Equal(["iso27001-2022", "nist-csf-2.0", "soc2-2017"], seenByAdmin.Order(StringComparer.Ordinal));
        Assert.Equal(["iso27001-2022"], seenByAuditor);
    }

    private static DateOnly AsOf(string json) =>
        DateOnly.Parse(JsonDocument.Parse(json).RootElement.GetProperty("summary").GetProperty("asOf").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Frameworks(string json) =>
        [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.GetProperty("framework").GetString()!)];
}
