using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Core.Common;
using Trellis.Web.Auth;
using Trellis.Web.Compliance;

namespace Trellis.Web.Api;

/// <summary><c>/api/v1/risks</c>: the risk register (ISO/IEC 27001:2022 6.1.2) rated on the program's matrix.</summary>
public static class RiskEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapRiskEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/risks").WithTags("Risks").RequireAuthorization(Policies.ProgramRead);
        g.MapGet("/", List).WithName("ListRisks").WithSummary("The risk register with inherent and residual levels.");
        g.MapGet("/{id}", Get).WithName("GetRisk").WithSummary("One risk.");
        return api;
    }

    private static async Task<Results<Ok<Paged<RiskView>>, ProblemHttpResult>> List(ProgramService program, int? page, int? pageSize, CancellationToken ct)
    {
        var p = await program.LoadAsync(ct);
        var paged = Paging.Of([.. p.Risks.Select(r => RiskView.From(r, p.RiskMatrix))], page, pageSize);
        return paged.IsSuccess ? TypedResults.Ok(paged.Value) : ApiErrors.Problem(paged.Error!);
    }

    private static async Task<Results<Ok<RiskView>, ProblemHttpResult>> Get(ProgramService program, string id, CancellationToken ct)
    {
        var p = await program.LoadAsync(ct);
        var risk = p.Risks.FirstOrDefault(r => r.Id == id);
        return risk is null ? ApiErrors.Problem(new Error("unknown-risk", $"no risk '{id}'")) : TypedResults.Ok(RiskView.From(risk, p.RiskMatrix));
    }
}
