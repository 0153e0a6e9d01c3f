using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Trellis.Core.Common;
using Trellis.Web.Api;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Api;

/// <summary>
/// Regression tests for what fuzzing the evidence upload found (docs/fuzzing.md, target evidence-multipart): a
/// malformed multipart body made ASP.NET's MultipartReader throw out of the endpoint, answering 500 for the client's
/// mistake. Each body is a crashing input afl-fuzz saved
/// (after its first line, the Content-Type header).
/// </summary>
public class EvidenceFormTests
{
    private const string ContentType = "multipart/form-data; boundary=XyZ";

    // A header line without a colon: MultipartReader throws InvalidDataException ("Invalid header line").
    private const string HeaderLineWithoutColon = "--XyZ\r\nContent-n\r\n\r\nx\r\n--XyZ--\r\n";

    // afl-fuzz's input 2, as saved: the body stops inside a file part, right after a partial boundary; IOException
    // ("Unexpected end of Stream") from EvidenceFiles.ReceiveAsync reading the part.
    private const string EndsInsideTheFile =
        "--XyZ\r\nContent-Disposition: form-data; name=\"ti--XyZ\r\nContent-Disposition: form-data; name=\"effectiveFrom\"\r\n\r\n\u001b025-02-28\r\n"
        + "--XyZ\r\nContent-Disposition: form-data; name=\"effectiveTo\"\r\n\r\n2026-02-28\r\n--XyZ\r\nContent-Disposition: form-data; name=\"controls\"\r\n\r\nAC02\r\n"
        + "--XyZ\r\nContent-Disposition: form-data; name=e\"; filename=\"policy.txt\"\r\nContent-Type: text/plain\r\n\r\npxt\r\n--X\u0001\u0000\u0000\u0000\r";

    // afl-fuzz's input 3, as saved: the same, but a mangled "filename" makes the last part a text field, so the
    // IOException comes from reading the field.
    private const string EndsInsideAField =
        "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nAcccy\r\n--XyZ\r\nContent-Disposition: form-data; name=\"effectiveFrom\"\r\n\r\n2025-02-28\r\n"
        + "--XyZ\r\nContent-Disposition: form-data; name=\"effectiveTo\"\r\n\r\n2026-02-28\r\n--XyZ\r\nContent-Disposition: form-data; name=\"controls\"\r\n\r\nAC02\r\n"
        + "--XyZ\r\nContent-Disposition: form-data; name=e\"; fi\u000fename=\"policy.txt\"\r\nContent-Type: text/plain\r\n\r\npxt\r\n--Xd\u0000\u0000\u0000\r";

    [Theory]
    [InlineData(HeaderLineWithoutColon)]
    [InlineData(EndsInsideTheFile)]
    [InlineData(EndsInsideAField)]
    public async Task ReadAsync_MalformedBody_IsInvalidEvidenceNotAnException(string body)
    {
        using var stream = new MemoryStream(Encoding.Latin1.GetBytes(body));

        var form = await EvidenceForm.ReadAsync(ContentType, stream, 1024, CancellationToken.None);

        Assert.False(form.IsSuccess);
        Assert.Equal(ErrorCodes.InvalidEvidence, form.Error!.Code);
        Assert.StartsWith("the multipart/form-data body is malformed", form.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_WellFormedBody_ReadsFieldsAndFile()
    {
        const string Body = "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nAccess policy\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../policy.txt\"\r\nContent-Type: text/plain\r\n\r\npolicy text\r\n--XyZ--\r\n";
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes(Body));

        var form = await EvidenceForm.ReadAsync(ContentType, stream, 1024, CancellationToken.None);

        Assert.True(form.IsSuccess, form.Error?.Message);
        Assert.Equal("Access policy", form.Value.Fields["title"]);
        await using var file = form.Value.File!;
        Assert.Equal("policy.txt", file.FileName);
        Assert.Equal("policy text"u8.ToArray(), await file.ReadAllBytesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Upload_TruncatedMultipartBody_Answers422InvalidEvidence_Not500()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(EndsInsideTheFile));
        content.Headers.TryAddWithoutValidation("Content-Type", ContentType);

        var response = await manager.PostAsync(new Uri("/api/v1/evidence", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(ErrorCodes.InvalidEvidence, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
