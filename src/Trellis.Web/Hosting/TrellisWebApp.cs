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
    /// Adds the middleware (errors as ProblemDetails for the API and the error page for the browser, security headers, HSTS outside development and never on
    /// loopback, embedded static files, rate limiting, authentication, the per-request account gate,
    /// authorization, the upload gate) and maps every endpoint: <c>/healthz</c> (public), <c>/api/v1/*</c>, <c>/openapi/v1.json</c>,
    /// <c>/scalar/v1</c> and the Razor Pages.
    /// </summary>
    public static WebApplication UseTrellisWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The API answers problem+json; a browser gets the app's error page (issue 16, item 1). Handlers registered
        // with AddExceptionHandler (RequestFailures, DatabaseUnavailableHandler) still run first on both branches.
        app.UseWhen(c => Auth.Responses.IsApi(c.Request), api => api.UseExceptionHandler());
        app.UseWhen(c => !Auth.Responses.IsApi(c.Request), ui => ui.UseExceptionHandler("/error/500"));
        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment())
        {
            // HstsMiddleware never sends the header to localhost, 127.0.0.1 or [::1] (its ExcludedHosts).
            app.UseHsts();
        }

        app.UseResponseCompression();
        app.UseMiddleware<Compression.KeepSecretsUncompressed>();
        app.UseWhen(c => Auth.Responses.IsApi(c.Request), api => api.UseStatusCodePages());
        app.UseWhen(c => !Auth.Responses.IsApi(c.Request), ui => ui.UseStatusCodePagesWithReExecute("/error/{0}"));
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
