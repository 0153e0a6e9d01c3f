using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Trellis.Web.Hosting;

/// <summary>
/// Headers on every response: a Content-Security-Policy that allows only this origin's scripts and styles
/// (no inline script anywhere in the UI), <c>nosniff</c>, no framing, no referrer, and <c>Cache-Control: no-store</c>
/// (static files excepted). The optional API reference
/// page (<c>/scalar</c>) needs its own inline bootstrap script and gets a policy relaxed for that path only.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase) ? ApiReferencePolicy : Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // Nothing Trellis answers may be kept by a browser or a proxy: API answers and file downloads (evidence,
        // reports) are confidential, and a page kept in the cache outlives sign-out. Static files set their own
        // (public); an API answer is never cacheable, whatever set it. Set as the answer starts, so error answers get it too.
        context.Response.OnStarting(() =>
        {
            var response = context.Response;
            if (Auth.Responses.IsApi(context.Request) || !response.Headers.ContainsKey(HeaderNames.CacheControl))
            {
                response.Headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
