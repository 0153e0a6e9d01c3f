using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.Actors;
using Trellis.Application.Engagements;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Data;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary>A stored request as the API and the pages show it.</summary>
public sealed record AuditRequestView(
    string Id, string Engagement, string Text, string? Control, string? Requirement, string? Sample, string? SampleItem, DateOnly DueOn,
    string RaisedBy, string? Owner, string Status, bool Overdue, IReadOnlyList<string> Evidence, string? AnsweredBy, IReadOnlyList<RequestEntryView> Thread,
    string? ReusedFrom)
{
    internal static AuditRequestView From(AuditRequest r, DateOnly today) => new(
        r.Id, r.EngagementId, r.Text, r.ControlId, r.Requirement, r.SampleId, r.SampleItem, r.DueOn, r.RaisedBy, r.Owner, r.Status.ToWire(),
        r.IsOverdue(today), r.EvidenceIds, r.AnsweredBy, [.. r.Thread.Select(e => new RequestEntryView(e.At, e.By, e.Kind, e.Text, e.EvidenceIds))], r.ReusedFrom);
}

/// <summary>One step or comment of a request's thread.</summary>
public sealed record RequestEntryView(DateTimeOffset At, string By, string Kind, string Text, IReadOnlyList<string> Evidence);

/// <summary>Body of <c>POST /api/v1/engagements/{id}/requests</c>.</summary>
public sealed record RaiseRequestBody(string? Text, DateOnly? DueOn, string? Control, string? Requirement);

/// <summary>Body of <c>POST /api/v1/requests/{id}/assign</c>.</summary>
public sealed record AssignRequestBody(string? Owner);

/// <summary>Body of <c>POST /api/v1/requests/{id}/answer</c>: evidence already stored (upload first with <c>POST /api/v1/evidence</c>).</summary>
public sealed record AnswerRequestBody(IReadOnlyList<string>? Evidence, string? Note);

/// <summary>Body of accept (<c>comment</c>), flag (<c>reason</c>) and comments (<c>text</c>).</summary>
public sealed record RequestTextBody(string? Text, string? Reason, string? Comment);

/// <summary>
/// Stored requests that go back and forth between the auditor and the company (issue 16, item 2; docs/auditors.md):
/// raise, assign, answer, accept or flag, comment. Every step is audited; a request outside the account's engagement is 404.
/// </summary>
public static class RequestEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapRequestEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/engagements/{id}/requests", List).WithTags("Requests").RequireAuthorization(Policies.ProgramRead).WithName("ListEngagementRequests")
            .WithSummary("The requests raised in the engagement, with status, owner, due date and whether the company's side is overdue.");
        api.MapPost("/engagements/{id}/requests", Raise).WithTags("Requests").RequireAuthorization(Policies.RequestsReview).WithName("RaiseRequest")
            .WithSummary("Raises a request: text and dueOn, optionally a control or a requirement (framework:id). Open until assigned.");
        var g = api.MapGroup("/requests/{id}").WithTags("Requests");
        g.MapGet("/", Get).RequireAuthorization(Policies.ProgramRead).WithName("GetRequest").WithSummary("One request with its thread.");
        g.MapPost("/assign", Assign).RequireAuthorization(Policies.EngagementsWrite).WithName("AssignRequest").WithSummary("Names the owner who answers (e-mail).");
        g.MapPost("/answer", Answer).RequireAuthorization(Policies.EvidenceWrite).WithName("AnswerRequest")
            .WithSummary("The owner answers (or resubmits after a flag) with stored evidence IDs and a note.");
        g.MapPost("/accept", Accept).RequireAuthorization(Policies.RequestsReview).WithName("AcceptRequest")
            .WithSummary("Accepts the answer standing; whoever gave it cannot (403 own-answer).");
        g.MapPost("/flag", Flag).RequireAuthorization(Policies.RequestsReview).WithName("FlagRequest").WithSummary("Flags the answer standing with a reason; the owner resubmits.");
        g.MapPost("/comments", Comment).RequireAuthorization(Policies.RequestsComment).WithName("CommentOnRequest").WithSummary("Adds a comment to the request's thread.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditRequestView>>, ProblemHttpResult>> List(HttpContext context, EngagementService engagements, string id, CancellationToken ct)
    {
        var found = await engagements.StoredRequestsAsync(context.Account(), id, ct);
        return found.IsSuccess
            ? TypedResults.Ok<IReadOnlyList<AuditRequestView>>([.. found.Value.Select(r => AuditRequestView.From(r.Value, engagements.Today))])
            : ApiErrors.Problem(found.Error!);
    }

    private static async Task<Results<Created<AuditRequestView>, ProblemHttpResult>> Raise(
        HttpContext context, EngagementService engagements, string id, RaiseRequestBody body, CancellationToken ct)
    {
        if (body.DueOn is not { } due)
        {
            return ApiErrors.Problem(new Error(ErrorCodes.MissingField, "give the due date (dueOn, YYYY-MM-DD)", "dueOn"));
        }

        var raised = await engagements.RaiseRequestAsync(context.Account(), id, new NewAuditRequest(body.Text ?? "", due, body.Control, body.Requirement), ct);
        return raised.IsSuccess
            ? TypedResults.Created($"/api/v1/requests/{raised.Value.Id}", AuditRequestView.From(raised.Value, engagements.Today))
            : ApiErrors.Problem(raised.Error!);
    }

    private static async Task<Results<Ok<AuditRequestView>, ProblemHttpResult>> Get(HttpContext context, EngagementService engagements, string id, CancellationToken ct) =>
        View(context, engagements, await engagements.GetRequestAsync(context.Account(), id, ct));

    private static async Task<Results<Ok<AuditRequestView>, ProblemHttpResult>> Assign(
        HttpContext context, EngagementService engagements, string id, AssignRequestBody body, CancellationToken ct) =>
        View(context, engagements, await engagements.AssignRequestAsync(context.Account(), id, body.Owner ?? "", ct));

    private static async Task<Results<Ok<AuditRequestView>, ProblemHttpResult>> Answer(
        HttpContext context, EngagementService engagements, string id, AnswerRequestBody body, CancellationToken ct) =>
        View(context, engagements, await engagements.AnswerRequestAsync(context.Account(), id, body.Evidence ?? [], body.Note, ct));

    private static async Task<Results<Ok<AuditRequestView>, ProblemHttpResult>> Accept(
        HttpContext context, EngagementService engagements, string id, RequestTextBody body, CancellationToken ct) =>
        View(context, engagements, await engagements.AcceptRequestAsync(context.Account(), id, body.Comment ?? body.Text, ct));

    private static async Task<Results<Ok<AuditRequestView>, ProblemHttpResult>> Flag(
        HttpContext context, EngagementService engagements, string id, RequestTextBody body, CancellationToken ct) =>
        View(context, engagements, await engagements.FlagRequestAsync(context.Account(), id, body.Reason ?? body.Text, ct));

    private static async Task<Results<Ok<AuditRequestView>, ProblemHttpResult>> Comment(
        HttpContext context, EngagementService engagements, string id, RequestTextBody body, CancellationToken ct) =>
        View(context, engagements, await engagements.CommentRequestAsync(context.Account(), id, body.Text, ct));

    private static Results<Ok<AuditRequestView>, ProblemHttpResult> View(HttpContext context, EngagementService engagements, Result<Versioned<AuditRequest>> result)
    {
        if (!result.IsSuccess)
        {
            return ApiErrors.Problem(result.Error!);
        }

        context.Response.Headers.ETag = ETags.Of(result.Value.Version);
        return TypedResults.Ok(AuditRequestView.From(result.Value.Value, engagements.Today));
    }
}
