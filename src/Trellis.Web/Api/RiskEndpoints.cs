using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Common;
using Trellis.Core.Risks;
using Trellis.Data;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary><c>/api/v1/risks</c>: the risk register (ISO/IEC 27001:2022 6.1.2) rated on the program's matrix; edits with If-Match.</summary>
public static class RiskEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapRiskEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/risks").WithTags("Risks");
        g.MapGet("/", List).RequireAuthorization(Policies.ProgramRead).WithName("ListRisks").WithSummary("The risk register with inherent and residual levels, one page at a time: ?q (ID or title contains), ?owner, ?treatment, ?likelihood and ?impact (residual), ?sort=register|id|title|owner|residual, ?order=asc|desc.");
        g.MapGet("/{id}", Get).RequireAuthorization(Policies.ProgramRead).WithName("GetRisk").WithSummary("One risk; its ETag is its version.");
        g.MapPut("/{id}", Put).RequireAuthorization(Policies.RisksWrite).WithName("PutRisk")
            .WithSummary("Creates or replaces a risk with its controls and treatment plan; ratings inside the matrix; retain needs an acceptance with approver and expiry; If-Match required when it exists (412 when stale, 428 when missing).");
        g.MapDelete("/{id}", Delete).RequireAuthorization(Policies.RisksWrite).WithName("DeleteRisk")
            .WithSummary("Deletes a risk and its treatment plan; If-Match required (412 when stale, 428 when missing).");
        return api;
    }

    private static async Task<Results<Ok<Paged<RiskView>>, ProblemHttpResult>> List(
        HttpContext context, ProgramService program, string? q, string? owner, string? treatment, int? likelihood, int? impact, string? sort, string? order, int? page, int? pageSize, CancellationToken ct)
    {
        var query = RiskQueryOf(q, owner, treatment, likelihood, impact, sort, order);
        var window = Paging.Window(page, pageSize);
        if (!query.IsSuccess || !window.IsSuccess)
        {
            return ApiErrors.Problem(query.Error ?? window.Error!);
        }

        var matrix = await program.RiskMatrixAsync(ct);
        var rows = await program.ListRisksAsync(context.Account(), query.Value, window.Value, ct);
        return TypedResults.Ok(Paging.Of(rows, window.Value, r => RiskView.From(r, matrix)));
    }

    /// <summary>The list query of the register's parameters (the API and the page).</summary>
    internal static Result<RiskQuery> RiskQueryOf(string? q, string? owner, string? treatment, int? likelihood, int? impact, string? sort, string? order)
    {
        RiskTreatment? parsed = null;
        if (!string.IsNullOrEmpty(treatment))
        {
            if (!RiskTreatments.TryParse(treatment, out var t))
            {
                return new Error(ErrorCodes.InvalidTreatment, $"unknown treatment '{treatment}'", "treatment");
            }

            parsed = t;
        }

        var sorting = Paging.Sort(sort, order, RiskQuery.Sorts);
        return sorting.IsSuccess ? new RiskQuery(q, owner, parsed, likelihood, impact, sorting.Value.Sort, sorting.Value.Descending) : sorting.Error!;
    }

    private static async Task<Results<Ok<RiskView>, ProblemHttpResult>> Get(HttpContext context, ProgramService program, string id, CancellationToken ct)
    {
        var stored = await program.GetRiskAsync(context.Account(), id, ct);
        if (!stored.IsSuccess)
        {
            return ApiErrors.Problem(stored.Error!);
        }

        context.Response.Headers.ETag = ETags.Of(stored.Value.Version);
        return TypedResults.Ok(RiskView.From(stored.Value.Value, (await program.LoadAsync(ct)).RiskMatrix));
    }

    private static async Task<Results<Ok<RiskView>, ProblemHttpResult>> Put(HttpContext context, ProgramService program, string id, RiskRequest request, CancellationToken ct)
    {
        var expected = ETags.IfMatch(context.Request);
        if (!expected.IsSuccess)
        {
            return ApiErrors.Problem(expected.Error!);
        }

        var risk = request.ToRisk(id, program.Today);
        if (!risk.IsSuccess)
        {
            return ApiErrors.Problem(risk.Error!);
        }

        var saved = await program.SaveRiskAsync(context.Account(), risk.Value, expected.Value, ct);
        if (!saved.IsSuccess)
        {
            return ApiErrors.Problem(saved.Error!);
        }

        context.Response.Headers.ETag = ETags.Of(saved.Value.Version);
        return TypedResults.Ok(RiskView.From(saved.Value.Value, (await program.LoadAsync(ct)).RiskMatrix));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(HttpContext context, ProgramService program, string id, CancellationToken ct)
    {
        var expected = ETags.IfMatch(context.Request);
        if (!expected.IsSuccess)
        {
            return ApiErrors.Problem(expected.Error!);
        }

        var deleted = await program.DeleteRiskAsync(context.Account(), id, expected.Value, ct);
        return deleted.IsSuccess ? TypedResults.NoContent() : ApiErrors.Problem(deleted.Error!);
    }
}
