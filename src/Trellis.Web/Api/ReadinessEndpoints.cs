using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Frameworks;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary><c>/api/v1/readiness</c>: how ready the program is for each framework, and why.</summary>
public static class ReadinessEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapReadinessEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/readiness").WithTags("Readiness").RequireAuthorization(Policies.ProgramRead);
        g.MapGet("/", Summaries).WithName("ListReadiness").WithSummary("Covered, partial, gap and not-applicable counts per framework the program pursues (/api/v1/program/frameworks), as of today.");
        g.MapGet("/{framework}", Framework).WithName("GetReadiness")
            .WithSummary("Readiness of every requirement of a framework with reasons and what would close it; creditedFrom limits credit to mappings into one framework.");
        g.MapGet("/{framework}/history", History).WithName("GetReadinessHistory")
            .WithSummary("Readiness counts per day, oldest first, as the app kept them (the first computation of each day); ?from: only from that day on. Auditors get none.");
        return api;
    }

    /// <summary>The summaries the account may see, of the frameworks the program pursues, in the order chosen.</summary>
    public static async Task<IReadOnlyList<ReadinessSummaryView>> SummariesFor(HttpContext context, ProgramService program, CancellationToken ct)
    {
        var account = context.Account();
        var catalog = await program.CatalogAsync(ct);
        var result = new List<ReadinessSummaryView>();
        foreach (var id in (await program.PursuedFrameworksAsync(ct)).Where(account.SeesFramework))
        {
            var report = await program.ReadinessAsync(account, id, null, ct);
            if (report.IsSuccess)
            {
                result.Add(ReadinessSummaryView.From(report.Value, catalog.Framework(id).Value.Name));
            }
        }

        return result;
    }

    private static async Task<Results<Ok<IReadOnlyList<ReadinessCountsView>>, ProblemHttpResult>> History(
        HttpContext context, ProgramService program, string framework, DateOnly? from, CancellationToken ct)
    {
        var history = await program.ReadinessHistoryAsync(context.Account(), framework, from, ct);
        return history.IsSuccess
            ? TypedResults.Ok<IReadOnlyList<ReadinessCountsView>>([.. history.Value.Select(h => new ReadinessCountsView(h.Day, h.Covered, h.Partial, h.Gap, h.NotApplicable))])
            : ApiErrors.Problem(history.Error!);
    }

    private static async Task<Ok<IReadOnlyList<ReadinessSummaryView>>> Summaries(HttpContext context, ProgramService program, CancellationToken ct) =>
        TypedResults.Ok(await SummariesFor(context, program, ct));

    private static async Task<Results<Ok<ReadinessView>, ProblemHttpResult>> Framework(
        HttpContext context, ProgramService program, string framework, string? creditedFrom, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var report = await program.ReadinessAsync(context.Account(), framework, creditedFrom, ct);
        if (!report.IsSuccess)
        {
            return ApiErrors.Problem(report.Error!);
        }

        var rows = report.Value.Requirements.Select(RequirementReadinessView.From).Where(r => status is null || r.Status == status).ToList();
        var paged = Paging.Of(rows, page, pageSize);
        return paged.IsSuccess
            ? TypedResults.Ok(new ReadinessView(ReadinessSummaryView.From(report.Value, (await program.CatalogAsync(ct)).Framework(framework).Value.Name), creditedFrom, paged.Value))
            : ApiErrors.Problem(paged.Error!);
    }
}
