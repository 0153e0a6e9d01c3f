using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Trellis.Application.Actors;
using Trellis.Core.Audits;

namespace Trellis.Web.Tests.Api;

/// <summary>Issue 16, item 4: the frozen package holds the accepted answer's evidence file, verifies, and is served unchanged.</summary>
public sealed class PackageApiTests
{
    private const string Engagement = "soc2-type2-window-1";

    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Freeze_AfterAnAcceptedAnswer_HoldsItsEvidenceFile_VerifiesAndIsServedAsRecorded(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var auditor = await app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope(Engagement, new HashSet<string> { "soc2-2017" }, new DateOnly(2026, 5, 1), new DateOnly(2026, 10, 31)));
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        // An evidence item the auditor sees with a file version effective in the window.
        var evidence = "";
        JsonElement version = default;
        foreach (var candidate in (await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/evidence?pageSize=500", UriKind.Relative))).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!))
        {
            var item = await manager.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/evidence/{candidate}", UriKind.Relative));
            var files = item.GetProperty("versions").EnumerateArray().Where(v => v.GetProperty("sha256").ValueKind == JsonValueKind.String
                && DateOnly.Parse(v.GetProperty("effectiveFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture) is var from
                && from <= new DateOnly(2026, 10, 31) && from >= new DateOnly(2026, 5, 1)).ToList();
            if (files.Count > 0)
            {
                (evidence, version) = (candidate, files[^1]);
                break;
            }
        }

        Assert.NotEqual("", evidence);
        var raised = await auditor.PostAsJsonAsync($"/api/v1/engagements/{Engagement}/requests", new { text = "Show it", dueOn = "2026-11-20" });
        var id = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/requests/{id}/assign", new { owner = "lead@example.com" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/requests/{id}/answer", new { evidence = new[] { evidence } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.PostAsJsonAsync($"/api/v1/requests/{id}/accept", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync(new Uri($"/api/v1/engagements/{Engagement}/package", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync(new Uri($"/api/v1/engagements/{Engagement}/package", UriKind.Relative), null)).StatusCode);
        var frozen = await manager.PostAsync(new Uri($"/api/v1/engagements/{Engagement}/package", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, frozen.StatusCode);
        var sha = (await frozen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sha256").GetString()!;

        var zip = await auditor.GetByteArrayAsync(new Uri($"/api/v1/engagements/{Engagement}/package", UriKind.Relative));
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(zip)));
        Assert.True(AuditPackage.Verify(new MemoryStream(zip)).IsSuccess);
        using var archive = new ZipArchive(new MemoryStream(zip));
        var file = archive.Entries.Single(e => e.FullName.StartsWith($"evidence/{evidence}/v{version.GetProperty("number").GetInt32()}-", StringComparison.Ordinal));
        using var content = file.Open();
        Assert.Equal(version.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(content)));
        Assert.Contains(archive.Entries, e => e.FullName == $"requests/{id}.json");

        // Evidence edited after the freeze: a new version of the same item, effective in the window, does not reach the
        // stored package — it is served with the same bytes and still verifies.
        using (var form = new System.Net.Http.MultipartFormDataContent
        {
            { new StringContent("2026-10-15"), "effectiveFrom" },
            { new ByteArrayContent("changed after the freeze\n"u8.ToArray()), "file", "changed.txt" },
        })
        {
            var edited = await manager.PostAsync(new Uri($"/api/v1/evidence/{evidence}/versions", UriKind.Relative), form);
            Assert.True(edited.StatusCode == HttpStatusCode.Created, await edited.Content.ReadAsStringAsync());
            var versions = (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versions");
            Assert.Equal("changed.txt", versions[versions.GetArrayLength() - 1].GetProperty("fileName").GetString());
        }

        var after = await auditor.GetByteArrayAsync(new Uri($"/api/v1/engagements/{Engagement}/package", UriKind.Relative));
        Assert.Equal(zip, after);
        Assert.True(AuditPackage.Verify(new MemoryStream(after)).IsSuccess);
        using (var afterArchive = new ZipArchive(new MemoryStream(after)))
        {
            Assert.DoesNotContain(afterArchive.Entries, e => e.FullName.EndsWith("-changed.txt", StringComparison.Ordinal));
        }

        var trail = await (await app.ClientAsAsync(Roles.Admin)).GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit-log?pageSize=500", UriKind.Relative));
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "package.freeze" && e.GetProperty("resource").GetString() == $"package/{sha}");

        var other = await app.ClientAsAsync(Roles.Auditor, scope: new AuditorScope("another", new HashSet<string> { "soc2-2017" }, null, null));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/engagements/{Engagement}/package", UriKind.Relative))).StatusCode);
    }
}
