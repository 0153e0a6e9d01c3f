using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Web.Auth;
using static Trellis.Web.Tests.Api.ControlApiTests;

namespace Trellis.Web.Tests.Operations;

/// <summary>
/// The registers' write API (issue 17, items 5 and 6) through the real app on the demo, clock at 2026-11-02, default
/// off-boarding settings (1 day, five systems: src/Trellis.Core/People/Offboarding.cs): managers write and each write
/// is audited; viewers, control owners and auditors are refused and nothing changes; bad input names its field.
/// </summary>
public sealed class RegisterWriteApiTests
{
    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Person_AddEditLeaveOffboard_AuditedUnderTheOpaqueId_OthersRefused(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        var viewer = await app.ClientAsAsync(Roles.Viewer, "viewer@example.com");
        var auditor = await app.ClientAsAsync(Roles.Auditor, "auditor@example.com");
        var newHire = new { email = "New.Hire@Northwind.example", name = "New Hire", title = "Analyst", startDate = "2026-10-01" };

        foreach (var refused in new[] { viewer, auditor })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(refused, HttpMethod.Post, "/api/v1/people", newHire, null)).StatusCode);
        }

        Assert.Equal(13, (await manager.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/people", UriKind.Relative))).GetArrayLength());
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Post, "/api/v1/people", new { email = "not-an-address", name = "X" }, null), HttpStatusCode.BadRequest, "invalid-person", "email");
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Post, "/api/v1/people", new { email = "x@northwind.example", name = "X", training = new[] { new { date = "2026-12-01", course = "Later" } } }, null), HttpStatusCode.BadRequest, "invalid-person", "training");
        Assert.Equal(13, (await manager.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/people", UriKind.Relative))).GetArrayLength());

        var created = await SendAsync(manager, HttpMethod.Post, "/api/v1/people", newHire, null);
        var person = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(created.StatusCode == HttpStatusCode.Created, person.GetRawText());
        var id = person.GetProperty("person").GetProperty("id").GetString()!;
        Assert.Equal("new.hire@northwind.example", person.GetProperty("person").GetProperty("email").GetString());
        Assert.Equal("/api/v1/people/new.hire%40northwind.example", created.Headers.Location!.OriginalString);
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Post, "/api/v1/people", newHire, null), HttpStatusCode.Conflict, "duplicate-id", "email");

        var edited = await SendAsync(manager, HttpMethod.Put, "/api/v1/people/new.hire@northwind.example", newHire with { title = "Senior Analyst" }, null);
        Assert.True(edited.StatusCode == HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(viewer, HttpMethod.Patch, "/api/v1/people/new.hire@northwind.example", new { endDate = "2026-11-01" }, null)).StatusCode);
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Patch, "/api/v1/people/new.hire@northwind.example", new { endDate = "2026-09-30" }, null), HttpStatusCode.BadRequest, "invalid-person", "endDate");

        var left = await (await SendAsync(manager, HttpMethod.Patch, "/api/v1/people/new.hire@northwind.example", new { endDate = "2026-11-01" }, null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-11-02", left.GetProperty("offboarding").GetProperty("due").GetString());
        Assert.Equal(5, left.GetProperty("offboarding").GetProperty("open").GetInt32());

        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Post, "/api/v1/people/new.hire@northwind.example/offboarding", new { system = "Payroll" }, null), HttpStatusCode.BadRequest, "invalid-person", "system");
        var ticked = await SendAsync(manager, HttpMethod.Post, "/api/v1/people/new.hire@northwind.example/offboarding", new { system = "E-mail", note = "Ticket IT-4411" }, null);
        var item = (await ticked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("person").GetProperty("offboarding").EnumerateArray().Single(i => i.GetProperty("system").GetString() == "E-mail");
        Assert.Equal("2026-11-02", item.GetProperty("doneOn").GetString());
        Assert.Equal("Ticket IT-4411", item.GetProperty("note").GetString());

        Assert.Equal(["person.add", "person.update", "person.leave", "person.offboarding"], (await TrailAsync(app, $"people/{id}")).Select(e => e.Action));
    }

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Vendor_AddAssuranceSubservice_ValidatedAndAudited_ViewersRefused(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        var viewer = await app.ClientAsAsync(Roles.Viewer, "viewer@example.com");
        var vendor = new { id = "V-SLACK", name = "Slack", service = "Chat", dataShared = "Staff messages", criticality = "medium", owner = "it@northwind.example", reviewCadence = "annual" };

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(viewer, HttpMethod.Post, "/api/v1/vendors", vendor, null)).StatusCode);
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Post, "/api/v1/vendors", vendor with { criticality = "extreme" }, null), HttpStatusCode.BadRequest, "invalid-vendor", "criticality");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri("/api/v1/vendors/V-SLACK", UriKind.Relative))).StatusCode);

        var created = await SendAsync(manager, HttpMethod.Post, "/api/v1/vendors", vendor, null);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Post, "/api/v1/vendors", vendor, null), HttpStatusCode.Conflict, "duplicate-id", "id");

        // A SOC 2 Type 2 whose period ended 2025-06-30 counted until 2026-06-30: expired on 2026-11-02.
        var soc2 = new { type = "type2", periodStart = "2024-07-01", periodEnd = "2025-06-30", opinion = "unqualified" };
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Put, "/api/v1/vendors/V-SLACK/assurance", new { soc2 = soc2 with { opinion = "great" } }, null), HttpStatusCode.BadRequest, "invalid-vendor", "soc2.opinion");
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(viewer, HttpMethod.Put, "/api/v1/vendors/V-SLACK/assurance", new { soc2 }, null)).StatusCode);
        var assured = await (await SendAsync(manager, HttpMethod.Put, "/api/v1/vendors/V-SLACK/assurance", new { soc2, iso27001 = new { number = "SL-27001", expiry = "2027-03-31" } }, null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(assured.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("kind").GetString() == "soc2-report-expired");
        Assert.Equal("SL-27001", assured.GetProperty("vendor").GetProperty("iso27001").GetProperty("number").GetString());

        var csoc = new { description = "Slack encrypts messages at rest", monitoredBy = new[] { "AC-99" } };
        await AssertProblemAsync(await SendAsync(manager, HttpMethod.Put, "/api/v1/vendors/V-SLACK/subservice", new { method = "carve-out", controls = new[] { csoc } }, null), HttpStatusCode.BadRequest, "invalid-vendor", "subservice.controls");
        var marked = await (await SendAsync(manager, HttpMethod.Put, "/api/v1/vendors/V-SLACK/subservice", new { method = "inclusive", controls = new[] { csoc with { monitoredBy = new[] { "AC-23" } } } }, null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("inclusive", marked.GetProperty("vendor").GetProperty("subservice").GetProperty("method").GetString());

        Assert.Equal(["vendor.add", "vendor.assurance", "vendor.subservice"], (await TrailAsync(app, "vendors/V-SLACK")).Select(e => e.Action));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync(new Uri("/api/v1/vendors/V-SLACK/subservice", UriKind.Relative))).StatusCode);
        Assert.Equal(3, (await TrailAsync(app, "vendors/V-SLACK")).Count);
    }
}
