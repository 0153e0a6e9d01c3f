using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Data.AuditTrail;
using Trellis.Web.Storage;

namespace Trellis.Web.Api;

/// <summary><c>/healthz</c>: public; 200 when the database answers, 503 otherwise.</summary>
internal static class HealthEndpoints
{
    public static async Task<Results<Ok<HealthView>, JsonHttpResult<HealthView>>> Health(WebDbContext db, CancellationToken ct) =>
        await db.Database.CanConnectAsync(ct)
            ? TypedResults.Ok(new HealthView("ok"))
            : TypedResults.Json(new HealthView("database unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);

    internal sealed record HealthView(string Status);
}
