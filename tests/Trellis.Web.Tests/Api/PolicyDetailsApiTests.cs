using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Application.Actors;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// Issue 17, item 4's editing gaps through the real app on the demo: a compliance manager writes a policy from scratch
/// with its approvers and changes its details (PATCH /api/v1/policies/{id}), each write audited; viewers and auditors
/// are refused and bad input is named and changes nothing.
/// </summary>
public sealed class PolicyDetailsApiTests
{
    private static readonly Uri List = new("/api/v1/policies", UriKind.Relative);
    private static readonly Uri Pol = new("/api/v1/policies/POL-901", UriKind.Relative);

    private static object NewPolicy => new
    {
        id = "POL-901",
        title = "Clean desk policy",
        owner = "lead@northwind.example",
        body = "# Clean desk\n\nLock your screen.",
        reviewCadence = "annual",
        requirements = new[] { "iso27001-2022:A.7.7" },
        approvers = new[] { "ceo@northwind.example", "CISO@northwind.example" },
    };

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task CreateThenEdit_ByManager_ChangesTheDetails_AndBothAreAudited(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@northwind.example");
        var created = await manager.PostAsJsonAsync(List, NewPolicy);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var v1 = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versions")[0];
        Assert.Equal(["ceo@northwind.example", "ciso@northwind.example"], v1.GetProperty("approvers").EnumerateArray().Select(a => a.GetString()));

        var edited = await manager.PatchAsJsonAsync(Pol, new { title = "Clear desk and clear screen policy", owner = "priya.shah@northwind.example", reviewCadence = "semi-annual", requirements = new[] { "iso27001-2022:A.7.7", "soc2-2017:CC6.4" }, approvers = new[] { "ceo@northwind.example" } });

        Assert.True(edited.StatusCode == HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var after = await manager.GetFromJsonAsync<JsonElement>(Pol);
        Assert.Equal("Clear desk and clear screen policy", after.GetProperty("summary").GetProperty("title").GetString());
        Assert.Equal("priya.shah@northwind.example", after.GetProperty("summary").GetProperty("owner").GetString());
        Assert.Equal("semi-annual", after.GetProperty("reviewCadence").GetString());
        Assert.Equal(["iso27001-2022:A.7.7", "soc2-2017:CC6.4"], after.GetProperty("summary").GetProperty("requirements").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("# Clean desk\n\nLock your screen.", after.GetProperty("markdown").GetString());

        // Submitting without naming approvers sends the draft to the approvers named on it.
        var submitted = await manager.PostAsJsonAsync(new Uri("/api/v1/policies/POL-901/submit", UriKind.Relative), new { version = 1 });
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        Assert.Equal(["ceo@northwind.example"], (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versions")[0].GetProperty("approvers").EnumerateArray().Select(a => a.GetString()));

        var trail = (await (await app.ClientAsAsync(Roles.Admin)).GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit-log?pageSize=500", UriKind.Relative))).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(trail, e => e.GetProperty("action").GetString() == "policy.create" && e.GetProperty("resource").GetString() == "policy/POL-901");
        var entry = trail.Single(e => e.GetProperty("action").GetString() == "policy.edit-details");
        Assert.Equal("lead@northwind.example", entry.GetProperty("actor").GetString());
        Assert.Contains("semi-annual", entry.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Auditor)]
    public async Task Edit_ByViewerOrAuditor_IsForbidden_AndChangesNothing(string role)
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var client = await app.ClientAsAsync(role, scope: role == Roles.Auditor ? new AuditorScope("iso", new HashSet<string> { "iso27001-2022" }, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)) : null);

        var patched = await client.PatchAsJsonAsync(new Uri("/api/v1/policies/access-control", UriKind.Relative), new { title = "Hijacked" });
        var created = await client.PostAsJsonAsync(List, NewPolicy);

        Assert.Equal(HttpStatusCode.Forbidden, patched.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
        var admin = await app.ClientAsAsync(Roles.Admin);
        Assert.Equal("Access control policy", (await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/policies/access-control", UriKind.Relative))).GetProperty("summary").GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Pol)).StatusCode);
    }

    [Theory]
    [InlineData("{\"requirements\":[\"iso27001-2022:A.99.9\"]}", "unknown-requirement", "iso27001-2022:A.99.9")]
    [InlineData("{\"controls\":[\"NO-SUCH\"]}", "unknown-control", "NO-SUCH")]
    [InlineData("{\"reviewCadence\":\"fortnightly\"}", "invalid-cadence", "fortnightly")]
    [InlineData("{\"owner\":\"not an e-mail\"}", "invalid-policy", "not an e-mail")]
    [InlineData("{\"approvers\":[\"ceo@northwind.example\"]}", "policy-state", "approvers are named on a draft")]
    public async Task Edit_BadInput_IsAProblemNamingIt_AndChangesNothing(string json, string code, string named)
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@northwind.example");
        var uri = new Uri("/api/v1/policies/access-control", UriKind.Relative);
        var before = (await manager.GetFromJsonAsync<JsonElement>(uri)).ToString();

        var patched = await manager.PatchAsync(uri, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True((int)patched.StatusCode is >= 400 and < 500, problem.ToString());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await manager.GetFromJsonAsync<JsonElement>(uri)).ToString());
    }
}
