using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Trellis.Core.Common;
using Trellis.Web.Api;

namespace Trellis.Web.Hosting;

/// <summary>
/// The server's own refusals of a request body as what they are (issue 14, hole F: they were 500s): a body over the
/// size limit is 413 <c>payload-too-large</c>, a body arriving more slowly than Kestrel's minimum data rate is 408
/// <c>request-timeout</c>, any other framing problem 400 <c>bad-request</c>; problem+json for the API, a readable
/// page for the browser. Kestrel reports them as <see cref="BadHttpRequestException"/>, possibly wrapped (form
/// reading wraps it).
/// </summary>
internal sealed class RequestFailures(IOptions<TrellisWebOptions> options) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var bad = exception;
        while (bad is not null and not BadHttpRequestException)
        {
            bad = bad.InnerException;
        }

        if (bad is not BadHttpRequestException request || httpContext.Response.HasStarted)
        {
            return false;
        }

        var error = request.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => new Error(
                ErrorCodes.PayloadTooLarge, $"the request is larger than the limit; evidence files may be up to {options.Value.MaxUploadBytes / (1024 * 1024)} MiB"),
            StatusCodes.Status408RequestTimeout => new Error(
                ErrorCodes.RequestTimeout, "the request body arrived too slowly and was cut off; send it again"),
            _ => new Error(ErrorCodes.BadRequest, $"the request could not be read: {request.Message}"),
        };
        await WriteAsync(httpContext, error);
        return true;
    }

    /// <summary>Writes an error as problem+json (API) or a short HTML page (browser), with its category's status.</summary>
    public static async Task WriteAsync(HttpContext context, Error error)
    {
        if (Auth.Responses.IsApi(context.Request))
        {
            await ApiErrors.Problem(error).ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = ApiErrors.StatusOf(error);
        context.Response.ContentType = "text/html; charset=utf-8";
        var text = System.Net.WebUtility.HtmlEncode(error.Message);
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Upload not accepted · Trellis</title>"
            + "<link rel=\"stylesheet\" href=\"/lib/bootstrap/css/bootstrap.min.css\"></head>"
            + $"<body class=\"container py-5\"><main id=\"main\"><h1 class=\"h3\">Not accepted</h1><p>{text}</p>"
            + "<p><a href=\"/evidence\">Back to evidence</a></p></main></body></html>");
    }
}
