using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Auth;
using Trellis.Web.Storage;

namespace Trellis.Web.Tests.Api;

/// <summary>The program API on the demo program, through the real migrations, on SQLite and PostgreSQL.</summary>
public sealed class ProgramApiTests
{
    [SkippableFact]
    public async Task Readiness_WrittenThroughAnotherInstance_IsSeenAtOnce_NotFromAStaleCache()
    {
        using var db = TestDatabase.Create(Engine.Postgres);
        await using var first = new WebFactory(db.Target, demo: true);
        _ = first.Server;
        await using var second = new WebFactory(db.Target);
        var reader = await first.ClientAsAsync(Roles.Viewer);
        var writer = await second.ClientAsAsync(Roles.ComplianceManager);
        const string Readiness = "/api/v1/readiness/iso27001-2022?pageSize=500";
        string StatusOf(JsonElement r, string id) =>
            r.GetProperty("requirements").GetProperty("items").EnumerateArray().Single(x => x.GetProperty("id").GetString() == id).GetProperty("status").GetString()!;

        var before = await reader.GetFromJsonAsync<JsonElement>(new Uri(Readiness, UriKind.Relative));
        Assert.NotEqual("not-applicable", StatusOf(before, "A.5.7"));
        Assert.NotEqual("not-applicable", StatusOf(await reader.GetFromJsonAsync<JsonElement>(new Uri(Readiness, UriKind.Relative)), "A.5.7"));

        var row = await writer.GetAsync(new Uri("/api/v1/soa/A.5.7", UriKind.Relative));
        var saved = await PutAsync(writer, "/api/v1/soa/A.5.7", new { applicable = false, justification = "No threat intelligence function in scope" }, row.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        Assert.Equal("not-applicable", StatusOf(await reader.GetFromJsonAsync<JsonElement>(new Uri(Readiness, UriKind.Relative)), "A.5.7"));
    }

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task SoaRow_Edit_NeedsJustificationAndCurrentETag_AndReadinessFollows(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var row = await manager.GetAsync(new Uri("/api/v1/soa/A.5.7", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, row.StatusCode);
        var etag = row.Headers.ETag!.Tag;

        var noJustification = await PutAsync(manager, "/api/v1/soa/A.5.7", new { applicable = false, justification = "" }, etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noJustification.StatusCode);
        Assert.Equal("justification-required", (await noJustification.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var exclusion = new { applicable = false, justification = "No threat intelligence function in scope" };
        Assert.Equal((HttpStatusCode)428, (await PutAsync(manager, "/api/v1/soa/A.5.7", exclusion, null)).StatusCode);
        var saved = await PutAsync(manager, "/api/v1/soa/A.5.7", exclusion, etag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(etag, saved.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PutAsync(manager, "/api/v1/soa/A.5.7", exclusion, etag)).StatusCode);

        var readiness = await manager.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/readiness/iso27001-2022?pageSize=500", UriKind.Relative));
        var a57 = readiness.GetProperty("requirements").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "A.5.7");
        Assert.Equal("not-applicable", a57.GetProperty("status").GetString());
    }

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Evidence_UploadThenDownload_SameBytesAsAttachment_AndTamperedBlobIsRefused(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var bytes = Encoding.UTF8.GetBytes("access review 2026-10: 42 accounts reviewed, 3 removed\n");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("October access review"), "title" },
            { new StringContent("AC-01"), "controls" },
            { new StringContent("2026-10-31"), "effectiveFrom" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"../../etc/<review>.html\"" };
        form.Add(file);
        var created = await manager.PostAsync(new Uri("/api/v1/evidence", UriKind.Relative), form);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var item = await created.Content.ReadFromJsonAsync<JsonElement>();
        var version = item.GetProperty("versions")[0];
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), version.GetProperty("sha256").GetString());
        Assert.Equal("review.html", version.GetProperty("fileName").GetString());

        var download = await manager.GetAsync(new Uri(version.GetProperty("download").GetString()!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sha = version.GetProperty("sha256").GetString()!;
            var ctx = scope.ServiceProvider.GetRequiredService<WebDbContext>();
            await ctx.Database.ExecuteSqlAsync($"UPDATE blobs SET content = {Encoding.UTF8.GetBytes("forged")} WHERE sha256 = {sha}");
        }

        var tampered = await manager.GetAsync(new Uri(version.GetProperty("download").GetString()!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, tampered.StatusCode);
        Assert.Equal("blob-corrupt", (await tampered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Evidence_LargerThanTheLimit_Answers413AndStoresNothing()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true, settings: new Dictionary<string, string> { ["Trellis:MaxUploadBytes"] = "1024" });
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        var total = (await manager.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/evidence", UriKind.Relative))).GetProperty("total").GetInt32();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Too big"), "title" },
            { new StringContent("AC-01"), "controls" },
            { new StringContent("2026-10-31"), "effectiveFrom" },
            { new ByteArrayContent(new byte[4096]), "file", "big.bin" },
        };

        var response = await manager.PostAsync(new Uri("/api/v1/evidence", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(total, (await manager.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/evidence", UriKind.Relative))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Controls_ControlOwner_EditsOwnButNotOthers_AndEveryWriteIsAudited()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        var controls = (await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/controls?pageSize=500", UriKind.Relative))).GetProperty("items").EnumerateArray().ToList();
        var mine = controls[0];
        var owner = mine.GetProperty("owner").GetString()!;
        var other = controls.First(c => c.GetProperty("owner").GetString() != owner);
        var ownerClient = await app.ClientAsAsync(Roles.ControlOwner, owner);
        var before = await AuditCountAsync(app);

        var own = await EditTitleAsync(ownerClient, mine, "Renamed by its owner");
        var foreign = await EditTitleAsync(ownerClient, other, "Not mine");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(before + 1, await AuditCountAsync(app));
    }

    [Fact]
    public async Task SoaRow_EditedThroughThePage_IsSavedAndAudited()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(new NewAccount("lead@example.com", Roles.ComplianceManager), "correct horse battery staple", "test");
            Assert.True(created.IsSuccess);
        }

        var browser = await BrowserSession.SignInAsync(app, "lead@example.com", "correct horse battery staple");
        var before = await AuditCountAsync(app);
        var version = (await app.Services.GetRequiredService<Trellis.Data.ProgramStore>().GetSoaDecisionAsync("A.5.7")).Value.Version;

        var posted = await browser.PostFormAsync(app, "/soa/A.5.7", new Dictionary<string, string>
        {
            ["Applicable"] = "false",
            ["Justification"] = "No threat intelligence function in scope",
            ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(before + 1, await AuditCountAsync(app));
        var row = await (await app.ClientAsAsync(Roles.Viewer)).GetFromJsonAsync<JsonElement>(new Uri("/api/v1/soa/A.5.7", UriKind.Relative));
        Assert.False(row.GetProperty("applicable").GetBoolean());
    }

    [Fact]
    public async Task Lists_PagingOutOfRange_Answers400_AndPagesCarryTheTotal()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync(new Uri("/api/v1/controls?pageSize=0", UriKind.Relative))).StatusCode);
        var page = await viewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/controls?page=2&pageSize=25", UriKind.Relative));
        Assert.Equal(60, page.GetProperty("total").GetInt32());
        Assert.Equal(25, page.GetProperty("items").GetArrayLength());
        Assert.Equal("AC-26", page.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Auditor_Evidence_OnlyVersionsEffectiveInsideTheWindow()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var from = new DateOnly(2026, 6, 1);
        var to = new DateOnly(2026, 8, 31);
        var auditor = await app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope("soc2-type2", new HashSet<string> { "soc2-2017" }, from, to));
        var all = (await (await app.ClientAsAsync(Roles.Viewer)).GetFromJsonAsync<JsonElement>(new Uri("/api/v1/evidence?pageSize=500", UriKind.Relative))).GetProperty("total").GetInt32();
        var seen = (await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/evidence?pageSize=500", UriKind.Relative))).GetProperty("items").EnumerateArray().ToList();

        Assert.NotEmpty(seen);
        Assert.True(seen.Count < all);
        foreach (var v in seen.SelectMany(e => e.GetProperty("versions").EnumerateArray()))
        {
            var start = DateOnly.Parse(v.GetProperty("effectiveFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var end = v.GetProperty("effectiveTo").ValueKind == JsonValueKind.Null ? start : DateOnly.Parse(v.GetProperty("effectiveTo").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(end >= from && start <= to, $"{start}..{end} is outside {from}..{to}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync(new Uri("/api/v1/soa", UriKind.Relative))).StatusCode);
    }

    private static async Task<HttpResponseMessage> EditTitleAsync(HttpClient client, JsonElement control, string title)
    {
        var id = control.GetProperty("id").GetString()!;
        var current = await client.GetAsync(new Uri($"/api/v1/controls/{id}", UriKind.Relative));
        var body = new
        {
            title,
            description = control.GetProperty("description").GetString(),
            owner = control.GetProperty("owner").GetString(),
            cadence = control.GetProperty("cadence").GetString(),
            status = control.GetProperty("status").GetString(),
            mappings = control.GetProperty("mappings").EnumerateArray().Select(m => new
            {
                framework = m.GetProperty("framework").GetString(),
                requirement = m.GetProperty("requirement").GetString(),
                relationship = m.GetProperty("relationship").GetString(),
            }),
        };
        return await PutAsync(client, $"/api/v1/controls/{id}", body, current.Headers.ETag!.Tag);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string path, object body, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        }

        return await client.SendAsync(request);
    }

    private static async Task<int> AuditCountAsync(WebFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebDbContext>().AuditEntries.CountAsync();
    }
}
