using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Trellis.Application.Compliance;
using Trellis.Core.Common;

namespace Trellis.Web.Api;

/// <summary>
/// The text fields and the file of an evidence upload, read from its <c>multipart/form-data</c> body as it streams
/// in (ASP.NET's <see cref="MultipartReader"/> splits the parts; Trellis reads each part's Content-Disposition and
/// receives the file through <see cref="EvidenceFiles.ReceiveAsync"/>). Kept apart from the endpoint so the fuzz
/// harness (fuzz/Trellis.Fuzz) runs exactly this code.
/// </summary>
/// <param name="Fields">Text fields by name (case-insensitive), each cut to <see cref="MaxFieldChars"/> characters.</param>
/// <param name="File">The file part, if any (the last one wins); the caller disposes it (its temporary file).</param>
internal sealed record EvidenceForm(IReadOnlyDictionary<string, string> Fields, ReceivedFile? File)
{
    /// <summary>The most characters kept of a text field.</summary>
    public const int MaxFieldChars = 4000;

    /// <summary>
    /// Reads the form; an expected failure (not multipart, a malformed body, a part without a name, an empty or too
    /// large file) is an error.
    /// </summary>
    /// <param name="context">The request: its declared length is checked and its body size capped first.</param>
    /// <param name="limit">The largest file accepted, in bytes.</param>
    /// <param name="ct">Cancels the read.</param>
    public static async Task<Result<EvidenceForm>> ReadRequestAsync(HttpContext context, long limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentLength > limit + (1024 * 1024))
        {
            // Refused before reading: the declared length already says too much.
            return new Error(ErrorCodes.PayloadTooLarge, $"the request is larger than the limit; evidence files may be up to {limit / (1024 * 1024)} MiB");
        }

        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + (1024 * 1024);
        }

        return await ReadAsync(context.Request.ContentType, context.Request.Body, limit, ct);
    }

    /// <summary>Reads the form from a body (<see cref="ReadRequestAsync"/> without the request's size checks).</summary>
    /// <param name="contentType">The request's Content-Type header.</param>
    /// <param name="body">The request body.</param>
    /// <param name="limit">The largest file accepted, in bytes.</param>
    /// <param name="ct">Cancels the read.</param>
    public static async Task<Result<EvidenceForm>> ReadAsync(string? contentType, Stream body, long limit, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.TryParse(contentType, out var type) ? type.Boundary : default).Value;
        if (type?.MediaType.Value?.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true || string.IsNullOrEmpty(boundary))
        {
            return new Error(ErrorCodes.InvalidEvidence, "send multipart/form-data");
        }

        try
        {
            return await ReadPartsAsync(new MultipartReader(boundary, body), limit, ct);
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is IOException && ex is not BadHttpRequestException))
        {
            // MultipartReader throws these for a malformed body (a bad header line, a body that ends before its
            // closing boundary): the client's mistake, not a server error (found by fuzzing, docs/fuzzing.md).
            // Kestrel's BadHttpRequestException (body over the size limit) keeps its own status.
            var why = ex.Message.Trim();
            return new Error(ErrorCodes.InvalidEvidence, $"the multipart/form-data body is malformed: {(why.Length > 200 ? why[..200] + "…" : why)}");
        }
    }

    private static async Task<Result<EvidenceForm>> ReadPartsAsync(MultipartReader reader, long limit, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        ReceivedFile? file = null;
        var complete = false;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                var (name, fileName) = FormPart.Parse(section.ContentDisposition);
                if (name is null)
                {
                    return new Error(ErrorCodes.InvalidEvidence, "every part needs Content-Disposition: form-data; name=\"...\"");
                }

                if (fileName is not null)
                {
                    var received = await EvidenceFiles.ReceiveAsync(section.Body, fileName, section.ContentType, limit, ct);
                    if (!received.IsSuccess)
                    {
                        return received.Error!;
                    }

                    if (file is not null)
                    {
                        await file.DisposeAsync();
                    }

                    file = received.Value;
                }
                else
                {
                    using var text = new StreamReader(section.Body);
                    var value = await text.ReadToEndAsync(ct);
                    fields[name] = value.Length > MaxFieldChars ? value[..MaxFieldChars] : value;
                }
            }

            complete = true;
            return new EvidenceForm(fields, file);
        }
        finally
        {
            // The caller owns the file only when the whole form was read; otherwise its temporary file goes now.
            if (!complete && file is not null)
            {
                await file.DisposeAsync();
            }
        }
    }
}
