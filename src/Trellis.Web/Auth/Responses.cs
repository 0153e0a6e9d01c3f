using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Trellis.Web.Auth;

/// <summary>
/// 401 and 403 answers written outside an endpoint: ProblemDetails for the API; for the UI a short page (401) or the
/// app's error page (403: the status code pages re-execute <c>/error/403</c> with the detail).
/// </summary>
internal static class Responses
{
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    public static Task Unauthorized(HttpContext context, string detail) => Write(context, StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static Task Forbidden(HttpContext context, string detail)
    {
        if (IsApi(context.Request))
        {
            return Write(context, StatusCodes.Status403Forbidden, "Forbidden", detail);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Items[Pages.Errors.ShowModel.DetailKey] = detail;
        return Task.CompletedTask;
    }

    private static async Task Write(HttpContext context, int status, string title, string detail)
    {
        if (IsApi(context.Request))
        {
            await TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var text = System.Net.WebUtility.HtmlEncode(detail);
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} · Trellis</title>"
            + "<link rel=\"stylesheet\" href=\"/lib/bootstrap/css/bootstrap.min.css\"></head>"
            + $"<body class=\"container py-5\"><h1 class=\"h3\">{title}</h1><p>{text}</p>"
            + "<p><a href=\"/account/login\">Sign in</a></p></body></html>");
    }
}
