using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Trellis.Application.Actors;
using Trellis.Web.Auth;

namespace Trellis.Web.Hosting;

/// <summary>
/// API writes need a personal API token: a browser cookie may read the API but not change anything through it,
/// so a cross-site request riding on a signed-in browser cannot write. (UI forms post to pages, which check
/// antiforgery tokens.)
/// </summary>
internal sealed class BrowserWriteGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (Responses.IsApi(context.Request)
            && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
            && context.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme })
        {
            return Responses.Forbidden(context, "API writes need a personal API token (Authorization: Bearer); a browser session may only read the API");
        }

        return next(context);
    }
}
