using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Security;

/// <summary>
/// Issue 14, hole G: a right-to-left override in an uploaded file name made <c>evil\u202Efdp.exe</c> show as
/// "evilexe.pdf" in the evidence list and in the download's Content-Disposition.
/// </summary>
public sealed class FileNameTests
{
    [Fact]
    public async Task Upload_FileNameWithRightToLeftOverride_IsStoredAndServedWithoutIt()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);

        // The exact reproduction: the raw UTF-8 name in the part's Content-Disposition, as a browser sends it.
        const string Boundary = "trellis-rlo";
        var body = Encoding.UTF8.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"controls\"\r\n\r\nAC-01\r\n"
            + $"--{Boundary}\r\nContent-Disposition: form-data; name=\"effectiveFrom\"\r\n\r\n2026-10-31\r\n"
            + $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"evil\u202Efdp.exe\"\r\nContent-Type: application/pdf\r\n\r\nMZ not really a pdf\r\n"
            + $"--{Boundary}--\r\n");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");

        var created = await manager.PostAsync(new Uri("/api/v1/evidence", UriKind.Relative), content);

        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var item = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("evilfdp.exe", item.GetProperty("title").GetString());
        var version = item.GetProperty("versions")[0];
        Assert.Equal("evilfdp.exe", version.GetProperty("fileName").GetString());
        var download = await manager.GetAsync(new Uri(version.GetProperty("download").GetString()!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("evilfdp.exe", disposition.FileNameStar ?? disposition.FileName?.Trim('"'));
        Assert.DoesNotContain('\u202E', download.Content.Headers.GetValues("Content-Disposition").Single());
    }
}
