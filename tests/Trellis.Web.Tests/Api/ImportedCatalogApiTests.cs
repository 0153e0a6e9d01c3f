using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Application.Catalogs;
using Trellis.Exchange.Oscal;
using Trellis.Testing;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// A framework and a mapping imported into the database (issue 12, item 3: one catalog) are seen by the web app like
/// the shipped ones: listed, crosswalked, mapped to by controls, with readiness on the API and the page.
/// </summary>
public sealed class ImportedCatalogApiTests
{
    private static string TestData(string name) => Path.Combine(ReferenceData.RepoRoot, "tests", "Trellis.Exchange.Tests", "Oscal", "TestData", name);

    private static async Task ImportAsync(WebFactory app)
    {
        var imports = app.Services.GetRequiredService<CatalogImports>();
        var baseline = OscalFrameworkImport.Load(TestData("sp800-53-style_catalog.json"), TestData("asis_profile.json"), "sp800-53-low");
        Assert.True((await imports.ImportFrameworkAsync(Account.System, baseline.Value, CancellationToken.None)).IsSuccess);
        var mapping = await File.ReadAllBytesAsync(TestData("sp800-53-to-iso27001-2022_mapping.json"));
        var imported = await imports.ImportMappingAsync(
            Account.System, mapping, "mapping.json", new MappingImportOptions { SourceFramework = "sp800-53-low", SkipMissing = true }, CancellationToken.None);
        Assert.True(imported.IsSuccess, imported.Error?.Message);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task ImportedBaseline_IsListedCrosswalkedAndHasReadinessOnTheApiAndThePage()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        await viewer.GetAsync(new Uri("/api/v1/frameworks", UriKind.Relative)); // the catalog is read before the import, then must change
        await ImportAsync(app);

        var frameworks = await GetJsonAsync(viewer, "/api/v1/frameworks");
        Assert.Contains(frameworks.GetProperty("items").EnumerateArray(), f => f.GetProperty("id").GetString() == "sp800-53-low");
        var links = await GetJsonAsync(viewer, "/api/v1/crosswalk?from=sp800-53-low&to=iso27001-2022");
        Assert.Contains(links.GetProperty("items").EnumerateArray(), l =>
            l.GetProperty("source").GetString() == "ac-3" && l.GetProperty("target").GetString() == "A.8.3" && l.GetProperty("relationship").GetString() == "equal");

        // ac-3 is credited to the demo controls that meet A.8.3, read from the controls the API lists.
        var controls = await GetJsonAsync(viewer, "/api/v1/controls?pageSize=200");
        var meetA83 = controls.GetProperty("items").EnumerateArray()
            .Where(c => c.GetProperty("mappings").EnumerateArray().Any(m =>
                m.GetProperty("framework").GetString() == "iso27001-2022" && m.GetProperty("requirement").GetString() == "A.8.3"
                && m.GetProperty("relationship").GetString() is "equal" or "superset-of"))
            .Select(c => c.GetProperty("id").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(meetA83);
        var readiness = await GetJsonAsync(viewer, "/api/v1/readiness/sp800-53-low");
        var ac3 = readiness.GetProperty("requirements").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "ac-3");
        Assert.Subset(ac3.GetProperty("controls").EnumerateArray().Select(c => c.GetString()).ToHashSet(), meetA83.ToHashSet());
        Assert.Equal("covered", ac3.GetProperty("status").GetString());
        var summaries = await GetJsonAsync(viewer, "/api/v1/readiness");
        Assert.Contains(summaries.EnumerateArray(), s => s.GetProperty("framework").GetString() == "sp800-53-low");

        var page = await viewer.GetStringAsync(new Uri("/readiness/sp800-53-low", UriKind.Relative));
        Assert.Contains("Access Enforcement", page, StringComparison.Ordinal);
        Assert.Contains(meetA83[0]!, page, StringComparison.Ordinal);
        Assert.Contains("sp800-53-low", await viewer.GetStringAsync(new Uri("/frameworks", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_CanBeMappedToAnImportedRequirement_AndAnAuditorOutsideItSeesNothing()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        await ImportAsync(app);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);

        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/controls/LOG-99")
        {
            Content = JsonContent.Create(new
            {
                title = "Event types to log are reviewed",
                owner = "sre@northwind.example",
                cadence = "annual",
                status = "planned",
                mappings = new[] { new { framework = "sp800-53-low", requirement = "au-2", relationship = "equal" } },
            }),
        };
        using var saved = await manager.SendAsync(put);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var mapping = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mappings")[0];
        Assert.Equal("Event Logging", mapping.GetProperty("title").GetString());

        using var unknown = new HttpRequestMessage(HttpMethod.Put, "/api/v1/controls/LOG-98")
        {
            Content = JsonContent.Create(new
            {
                title = "Program plan",
                cadence = "annual",
                status = "planned",
                mappings = new[] { new { framework = "sp800-53-low", requirement = "pm-1", relationship = "equal" } },
            }),
        };
        using var refused = await manager.SendAsync(unknown);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("pm-1", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var auditor = await app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope("soc2-type2", new HashSet<string> { "soc2-2017" }, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)));
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync(new Uri("/api/v1/frameworks/sp800-53-low", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync(new Uri("/api/v1/readiness/sp800-53-low", UriKind.Relative))).StatusCode);
    }
}
