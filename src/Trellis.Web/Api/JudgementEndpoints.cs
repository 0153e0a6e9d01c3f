using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.Compliance;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary>
/// <c>/api/v1/judgements</c>: judgements of sufficiency and relevance (rule 8) — who judged a requirement sufficiently met
/// by which controls, or a point of focus not relevant, and whether it still holds. The same use case as
/// <c>trellis judge</c> and the readiness page.
/// </summary>
public static class JudgementEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapJudgementEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/judgements").WithTags("Judgements");
        g.MapGet("/", List).RequireAuthorization(Policies.ProgramRead).WithName("ListJudgements")
            .WithSummary("Every judgement the account may see (auditors: their frameworks), with state active or lapsed and why it lapsed.");
        g.MapPut("/{framework}/{requirement}", Put).RequireAuthorization(Policies.JudgementsWrite).WithName("PutJudgement")
            .WithSummary("Records a judgement, replacing one of the same requirement: kind sufficient (with controls: their evidence versions are recorded) or not-relevant (points of focus only); rationale required; audited.");
        g.MapDelete("/{framework}/{requirement}", Delete).RequireAuthorization(Policies.JudgementsWrite).WithName("DeleteJudgement")
            .WithSummary("Withdraws the judgement of a requirement; audited.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<RequirementJudgementView>>> List(HttpContext context, ProgramService program, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<RequirementJudgementView>>([.. (await program.JudgementsAsync(context.Account(), ct)).Select(RequirementJudgementView.From)]);

    private static async Task<Results<Ok<RequirementJudgementView>, ProblemHttpResult>> Put(
        HttpContext context, ProgramService program, string framework, string requirement, JudgementRequestBody body, CancellationToken ct)
    {
        if (!JudgementKinds.TryParse(body.Kind, out var kind))
        {
            return ApiErrors.Problem(new Error(ErrorCodes.InvalidJudgement, $"kind must be one of {string.Join(", ", JudgementKinds.WireNames)}", "kind"));
        }

        var saved = await program.JudgeAsync(context.Account(), new JudgementRequest(framework, requirement, kind, body.Controls ?? [], body.Rationale ?? "", body.By), ct);
        return saved.IsSuccess ? TypedResults.Ok(RequirementJudgementView.From(saved.Value)) : ApiErrors.Problem(saved.Error!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(HttpContext context, ProgramService program, string framework, string requirement, CancellationToken ct)
    {
        var deleted = await program.WithdrawJudgementAsync(context.Account(), new RequirementRef(framework, requirement), ct);
        return deleted.IsSuccess ? TypedResults.NoContent() : ApiErrors.Problem(deleted.Error!);
    }
}

/// <summary>A judgement to record: <c>kind</c> is <c>sufficient</c> or <c>not-relevant</c>; <c>by</c> defaults to the caller.</summary>
public sealed record JudgementRequestBody(string? Kind, IReadOnlyList<string>? Controls, string? Rationale, string? By);

/// <summary>A judgement with the requirement it is about (<c>framework:id</c>).</summary>
public sealed record RequirementJudgementView(string Requirement, JudgementView Judgement)
{
    internal static RequirementJudgementView From(JudgementState s) => new(s.Judgement.Requirement.ToString(), JudgementView.From(s)!);
}
