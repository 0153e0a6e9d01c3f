using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Trellis.Testing;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Api;

/// <summary>Reports and OSCAL documents downloaded from the web app on the demo program, checked against the reference lists.</summary>
public sealed class ExportApiTests
{
    private static readonly HashSet<string> AnnexA = [.. ReferenceData.Csv("iso27001-2022.csv").Where(r => r["theme"] != "clause").Select(r => r["id"])];
    private static readonly HashSet<string> Soc2 = [.. ReferenceData.Csv("soc2-tsc-2017.csv").Select(r => r["id"])];

    [Fact]
    public async Task Soa_AsXlsx_IsAnAttachmentWithEveryAnnexAControlOnce()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        using var response = await manager.GetAsync(new Uri("/api/v1/reports/soa?format=xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);

        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.Equal("Cover", workbook.Worksheets.First().Name);
        var ids = workbook.Worksheets.Skip(1).SelectMany(s => s.Column(1).CellsUsed()).Select(c => c.GetString()).Where(AnnexA.Contains).ToList();
        Assert.Equal(93, AnnexA.Count);
        Assert.Equal(AnnexA.Order(StringComparer.Ordinal), ids.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Reports_OtherFormats_AndBadRequests_AnswerAsDocumented()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        var pdf = await viewer.GetByteArrayAsync(new Uri("/api/v1/reports/matrix?format=pdf", UriKind.Relative));
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var csv = await viewer.GetStringAsync(new Uri("/api/v1/reports/crosswalk?format=csv&framework=iso27001-2022&to=soc2-2017", UriKind.Relative));
        Assert.Contains("A.5.15", csv, StringComparison.Ordinal);
        Assert.Contains("CC6.1", csv, StringComparison.Ordinal);

        var badFormat = await viewer.GetAsync(new Uri("/api/v1/reports/soa?format=docx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal("format", (await badFormat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("location").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync(new Uri("/api/v1/reports/soaa", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync(new Uri("/api/v1/reports/evidence-index?engagement=NOPE", UriKind.Relative))).StatusCode);

        var auditor = await app.ClientAsAsync(Roles.Auditor);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync(new Uri("/api/v1/reports/soa?format=xlsx", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Oscal_SspAndAssessmentResults_NameOnlyRealRequirementsAndTheEngagementsFindings()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var ssp = await manager.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/oscal/ssp?framework=soc2-2017", UriKind.Relative));
        var requirements = ssp.GetProperty("system-security-plan").GetProperty("control-implementation").GetProperty("implemented-requirements")
            .EnumerateArray().Select(r => r.GetProperty("control-id").GetString()!).ToList();
        Assert.NotEmpty(requirements);
        Assert.All(requirements, id => Assert.Contains(id, Soc2));

        var engagements = (await manager.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/engagements?pageSize=500", UriKind.Relative))).GetProperty("items").EnumerateArray();
        var stage2 = engagements.Single(e => e.GetProperty("kind").GetString() == "iso-stage2").GetProperty("id").GetString();
        var results = await manager.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/oscal/assessment-results?engagement={stage2}", UriKind.Relative));
        var findings = results.GetProperty("assessment-results").GetProperty("results")[0].GetProperty("findings").EnumerateArray().ToList();
        var finding = Assert.Single(findings);
        Assert.Contains("Backup restore tests not recorded", finding.GetProperty("title").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync(new Uri("/api/v1/oscal/ssp", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri("/api/v1/oscal/ssp?framework=soc3", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri("/api/v1/oscal/poam", UriKind.Relative))).StatusCode);
    }
}
