using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Trellis.Data;

namespace Trellis.Web.Hosting;

/// <summary>
/// A request that failed because the database could not be reached (<see cref="DatabaseUnavailable"/>: a PostgreSQL
/// failover, a restart) is answered <c>503 Service Unavailable</c> with <c>Retry-After</c> and problem details whose
/// <c>code</c> is <c>database-unavailable</c>, instead of a 500: the deployment is briefly down, the request was not
/// wrong, and a client may send it again (RFC 9110 §15.6.4, §10.2.3). Every other exception stays a 500.
/// </summary>
internal sealed class DatabaseUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>The problem's <c>code</c>.</summary>
    public const string Code = "database-unavailable";

    /// <summary>
    /// Seconds a client should wait before retrying: about the time a promoted standby takes to be found
    /// (the failover test measures it; docs/operations.md).
    /// </summary>
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseUnavailable.Caused(exception))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database is unavailable",
                Detail = "The database could not be reached (a failover or restart in progress); try again shortly. A write whose connection broke while it was committing may have been saved: look before sending it again.",
                Extensions = { ["code"] = Code },
            },
        });
    }
}
