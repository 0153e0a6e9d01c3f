using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Api;

/// <summary>Engagements, ledgers, requests and findings through the API on the demo program (today is 2026-11-02).</summary>
public sealed class EngagementApiTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(WebFactory.DefaultStart.UtcDateTime);

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Ledger_OfTheCurrentType2Window_ExpectsOneOccurrencePerCalendarPeriod(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var list = await GetAsync(manager, "/api/v1/engagements?pageSize=500");
        var engagements = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(engagements, e => e.GetProperty("kind").GetString() == "iso-stage2");
        var type2 = engagements.Single(e => e.GetProperty("kind").GetString() == "soc2-type2"
            && Date(e, "windowStart") <= Today && Today <= Date(e, "windowEnd"));
        var (start, end) = (Date(type2, "windowStart"), Date(type2, "windowEnd"));

        var ledger = await GetAsync(manager, $"/api/v1/engagements/{type2.GetProperty("id").GetString()}/ledger");
        var controls = ledger.GetProperty("controls").EnumerateArray().ToList();
        Assert.NotEmpty(controls);

        // Calendar arithmetic, independent of the ledger: months and quarters the window touches, and those ended before today.
        var months = Periods(start, end, 1);
        var quarters = Periods(start, end, 3);
        foreach (var c in controls)
        {
            var (expected, due) = c.GetProperty("cadence").GetString() switch
            {
                "monthly" => (months.Count, months.Count(p => Min(p.End, end) < Today)),
                "quarterly" => (quarters.Count, quarters.Count(p => Min(p.End, end) < Today)),
                _ => (-1, -1),
            };
            if (expected >= 0)
            {
                Assert.Equal(expected, c.GetProperty("expected").GetInt32());
                Assert.Equal(due, c.GetProperty("due").GetInt32());
            }
        }

        Assert.Contains(controls, c => c.GetProperty("cadence").GetString() == "monthly");
        var missing = controls.Sum(c => c.GetProperty("occurrences").EnumerateArray().Count(o => o.GetProperty("state").GetString() == "missing"));
        Assert.Equal(ledger.GetProperty("missing").GetInt32(), missing);
        Assert.True(missing > 0, "the demo program has deliberate gaps");
    }

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Put_CreatesThenNeedsCurrentETag_AndRejectsMalformedEngagements(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var body = new { kind = "soc2-type2", firm = "Example CPA LLP", categories = new[] { "availability" }, windowStart = "2027-01-01", windowEnd = "2027-06-30" };
        var created = await manager.PutAsJsonAsync("/api/v1/engagements/SOC2-2027", body);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(6, view.GetProperty("windowMonths").GetInt32());
        Assert.Equal(["security", "availability"], view.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var etag = created.Headers.ETag!.Tag;

        Assert.Equal((HttpStatusCode)428, (await manager.PutAsJsonAsync("/api/v1/engagements/SOC2-2027", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Put(manager, "/api/v1/engagements/SOC2-2027", body with { firm = "Other CPA" }, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Put(manager, "/api/v1/engagements/SOC2-2027", body, etag)).StatusCode);

        var badKind = await manager.PutAsJsonAsync("/api/v1/engagements/X", new { kind = "soc3" });
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Equal("kind", (await badKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("location").GetString());
        var noWindow = await manager.PutAsJsonAsync("/api/v1/engagements/X", new { kind = "soc2-type2" });
        Assert.Equal(HttpStatusCode.BadRequest, noWindow.StatusCode);
        Assert.Contains("observation window", (await noWindow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var backwards = await manager.PutAsJsonAsync("/api/v1/engagements/X", new { kind = "soc2-type2", windowStart = "2027-06-30", windowEnd = "2027-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri("/api/v1/engagements/X", UriKind.Relative))).StatusCode);

        var viewer = await app.ClientAsAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync("/api/v1/engagements/SOC2-2028", body)).StatusCode);
        var trail = await GetAsync(await app.ClientAsAsync(Roles.Admin), "/api/v1/audit-log?pageSize=500");
        Assert.Equal(2, trail.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("resource").GetString() == "engagement/SOC2-2027"));
    }

    [Fact]
    public async Task Auditor_SeesOnlyTheirEngagement_ItsFindings_AndEvidenceInsideTheWindow()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var all = (await GetAsync(manager, "/api/v1/engagements?pageSize=500")).GetProperty("items").EnumerateArray().ToList();
        var type2 = all.Single(e => e.GetProperty("kind").GetString() == "soc2-type2" && Date(e, "windowStart") <= Today && Today <= Date(e, "windowEnd"));
        var id = type2.GetProperty("id").GetString()!;
        var (start, end) = (Date(type2, "windowStart"), Date(type2, "windowEnd"));
        var other = all.First(e => e.GetProperty("id").GetString() != id).GetProperty("id").GetString()!;
        var auditor = await app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope(id, new HashSet<string> { "soc2-2017" }, start, end));

        var seen = (await GetAsync(auditor, "/api/v1/engagements")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal([id], seen);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync(new Uri($"/api/v1/engagements/{other}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync(new Uri($"/api/v1/engagements/{other}/ledger", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync(new Uri($"/api/v1/requests?engagement={other}", UriKind.Relative))).StatusCode);

        // F-001 belongs to the ISO stage 2 audit, F-002 (the SOC 2 exception) to the current Type 2 window.
        var staffFindings = (await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/findings", UriKind.Relative))).EnumerateArray().Select(f => f.GetProperty("id").GetString());
        Assert.Equal(["F-002"], staffFindings);
        Assert.Equal(2, (await manager.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/findings", UriKind.Relative))).GetArrayLength());

        // Every occurrence the auditor is shown lies inside the window, and the evidence behind it is evidence they can open.
        var visible = (await GetAsync(auditor, "/api/v1/evidence?pageSize=500")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToHashSet();
        var ledger = await GetAsync(auditor, $"/api/v1/engagements/{id}/ledger");
        foreach (var o in ledger.GetProperty("controls").EnumerateArray().SelectMany(c => c.GetProperty("occurrences").EnumerateArray()))
        {
            Assert.InRange(Date(o, "start"), start, end);
            Assert.All(o.GetProperty("evidence").EnumerateArray(), e => Assert.Contains(e.GetString(), visible));
        }
    }

    [Fact]
    public async Task Auditor_CreatedForAnEngagementOnRecord_TakesItsFrameworkAndWindow()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var type2 = (await GetAsync(manager, "/api/v1/engagements?pageSize=500")).GetProperty("items").EnumerateArray()
            .First(e => e.GetProperty("kind").GetString() == "soc2-type2");
        var id = type2.GetProperty("id").GetString()!;

        var auditor = await app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope(id, new HashSet<string>(), null, null));
        var me = await GetAsync(auditor, "/api/v1/me");
        Assert.Equal(id, me.GetProperty("engagement").GetString());
        Assert.Equal(["soc2-2017"], me.GetProperty("frameworks").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(Date(type2, "windowStart"), Date(me, "windowFrom"));
        Assert.Equal(Date(type2, "windowEnd"), Date(me, "windowTo"));

        await using var scope = app.Services.CreateAsyncScope();
        var refused = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(
            new NewAccount("nobody@example.com", Roles.Auditor, null, app.Clock.GetUtcNow().AddDays(5), new AuditorScope("NOPE", new HashSet<string>(), null, null)), null, "test");
        Assert.Equal("unknown-engagement", refused.Error?.Code);
    }

    [Fact]
    public async Task Requests_AreOnePerControl_AndFilterByStatus()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var all = (await GetAsync(manager, "/api/v1/requests?pageSize=500")).GetProperty("items").EnumerateArray().ToList();
        var controls = all.Select(r => r.GetProperty("control").GetString()).ToList();
        Assert.Equal(controls.Count, controls.Distinct().Count());
        Assert.All(all, r => Assert.Equal("PBC-" + r.GetProperty("control").GetString(), r.GetProperty("id").GetString()));
        var statuses = all.Select(r => r.GetProperty("status").GetString()).ToHashSet();
        Assert.Contains("answered", statuses);
        var missing = (await GetAsync(manager, "/api/v1/requests?status=missing&pageSize=500")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(all.Count(r => r.GetProperty("status").GetString() == "missing"), missing.Count);
        Assert.All(missing, r => Assert.Empty(r.GetProperty("evidence").EnumerateArray()));
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> Put<T>(HttpClient client, string path, T body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Date(JsonElement e, string name) => DateOnly.Parse(e.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static List<(DateOnly Start, DateOnly End)> Periods(DateOnly start, DateOnly end, int months)
    {
        var list = new List<(DateOnly, DateOnly)>();
        var first = new DateOnly(start.Year, ((start.Month - 1) / months * months) + 1, 1);
        for (var p = first; p <= end; p = p.AddMonths(months))
        {
            list.Add((p, p.AddMonths(months).AddDays(-1)));
        }

        return list;
    }
}
