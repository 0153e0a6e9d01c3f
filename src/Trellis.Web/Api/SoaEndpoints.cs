using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary><c>/api/v1/soa</c>: the Statement of Applicability (ISO/IEC 27001:2022 6.1.3 d), derived rows with drift, and decisions.</summary>
public static class SoaEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapSoaEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/soa").WithTags("Statement of Applicability");
        g.MapGet("/", List).RequireAuthorization(Policies.ProgramRead).WithName("ListSoa").WithSummary("Every Annex A control with applicability, justification, derived status, linked controls and risks, and drift.");
        g.MapGet("/{control}", Get).RequireAuthorization(Policies.ProgramRead).WithName("GetSoaRow").WithSummary("One row; its ETag is the version of the recorded decision.");
        g.MapPost("/approval", Approve).RequireAuthorization(Policies.SoaWrite).WithName("ApproveSoa")
            .WithSummary("Approves the Statement of Applicability as it stands: by the caller, today, under the version given or the one after the previous approval (v4 → v5).");
        g.MapPut("/{control}", Put).RequireAuthorization(Policies.SoaWrite).WithName("PutSoaRow")
            .WithSummary("Records the decision on one Annex A control; excluding needs a justification; If-Match required when a decision exists.");
        return api;
    }

    private static async Task<Results<Ok<Paged<SoaRowView>>, ProblemHttpResult>> List(HttpContext context, ProgramService program, bool? drift, int? page, int? pageSize, CancellationToken ct)
    {
        var rows = await program.SoaAsync(context.Account(), ct);
        if (!rows.IsSuccess)
        {
            return ApiErrors.Problem(rows.Error!);
        }

        var paged = Paging.Of([.. rows.Value.Where(r => drift != true || r.Drift.Count > 0).Select(SoaRowView.From)], page, pageSize);
        return paged.IsSuccess ? TypedResults.Ok(paged.Value) : ApiErrors.Problem(paged.Error!);
    }

    private static async Task<Results<Ok<SoaRowView>, ProblemHttpResult>> Get(HttpContext context, ProgramService program, string control, CancellationToken ct)
    {
        var rows = await program.SoaAsync(context.Account(), ct);
        if (!rows.IsSuccess)
        {
            return ApiErrors.Problem(rows.Error!);
        }

        var row = rows.Value.FirstOrDefault(r => r.Control == control);
        if (row is null)
        {
            return ApiErrors.Problem(new Error(ErrorCodes.UnknownRequirement, $"'{control}' is not an Annex A control"));
        }

        var decision = await program.GetSoaDecisionAsync(context.Account(), control, ct);
        if (decision is { IsSuccess: true, Value: { } stored })
        {
            context.Response.Headers.ETag = ETags.Of(stored.Version);
        }

        return TypedResults.Ok(SoaRowView.From(row));
    }

    private static async Task<Results<Ok<SoaRowView>, ProblemHttpResult>> Put(HttpContext context, ProgramService program, string control, SoaRequest request, CancellationToken ct)
    {
        var expected = ETags.IfMatch(context.Request);
        if (!expected.IsSuccess)
        {
            return ApiErrors.Problem(expected.Error!);
        }

        var reasons = new List<InclusionReason>();
        foreach (var r in request.Reasons ?? [])
        {
            // The API has accepted reasons in any letter case (Risk, risk) since v1.
            if (!InclusionReasons.TryParse(r?.ToLowerInvariant(), out var reason))
            {
                return ApiErrors.Problem(new Error(ErrorCodes.InvalidReason, $"unknown reason '{r}'; use risk, legal, contractual, business", "reasons"));
            }

            reasons.Add(reason);
        }

        ImplementationStatus? declared = null;
        if (request.DeclaredStatus is not null)
        {
            if (!ImplementationStatuses.TryParse(request.DeclaredStatus, out var s))
            {
                return ApiErrors.Problem(new Error(ErrorCodes.InvalidStatus, $"unknown status '{request.DeclaredStatus}'", "declaredStatus"));
            }

            declared = s;
        }

        var decision = new SoaDecision { Control = control, Applicable = request.Applicable, Justification = request.Justification?.Trim() ?? "", Reasons = reasons, DeclaredStatus = declared };
        var saved = await program.SaveSoaDecisionAsync(context.Account(), decision, expected.Value, ct);
        if (!saved.IsSuccess)
        {
            return ApiErrors.Problem(saved.Error!);
        }

        context.Response.Headers.ETag = ETags.Of(saved.Value.Version);
        var rows = await program.SoaAsync(context.Account(), ct);
        return TypedResults.Ok(SoaRowView.From(rows.Value.First(r => r.Control == control)));
    }

    private static async Task<Results<Ok<SoaApprovalView>, ProblemHttpResult>> Approve(HttpContext context, ProgramService program, SoaApprovalRequest? request, CancellationToken ct)
    {
        var approved = await program.ApproveSoaAsync(context.Account(), request?.Version, ct);
        return approved.IsSuccess
            ? TypedResults.Ok(new SoaApprovalView(approved.Value.Version, approved.Value.ApprovedBy, approved.Value.ApprovedOn))
            : ApiErrors.Problem(approved.Error!);
    }
}
