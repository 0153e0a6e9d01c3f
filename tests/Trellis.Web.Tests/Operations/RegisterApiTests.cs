using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Operations;

/// <summary>
/// Issue 17, items 5 and 6 through the real app on the demo (src/Trellis.Content/Demo/DemoRegisters.cs): the clock stands
/// at <see cref="WebFactory.DefaultStart"/>; AWS's SOC 2 period ended 14 months before, so it is expired and named on
/// the dashboard; the staff register is for admins and compliance managers only.
/// </summary>
public sealed class RegisterApiTests
{
    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Demo_ExpiredSoc2OfAws_OnTheVendorsApiAndTheDashboard(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer, "viewer@example.com");

        var vendors = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/vendors", UriKind.Relative));
        var aws = vendors.EnumerateArray().Single(v => v.GetProperty("vendor").GetProperty("id").GetString() == "V-AWS");
        Assert.Contains(aws.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("kind").GetString() == "soc2-report-expired");
        Assert.Equal("carve-out", aws.GetProperty("vendor").GetProperty("subservice").GetProperty("method").GetString());

        var dashboard = await (await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com")).GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("id=\"vendor-exceptions\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("Amazon Web Services: SOC 2 report", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_OnlyManagersSeeThem_AndErasureRemovesThePerson()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer, "viewer@example.com");
        var owner = await app.ClientAsAsync(Roles.ControlOwner, "owner@example.com");
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(new Uri("/api/v1/people", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync(new Uri("/api/v1/people", UriKind.Relative))).StatusCode);
        var people = await manager.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/people", UriKind.Relative));
        Assert.Equal(13, people.GetArrayLength());

        var erased = await manager.DeleteAsync(new Uri("/api/v1/people/jamie.ross@northwind.example", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri("/api/v1/people/jamie.ross@northwind.example", UriKind.Relative))).StatusCode);
    }
}
