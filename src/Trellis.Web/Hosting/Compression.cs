using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace Trellis.Web.Hosting;

/// <summary>
/// Brotli or gzip for HTML, CSS, JSON, problem details, SVG, CSV and ICS when the client asks (Accept-Encoding), over
/// HTTPS too. BREACH needs a response that both reflects what an attacker sends and holds a secret that stays the
/// same from one response to the next, fetched with the victim's cookies many times from another site. Here: the
/// session cookie is SameSite=Strict (Lax only with single sign-on, which still sends no cookie with a cross-site
/// POST or subresource request); the antiforgery token in every form is freshly encrypted by Data Protection for each
/// response, so it never repeats; API answers authenticated by a bearer token cannot be requested by another
/// site at all. The pages that show a secret once (a new personal API token) or take a password (sign-in) are sent
/// uncompressed anyway (<see cref="KeepSecretsUncompressed"/>). docs/web.md, "Compression".
/// </summary>
internal static class Compression
{
    /// <summary>Paths whose responses are never compressed over HTTPS (they can carry a secret meant for one person).</summary>
    internal static readonly string[] SecretPaths = ["/account"];

    /// <summary>Registers Brotli and gzip at the fastest level (dynamic pages: latency first).</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/problem+json", "image/svg+xml", "text/csv", "text/calendar"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
    }

    /// <summary>Turns compression off for <see cref="SecretPaths"/> (sign-in, API tokens).</summary>
    internal sealed class KeepSecretsUncompressed(RequestDelegate next)
    {
        public Task InvokeAsync(HttpContext context)
        {
            if (SecretPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                && context.Features.Get<IHttpsCompressionFeature>() is { } feature)
            {
                feature.Mode = HttpsCompressionMode.DoNotCompress;
            }

            return next(context);
        }
    }
}
