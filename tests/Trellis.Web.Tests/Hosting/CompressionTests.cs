using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Hosting;

/// <summary>HTML and JSON compressed when the client asks, over HTTP and HTTPS; the favicon (issue 15, item 8).</summary>
public sealed class CompressionTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("http", "/", "br", "<!DOCTYPE html>")]
    [InlineData("https", "/", "br", "<!DOCTYPE html>")]
    [InlineData("https", "/api/v1/frameworks", "br", "{\"items\":[")]
    [InlineData("https", "/api/v1/frameworks", "gzip", "{\"items\":[")]
    [InlineData("http", "/css/site.css", "gzip", "/* Trellis")]
    public async Task Get_ClientAcceptsAnEncoding_AnswersCompressedAndTheBodyDecodes(string scheme, string path, string encoding, string start)
    {
        using var response = await GetAsync(scheme, path, encoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.StartsWith(start, await DecodeAsync(response, encoding), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ClientAcceptsNoEncoding_AnswersUncompressed()
    {
        using var response = await GetAsync("https", "/api/v1/frameworks", null);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.ValueKind);
    }

    [Fact]
    public async Task Get_TheApiTokensPageOverHttps_IsNeverCompressed()
    {
        // It shows a new personal API token once: kept out of reach of compression side channels (BREACH).
        using var response = await GetAsync("https", "/account/tokens", "br");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Favicon_IsAnSvgLinkedFromTheLayout()
    {
        using var icon = await GetAsync("http", "/favicon.svg", null);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", await icon.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var page = await GetAsync("http", "/", null);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> GetAsync(string scheme, string path, string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{scheme}://localhost{path}"));
        if (encoding is not null)
        {
            request.Headers.Add("Accept-Encoding", encoding);
        }

        return await app.Clients[Roles.Admin].SendAsync(request);
    }

    private static async Task<string> DecodeAsync(HttpResponseMessage response, string encoding)
    {
        await using var raw = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = encoding == "br" ? new BrotliStream(raw, CompressionMode.Decompress) : new GZipStream(raw, CompressionMode.Decompress);
        using var reader = new StreamReader(decoded, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
