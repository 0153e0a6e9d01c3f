using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Application.Actors;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// Issue 16, item 3: the auditor draws a seeded sample of a control's occurrences in the window; the same seed draws the
/// same items, each becomes a request, and an uploaded population is kept with its query. Demo program, today 2026-11-02:
/// the Type 2 window 2025-12-01..2026-11-30 has eleven due months (December to October).
/// </summary>
public sealed class SampleApiTests
{
    private const string Engagement = "soc2-type2-window-1";

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Draw_MonthlyControlSeed42SizeTwo_TakesFebruaryAndSeptember_AgainTheSame_AndRaisesARequestPerItem(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var auditor = await AuditorAsync(app);
        var control = await MonthlyControlAsync(auditor);

        // Population in order: December 2025 … October 2026 (11). By hand: seed 42's first output 13679457532755275413
        // mod 11 = 9 → swap positions 0 and 9; the second 2949826092126892291 mod 10 = 1 → swap positions 1 and 2;
        // the first two positions hold 9 and 2: February and September 2026.
        var first = await DrawAsync(auditor, new { control, size = 2, seed = "42" });
        Assert.Equal(11, first.GetProperty("populationSize").GetInt32());
        Assert.Equal(["2026-02-01..2026-02-28", "2026-09-01..2026-09-30"], Items(first));
        Assert.Equal("2026-02-28", first.GetProperty("items")[0].GetProperty("occurredOn").GetString());
        Assert.Equal("42", first.GetProperty("seed").GetString());
        var again = await DrawAsync(auditor, new { control, size = 2, seed = "42" });
        Assert.Equal(Items(first), Items(again));
        Assert.NotEqual(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());

        var requests = first.GetProperty("requests").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Equal(2, requests.Count);
        var request = await auditor.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/requests/{requests[1]}", UriKind.Relative));
        Assert.Equal("2026-09-01..2026-09-30", request.GetProperty("sampleItem").GetString());
        Assert.Equal(control, request.GetProperty("control").GetString());
        Assert.Equal("2026-11-16", request.GetProperty("dueOn").GetString());

        // Default size for a monthly control: 2 (practice).
        Assert.Equal(2, (await DrawAsync(auditor, new { control })).GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task UploadedPopulation_IsKeptWithItsQuery_AndSampledByItsId()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var auditor = await AuditorAsync(app);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var control = await MonthlyControlAsync(auditor);
        const string csv = "item,occurredOn,evidence\nCHG-1,2026-05-03,\nCHG-2,2026-06-09,\nCHG-3,2026-07-21,\nCHG-4,2026-08-30,\nCHG-5,2026-09-02,\nCHG-6,2026-10-11,\n";
        var bad = await manager.PostAsJsonAsync($"/api/v1/engagements/{Engagement}/populations", new { control, query = "project = CHG", csv = "item,occurredOn\nCHG-1,yesterday\n" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("csv:2", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("location").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/v1/engagements/{Engagement}/populations", new { control, query = "q", csv })).StatusCode);

        var uploaded = await manager.PostAsJsonAsync($"/api/v1/engagements/{Engagement}/populations", new { control, query = "project = CHG AND resolved >= 2026-05-01", csv });
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var id = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var listed = await auditor.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/engagements/{Engagement}/populations", UriKind.Relative));
        Assert.Equal("project = CHG AND resolved >= 2026-05-01", listed[0].GetProperty("query").GetString());

        var drawn = await DrawAsync(auditor, new { control, size = 2, seed = "42", population = id });
        Assert.Equal(["CHG-2", "CHG-3"], Items(drawn));
        Assert.Equal(id, drawn.GetProperty("population").GetString());
    }

    [Fact]
    public async Task Draw_WithTrellisSamplingMonthlySetToFour_DrawsFourByDefault_AndABadSettingStopsStartUp()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using (var app = new WebFactory(db.Target, demo: true, settings: new Dictionary<string, string> { ["Trellis:Sampling:monthly"] = "4" }))
        {
            var auditor = await AuditorAsync(app);
            var control = await MonthlyControlAsync(auditor);
            Assert.Equal(4, (await DrawAsync(auditor, new { control })).GetProperty("size").GetInt32());
            Assert.Equal(3, (await DrawAsync(auditor, new { control, size = 3 })).GetProperty("size").GetInt32()); // a size given wins
        }

        await using var bad = new WebFactory(db.Target, settings: new Dictionary<string, string> { ["Trellis:Sampling:fortnightly"] = "4" });
        var failure = Assert.ThrowsAny<Exception>(() => bad.CreateClient());
        Assert.Contains("Trellis:Sampling:fortnightly", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draw_AuditorOfAnotherEngagement_Is404_AndAViewerIs403()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var control = await MonthlyControlAsync(await AuditorAsync(app));
        var other = await app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope("iso-stage2-x", new HashSet<string> { "soc2-2017" }, null, null));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/engagements/{Engagement}/samples", new { control, seed = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/engagements/{Engagement}/samples", UriKind.Relative))).StatusCode);
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/engagements/{Engagement}/samples", new { control, seed = "1" })).StatusCode);
        var badSeed = await (await AuditorAsync(app)).PostAsJsonAsync($"/api/v1/engagements/{Engagement}/samples", new { control, seed = "-1" });
        Assert.Equal("seed", (await badSeed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("location").GetString());
    }

    private static Task<HttpClient> AuditorAsync(WebFactory app) =>
        app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope(Engagement, new HashSet<string> { "soc2-2017" }, new DateOnly(2026, 5, 1), new DateOnly(2026, 10, 31)));

    private static async Task<string> MonthlyControlAsync(HttpClient client)
    {
        var controls = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/controls?pageSize=500", UriKind.Relative));
        return controls.GetProperty("items").EnumerateArray().First(c => c.GetProperty("cadence").GetString() == "monthly").GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> DrawAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/engagements/{Engagement}/samples", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string?> Items(JsonElement sample) => [.. sample.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item").GetString())];
}
