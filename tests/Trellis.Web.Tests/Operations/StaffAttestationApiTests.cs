using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Web.Auth;
using static Trellis.Web.Tests.Api.ControlApiTests;

namespace Trellis.Web.Tests.Operations;

/// <summary>
/// Training and screening as evidence (issue 17, item 5) through the real app. On the demo
/// (src/Trellis.Content/Demo/DemoRegisters.cs, clock at 2026-11-02) the General Counsel, P-000000000010, last trained
/// 14 months before (2025-09-02), everyone else within 12 months; everyone was screened 14 days before starting; the
/// leaver ended 2026-10-30 and is not current staff. AC-10 maps to A.6.3 (equal) and AC-32 to A.6.1 (equal)
/// (src/Trellis.Content/Demo/DemoControls.cs).
/// </summary>
public sealed class StaffAttestationApiTests
{
    private const string Iso = "/api/v1/readiness/iso27001-2022?pageSize=500";

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Demo_Attest_FilesExtractsForAC10AndAC32_ReadinessCitesThem_GapNamedBeforeAndAfter(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        var viewer = await app.ClientAsAsync(Roles.Viewer, "viewer@example.com");
        const string Gap = "staff exception: P-000000000010 (General Counsel) last trained 2025-09-02, more than 12 months before 2026-11-02";

        var before = await Row(viewer, "A.6.3");
        Assert.Contains(Gap, Strings(before, "reasons"));
        Assert.DoesNotContain(Strings(await Row(viewer, "A.6.1"), "reasons"), r => r.StartsWith("staff exception:", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(new Uri("/api/v1/people/attestations", UriKind.Relative), null)).StatusCode);
        Assert.Equal(before.GetProperty("evidence").GetRawText(), (await Row(viewer, "A.6.3")).GetProperty("evidence").GetRawText());

        var attested = await manager.PostAsync(new Uri("/api/v1/people/attestations", UriKind.Relative), null);
        var body = await attested.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(attested.StatusCode == HttpStatusCode.OK, body.GetRawText());
        var extracts = body.GetProperty("extracts").EnumerateArray().ToDictionary(e => e.GetProperty("subject").GetString()!);
        Assert.Equal(["AC-10"], Strings(extracts["training"], "controls"));
        Assert.Equal(["AC-32"], Strings(extracts["screening"], "controls"));
        Assert.Equal("2025-11-03", extracts["training"].GetProperty("from").GetString());
        Assert.Equal("2026-11-02", extracts["training"].GetProperty("to").GetString());
        Assert.Equal(["P-000000000010"], body.GetProperty("exceptions").EnumerateArray().Select(x => x.GetProperty("personId").GetString()));
        var trainingId = extracts["training"].GetProperty("evidenceId").GetString()!;
        var screeningId = extracts["screening"].GetProperty("evidenceId").GetString()!;

        var after = await Row(viewer, "A.6.3");
        Assert.Contains(trainingId, Strings(after, "evidence"));
        Assert.Contains(Gap, Strings(after, "reasons"));
        Assert.Contains(screeningId, Strings(await Row(viewer, "A.6.1"), "evidence"));
        Assert.Equal(["evidence.add"], (await TrailAsync(app, $"evidence/{trainingId}")).Select(e => e.Action));

        // The same day again: the bytes and period are those of the current version, so nothing is written.
        var again = await (await manager.PostAsync(new Uri("/api/v1/people/attestations", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(again.GetProperty("extracts").EnumerateArray(), e => Assert.True(e.GetProperty("unchanged").GetBoolean()));
        Assert.Single(await TrailAsync(app, $"evidence/{trainingId}"));

        var dashboard = await manager.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("id=\"staff-exceptions\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("Training (A.6.3, CC2.2): P-000000000010 (General Counsel) last trained 2025-09-02", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandBuiltRegister_AttestCoversA63_TrainingRecordedClearsTheGap()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        foreach (var (id, requirement) in new[] { ("AC-1", "A.6.3"), ("AC-2", "A.6.1") })
        {
            var control = await SendAsync(manager, HttpMethod.Post, "/api/v1/controls", new
            {
                id,
                title = "People control " + id,
                cadence = "annual",
                status = "implemented",
                mappings = new[] { new { framework = "iso27001-2022", requirement, relationship = "equal" } },
            }, null);
            Assert.True(control.StatusCode == HttpStatusCode.Created, await control.Content.ReadAsStringAsync());
        }

        var trained = await SendAsync(manager, HttpMethod.Post, "/api/v1/people", new
        {
            email = "ana@example.com",
            name = "Ana",
            title = "Engineer",
            startDate = "2024-01-08",
            training = new[] { new { date = "2026-03-10", course = "Awareness 2026" } },
            screening = new { date = "2023-12-20", by = "Agency" },
        }, null);
        Assert.True(trained.StatusCode == HttpStatusCode.Created, await trained.Content.ReadAsStringAsync());
        var untrained = await SendAsync(manager, HttpMethod.Post, "/api/v1/people", new
        {
            email = "bo@example.com",
            name = "Bo",
            title = "Sales",
            startDate = "2022-05-02",
            screening = new { date = "2022-04-01", by = "Agency" },
        }, null);
        var bo = (await untrained.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("person").GetProperty("id").GetString();

        // Before: AC-1 is implemented but has no evidence, so A.6.3 is not covered; Bo is named.
        var before = await Row(manager, "A.6.3");
        Assert.NotEqual("covered", before.GetProperty("status").GetString());
        Assert.Contains($"staff exception: {bo} (Sales) has no security-awareness training recorded (started 2022-05-02)", Strings(before, "reasons"));

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync(new Uri("/api/v1/people/attestations", UriKind.Relative), null)).StatusCode);
        var after = await Row(manager, "A.6.3");
        Assert.Equal("covered", after.GetProperty("status").GetString());
        Assert.Equal("covered", (await Row(manager, "A.6.1")).GetProperty("status").GetString());
        Assert.Contains(Strings(after, "reasons"), r => r.StartsWith("staff exception:", StringComparison.Ordinal));

        var edited = await SendAsync(manager, HttpMethod.Put, "/api/v1/people/bo@example.com", new
        {
            name = "Bo",
            title = "Sales",
            startDate = "2022-05-02",
            screening = new { date = "2022-04-01", by = "Agency" },
            training = new[] { new { date = "2026-10-30", course = "Awareness 2026" } },
        }, null);
        Assert.True(edited.StatusCode == HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        Assert.DoesNotContain(Strings(await Row(manager, "A.6.3"), "reasons"), r => r.StartsWith("staff exception:", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> Row(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri(Iso, UriKind.Relative)))
            .GetProperty("requirements").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);

    private static List<string> Strings(JsonElement e, string property) => [.. e.GetProperty(property).EnumerateArray().Select(x => x.GetString()!)];
}
