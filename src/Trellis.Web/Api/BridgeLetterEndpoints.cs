using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.Actors;
using Trellis.Application.Exports;
using Trellis.Core.Audits;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary>
/// <c>/api/v1/engagements/{id}/bridge-letter</c>: a draft bridge letter for the days after a SOC 2 report's period, as
/// PDF or HTML (<see cref="BridgeLetters"/>; <c>trellis bridge-letter</c>). Staff only.
/// </summary>
public static class BridgeLetterEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapBridgeLetterEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/engagements/{id}/bridge-letter", Get).WithTags("Exports").RequireAuthorization(Policies.InternalRead).WithName("GetBridgeLetter")
            .WithSummary("A draft bridge letter for a SOC 2 engagement's report, from the day after its period to ?until=YYYY-MM-DD (after the period end); ?format=pdf|html.");
        return api;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Get(
        HttpContext context, BridgeLetters letters, string id, string? until, string? format, CancellationToken ct)
    {
        var last = CalendarDates.Parse(until, "until");
        if (!last.IsSuccess)
        {
            return ApiErrors.Problem(last.Error! with { Location = "until" });
        }

        var file = await letters.RenderAsync(context.Account(), id, last.Value, string.IsNullOrWhiteSpace(format) ? null : format, ct);
        return file.IsSuccess ? TypedResults.File(file.Value.Content, file.Value.MediaType, file.Value.FileName) : ApiErrors.Problem(file.Error!);
    }
}
