using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// Issue 13, item 4 through the API: a compliance manager records and withdraws a judgement; readiness counts it while
/// it holds; viewers and malformed bodies are refused and nothing is stored; every change is in the audit trail.
/// </summary>
public sealed class JudgementApiTests
{
    private const string Point = "/api/v1/judgements/soc2-2017/CC3.3-POF5";

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Judgement_RecordedThroughTheApi_CoversThePointOfFocus_UntilWithdrawn(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        Assert.Equal("partial", await PointStatusAsync(viewer));

        var body = new { kind = "sufficient", controls = new[] { "AC-06" }, rationale = "The risk assessment method names IT and access risks explicitly." };
        var saved = await manager.PutAsJsonAsync(Point, body);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var view = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("soc2-2017:CC3.3-POF5", view.GetProperty("requirement").GetString());
        Assert.Equal("active", view.GetProperty("judgement").GetProperty("state").GetString());
        Assert.Equal("lead@example.com", view.GetProperty("judgement").GetProperty("by").GetString());
        Assert.Equal("covered", await PointStatusAsync(viewer));

        var listed = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/judgements", UriKind.Relative));
        Assert.Contains(listed.EnumerateArray(), j => j.GetProperty("requirement").GetString() == "soc2-2017:CC3.3-POF5");

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync(new Uri(Point, UriKind.Relative))).StatusCode);
        Assert.Equal("partial", await PointStatusAsync(viewer));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.DeleteAsync(new Uri(Point, UriKind.Relative))).StatusCode);

        var trail = await (await app.ClientAsAsync(Roles.Admin)).GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit-log?pageSize=500", UriKind.Relative));
        var actions = trail.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("resource").GetString() == "judgement/soc2-2017:CC3.3-POF5")
            .OrderBy(e => e.GetProperty("sequence").GetInt64()).Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["judgement.save", "judgement.withdraw"], actions);
    }

    [Fact]
    public async Task Judgement_ByAViewerOrMalformed_IsRefusedWithItsLocation_AndNothingIsStored()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        var before = (await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/judgements", UriKind.Relative))).GetArrayLength();

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync(Point, new { kind = "not-relevant", rationale = "x" })).StatusCode);
        await AssertRefusedAsync(manager, Point, new { kind = "maybe", rationale = "x" }, "kind");
        await AssertRefusedAsync(manager, Point, new { kind = "sufficient", controls = new[] { "AC-06" }, rationale = " " }, "rationale");
        await AssertRefusedAsync(manager, Point, new { kind = "sufficient", controls = new[] { "AC-99" }, rationale = "x" }, "controls");
        // AC-59 (fraud risk assessment) is only planned in the demo: a judgement cannot rely on what does not operate.
        await AssertRefusedAsync(manager, Point, new { kind = "sufficient", controls = new[] { "AC-59" }, rationale = "x" }, "controls");
        // Only a point of focus can be judged not relevant: a criterion is what the auditor opines on.
        await AssertRefusedAsync(manager, "/api/v1/judgements/soc2-2017/CC3.3", new { kind = "not-relevant", rationale = "x" }, "kind");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PutAsJsonAsync("/api/v1/judgements/soc2-2017/CC3.3-POF99", new { kind = "not-relevant", rationale = "x" })).StatusCode);

        Assert.Equal(before, (await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/judgements", UriKind.Relative))).GetArrayLength());
    }

    private static async Task AssertRefusedAsync(HttpClient client, string path, object body, string location)
    {
        var response = await client.PutAsJsonAsync(path, body);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode} {problem}");
        Assert.Equal(location, problem.GetProperty("location").GetString());
    }

    private static async Task<string?> PointStatusAsync(HttpClient client)
    {
        var readiness = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/readiness/soc2-2017?pageSize=100", UriKind.Relative));
        return readiness.GetProperty("requirements").GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("id").GetString() == "CC3.3").GetProperty("pointsOfFocus").EnumerateArray()
            .Single(p => p.GetProperty("id").GetString() == "CC3.3-POF5").GetProperty("status").GetString();
    }
}
