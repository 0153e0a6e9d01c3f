using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Application.Actors;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// Issue 16, item 4: one tested occurrence serves both audits. Demo program, today 2026-11-02: the SOC 2 auditor samples
/// a monthly control in the Type 2 window (seed 42, size 2: February and September 2026, see SampleApiTests) and
/// accepts both answers; the first ISO surveillance audit looks back over the days since the stage 2 fieldwork, so the
/// lead is offered the occurrences inside those days, reuses September's, the ISO auditor accepts it, and both frozen
/// packages say where it was tested and where it was reused.
/// </summary>
public sealed class ReuseApiTests
{
    private const string Type2 = "soc2-type2-window-1";

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task AcceptedSoc2SampleItem_IsOfferedToTheSurveillanceAudit_ReusedOnce_AndBothPackagesShowIt(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        var engagements = (await manager.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/engagements?pageSize=100", UriKind.Relative))).GetProperty("items");
        var surveillance = engagements.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "iso-surveillance-1");
        var stage2 = engagements.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "iso-stage2");
        var iso = surveillance.GetProperty("id").GetString()!;
        var stage2End = DateOnly.Parse(stage2.GetProperty("fieldworkEnd").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        var soc2Auditor = await app.ClientAsAsync(Roles.Auditor, "cpa@example.com", scope: new AuditorScope(Type2, new HashSet<string> { "soc2-2017" }, new DateOnly(2026, 5, 1), new DateOnly(2026, 10, 31)));
        var control = await MonthlyControlOfBothAsync(manager);
        var drawn = await soc2Auditor.PostAsJsonAsync($"/api/v1/engagements/{Type2}/samples", new { control, size = 2, seed = "42" });
        Assert.Equal(HttpStatusCode.Created, drawn.StatusCode);
        var sample = await drawn.Content.ReadFromJsonAsync<JsonElement>();
        var items = sample.GetProperty("items").EnumerateArray().ToList();
        var requests = sample.GetProperty("requests").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Equal(["2026-02-01..2026-02-28", "2026-09-01..2026-09-30"], items.Select(i => i.GetProperty("item").GetString()));
        var evidence = (await manager.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/controls/{control}", UriKind.Relative))).GetProperty("evidence")[0].GetString()!;
        foreach (var id in requests)
        {
            Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/requests/{id}/assign", new { owner = "lead@example.com" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/requests/{id}/answer", new { evidence = new[] { evidence } })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await soc2Auditor.PostAsJsonAsync($"/api/v1/requests/{id}/accept", new { })).StatusCode);
        }

        // Offered: the accepted items that occurred after the stage 2 fieldwork (the surveillance audit's look-back).
        var offers = await manager.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/engagements/{iso}/reuse", UriKind.Relative));
        var expected = requests.Where((r, i) => DateOnly.Parse(items[i].GetProperty("occurredOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > stage2End).ToList();
        Assert.Contains(requests[1], expected); // September 2026 is inside any look-back that ends before the surveillance
        Assert.Equal(expected, offers.EnumerateArray().Select(o => o.GetProperty("fromRequest").GetString()!));
        Assert.Equal(HttpStatusCode.Forbidden, (await soc2Auditor.GetAsync(new Uri($"/api/v1/engagements/{Type2}/reuse", UriKind.Relative))).StatusCode);

        Assert.Contains($"name=\"ReuseRequest\" value=\"{requests[1]}\"", await manager.GetStringAsync(new Uri($"/engagements/{iso}", UriKind.Relative)), StringComparison.Ordinal);
        var reused = await manager.PostAsJsonAsync($"/api/v1/engagements/{iso}/reuse", new { request = requests[1] });
        Assert.Equal(HttpStatusCode.Created, reused.StatusCode);
        var request = await reused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((iso, "answered", requests[1], control, "2026-09-01..2026-09-30"), (request.GetProperty("engagement").GetString(), request.GetProperty("status").GetString(),
            request.GetProperty("reusedFrom").GetString(), request.GetProperty("control").GetString(), request.GetProperty("sampleItem").GetString()));
        Assert.Equal([evidence], request.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        var again = await manager.PostAsJsonAsync($"/api/v1/engagements/{iso}/reuse", new { request = requests[1] });
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.DoesNotContain(requests[1], (await manager.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/engagements/{iso}/reuse", UriKind.Relative))).EnumerateArray().Select(o => o.GetProperty("fromRequest").GetString()));

        var isoAuditor = await app.ClientAsAsync(Roles.Auditor, "iso@example.com", scope: new AuditorScope(iso, new HashSet<string> { "iso27001-2022" }, null, null));
        var reusedId = request.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await isoAuditor.PostAsJsonAsync($"/api/v1/requests/{reusedId}/accept", new { })).StatusCode);

        // The request page, both sides: the ISO auditor sees where it was tested (no link into an engagement it cannot
        // open), the lead gets the link.
        var auditorPage = await isoAuditor.GetStringAsync(new Uri($"/requests/{reusedId}", UriKind.Relative));
        Assert.Contains("id=\"request-reused-from\"", auditorPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/requests/{requests[1]}\"", auditorPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/requests/{requests[1]}\"", await manager.GetStringAsync(new Uri($"/requests/{reusedId}", UriKind.Relative)), StringComparison.Ordinal);

        using (var isoPackage = await FreezeAsync(manager, iso))
        {
            var here = Assert.Single(isoPackage.RootElement.GetProperty("reusedHere").EnumerateArray());
            Assert.Equal((reusedId, Type2, requests[1], "accepted"), (here.GetProperty("request").GetString(), here.GetProperty("testedIn").GetString(), here.GetProperty("testedBy").GetString(), here.GetProperty("status").GetString()));
        }

        using (var soc2Package = await FreezeAsync(manager, Type2))
        {
            var elsewhere = Assert.Single(soc2Package.RootElement.GetProperty("reusedElsewhere").EnumerateArray());
            Assert.Equal((requests[1], iso, reusedId), (elsewhere.GetProperty("request").GetString(), elsewhere.GetProperty("reusedIn").GetString(), elsewhere.GetProperty("reusedBy").GetString()));
        }

        var trail = await (await app.ClientAsAsync(Roles.Admin)).GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit-log?pageSize=500", UriKind.Relative));
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "request.reuse" && e.GetProperty("resource").GetString() == $"request/{reusedId}");
    }

    // A monthly control mapped to both frameworks (in the scope of both audits).
    private static async Task<string> MonthlyControlOfBothAsync(HttpClient client)
    {
        var controls = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/controls?pageSize=500", UriKind.Relative));
        return controls.GetProperty("items").EnumerateArray().First(c => c.GetProperty("cadence").GetString() == "monthly"
            && c.GetProperty("status").GetString() == "implemented"
            && c.GetProperty("mappings").EnumerateArray().Any(m => m.GetProperty("framework").GetString() == "iso27001-2022")
            && c.GetProperty("mappings").EnumerateArray().Any(m => m.GetProperty("framework").GetString() == "soc2-2017" && m.GetProperty("requirement").GetString()!.StartsWith("CC", StringComparison.Ordinal))
            && c.GetProperty("evidence").GetArrayLength() > 0).GetProperty("id").GetString()!;
    }

    private static async Task<JsonDocument> FreezeAsync(HttpClient manager, string engagement)
    {
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsync(new Uri($"/api/v1/engagements/{engagement}/package", UriKind.Relative), null)).StatusCode);
        var zip = await manager.GetByteArrayAsync(new Uri($"/api/v1/engagements/{engagement}/package", UriKind.Relative));
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var reuse = archive.GetEntry("reuse.json")!.Open();
        return await JsonDocument.ParseAsync(reuse);
    }
}
