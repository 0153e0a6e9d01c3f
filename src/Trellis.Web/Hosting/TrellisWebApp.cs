using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using Trellis.Application.Actors;
using Trellis.Web.Api;
using Trellis.Web.Auth;

namespace Trellis.Web.Hosting;

/// <summary>The request pipeline and every endpoint: <c>app.UseTrellisWeb()</c>.</summary>
public static class TrellisWebApp
{
    /// <summary>
    /// Adds the middleware (errors as ProblemDetails, security headers, HSTS outside development and never on
    /// loopback, embedded static files, rate limiting, authentication, the per-request account gate,
    /// authorization, the upload gate) and maps every endpoint: <c>/healthz</c> (public), <c>/api/v1/*</c>, <c>/openapi/v1.json</c>,
    /// <c>/scalar/v1</c> and the Razor Pages.
    /// </summary>
    public static WebApplication UseTrellisWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment())
        {
            // HstsMiddleware never sends the header to localhost, 127.0.0.1 or [::1] (its ExcludedHosts).
            app.UseHsts();
        }

        app.UseResponseCompression();
        app.UseMiddleware<Compression.KeepSecretsUncompressed>();
        app.UseStatusCodePages();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new ManifestEmbeddedFileProvider(typeof(TrellisWebApp).Assembly, "wwwroot"),
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<AccountGate>();
        app.UseMiddleware<BrowserWriteGuard>();
        app.UseAuthorization();
        app.UseMiddleware<UploadGate>();

        app.MapGet("/healthz", HealthEndpoints.Health).AllowAnonymous().ExcludeFromDescription();
        app.MapTrellisApi();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.CatalogRead);
        if (app.Services.GetRequiredService<IOptions<TrellisWebOptions>>().Value.ApiReference)
        {
            app.MapScalarApiReference("/scalar").RequireAuthorization(Policies.CatalogRead);
        }

        app.MapRazorPages();
        return app;
    }
}
