using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.Policies;
using Trellis.Core.Common;
using Trellis.Core.Policies;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary><c>/api/v1/policies</c>: policies from draft to acknowledgement (issue 17, item 4).</summary>
public static class PolicyEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapPolicyEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/policies").WithTags("Policies");
        g.MapGet("/", List).RequireAuthorization(Policies.ProgramRead).WithName("ListPolicies")
            .WithSummary("Every policy the account sees (auditors: published ones mapped to their frameworks) with version, status, approval and acknowledgement %.");
        g.MapGet("/templates", Templates).RequireAuthorization(Policies.InternalRead).WithName("ListPolicyTemplates").WithSummary("The starter policies shipped with Trellis.");
        g.MapGet("/{id}", Get).RequireAuthorization(Policies.ProgramRead).WithName("GetPolicy")
            .WithSummary("One policy: versions, approvals, who has and who has not acknowledged the current version, its text as Markdown and sanitized HTML.");
        g.MapGet("/{id}/pdf", Pdf).RequireAuthorization(Policies.ProgramRead).WithName("GetPolicyPdf")
            .WithSummary("The approved version (?version, default current) as PDF; X-Text-Sha256 and X-Pdf-Sha256 headers carry the hashes.");
        g.MapPost("/", Create).RequireAuthorization(Policies.PoliciesWrite).WithName("CreatePolicy")
            .WithSummary("Adopts a template (template, id?, owner?) or creates a policy (id, title, owner, body, reviewCadence?, requirements?, controls?) as a draft.");
        g.MapPatch("/{id}", Edit).RequireAuthorization(Policies.PoliciesWrite).WithName("EditPolicy")
            .WithSummary("Changes a policy's details (title, owner, reviewCadence, requirements, controls, the draft's approvers); absent fields stay as they are.");
        g.MapPut("/{id}/draft", EditDraft).RequireAuthorization(Policies.PoliciesWrite).WithName("EditPolicyDraft").WithSummary("Replaces the text of the newest version, which must be a draft.");
        g.MapPost("/{id}/versions", NewVersion).RequireAuthorization(Policies.PoliciesWrite).WithName("NewPolicyVersion").WithSummary("Starts the next version as a draft; the published one stays current.");
        g.MapPost("/{id}/submit", Submit).RequireAuthorization(Policies.PoliciesWrite).WithName("SubmitPolicy").WithSummary("Submits a draft to its named approvers.");
        g.MapPost("/{id}/approve", Approve).RequireAuthorization(Policies.PoliciesSign).WithName("ApprovePolicy")
            .WithSummary("Records the signed-in named approver's approval (managers may record another approver's with by).");
        g.MapPost("/{id}/publish", Publish).RequireAuthorization(Policies.PoliciesWrite).WithName("PublishPolicy")
            .WithSummary("Publishes an approved version: it becomes current and evidence for the controls mapped to its requirements, from its approval day.");
        g.MapPost("/{id}/acknowledge", Acknowledge).RequireAuthorization(Policies.PoliciesSign).WithName("AcknowledgePolicy")
            .WithSummary("Records that the signed-in person read the current version.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<PolicySummaryView>>> List(HttpContext context, PolicyService policies, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<PolicySummaryView>>([.. (await policies.ListAsync(context.Account(), ct)).Select(PolicySummaryView.From)]);

    private static Ok<IReadOnlyList<PolicyTemplateView>> Templates() =>
        TypedResults.Ok<IReadOnlyList<PolicyTemplateView>>([.. PolicyService.Templates.Select(t => new PolicyTemplateView(t.Name, t.Title, [.. t.Requirements.Select(r => r.ToString())]))]);

    private static async Task<Results<Ok<PolicyDetailView>, ProblemHttpResult>> Get(HttpContext context, PolicyService policies, string id, CancellationToken ct)
    {
        var found = await policies.GetAsync(context.Account(), id, ct);
        return found.IsSuccess ? TypedResults.Ok(PolicyDetailView.From(found.Value)) : ApiErrors.Problem(found.Error!);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Pdf(HttpContext context, PolicyService policies, string id, int? version, CancellationToken ct)
    {
        var export = await policies.ExportPdfAsync(context.Account(), id, version, ct);
        if (!export.IsSuccess)
        {
            return ApiErrors.Problem(export.Error!);
        }

        context.Response.Headers["X-Text-Sha256"] = export.Value.TextSha256;
        context.Response.Headers["X-Pdf-Sha256"] = export.Value.PdfSha256;
        return TypedResults.File(export.Value.Pdf, "application/pdf", $"{id}.pdf");
    }

    private static async Task<Results<Created<PolicyDetailView>, ProblemHttpResult>> Create(HttpContext context, PolicyService policies, CreatePolicyRequest request, CancellationToken ct)
    {
        var account = context.Account();
        Result<Policy> created;
        if (!string.IsNullOrWhiteSpace(request?.Template))
        {
            created = await policies.AdoptAsync(account, request.Template, request.Id, request.Owner, ct);
        }
        else if (request is null || string.IsNullOrWhiteSpace(request.Id) || string.IsNullOrWhiteSpace(request.Title) || string.IsNullOrWhiteSpace(request.Body))
        {
            return ApiErrors.Problem(new Error(ErrorCodes.InvalidPolicy, "give a template, or id, title, owner and body", "body"));
        }
        else
        {
            created = await policies.CreateAsync(account, new NewPolicy(request.Id, request.Title, request.Owner ?? account.Email, request.Body)
            {
                ReviewCadence = request.ReviewCadence,
                Requirements = request.Requirements ?? [],
                Controls = request.Controls ?? [],
                Approvers = request.Approvers ?? [],
            }, ct);
        }

        if (!created.IsSuccess)
        {
            return ApiErrors.Problem(created.Error!);
        }

        var view = await policies.GetAsync(account, created.Value.Id, ct);
        return TypedResults.Created($"/api/v1/policies/{Uri.EscapeDataString(created.Value.Id)}", PolicyDetailView.From(view.Value));
    }

    private static async Task<Results<Ok<PolicyDetailView>, ProblemHttpResult>> Edit(HttpContext context, PolicyService policies, string id, EditPolicyRequest request, CancellationToken ct) =>
        await AnswerAsync(
            context,
            policies,
            await policies.EditAsync(context.Account(), id, new PolicyEdit(request?.Title, request?.Owner, request?.ReviewCadence, request?.Requirements, request?.Controls, request?.Approvers), ct),
            ct);

    private static async Task<Results<Ok<PolicyDetailView>, ProblemHttpResult>> EditDraft(HttpContext context, PolicyService policies, string id, PolicyDraftRequest request, CancellationToken ct) =>
        await AnswerAsync(context, policies, await policies.EditDraftAsync(context.Account(), id, request?.Body ?? "", ct), ct);

    private static async Task<Results<Ok<PolicyDetailView>, ProblemHttpResult>> NewVersion(HttpContext context, PolicyService policies, string id, CancellationToken ct) =>
        await AnswerAsync(context, policies, await policies.NewVersionAsync(context.Account(), id, ct), ct);

    private static async Task<Results<Ok<PolicyDetailView>, ProblemHttpResult>> Submit(HttpContext context, PolicyService policies, string id, SubmitPolicyRequest request, CancellationToken ct) =>
        await AnswerAsync(context, policies, await policies.SubmitAsync(context.Account(), id, request?.Version ?? 0, request?.Approvers ?? [], ct), ct);

    private static async Task<Results<Ok<PolicyDetailView>, ProblemHttpResult>> Approve(HttpContext context, PolicyService policies, string id, ApprovePolicyRequest request, CancellationToken ct) =>
        await AnswerAsync(context, policies, await policies.ApproveAsync(context.Account(), id, request?.Version ?? 0, request?.By, ct), ct);

    private static async Task<Results<Ok<PolicyDetailView>, ProblemHttpResult>> Publish(HttpContext context, PolicyService policies, string id, PolicyVersionRequest request, CancellationToken ct) =>
        await AnswerAsync(context, policies, await policies.PublishAsync(context.Account(), id, request?.Version ?? 0, ct), ct);

    private static async Task<Results<Ok<PolicyDetailView>, ProblemHttpResult>> Acknowledge(HttpContext context, PolicyService policies, string id, CancellationToken ct) =>
        await AnswerAsync(context, policies, await policies.AcknowledgeAsync(context.Account(), id, ct), ct);

    private static async Task<Results<Ok<PolicyDetailView>, ProblemHttpResult>> AnswerAsync(HttpContext context, PolicyService policies, Result<Policy> result, CancellationToken ct)
    {
        if (!result.IsSuccess)
        {
            return ApiErrors.Problem(result.Error!);
        }

        var view = await policies.GetAsync(context.Account(), result.Value.Id, ct);
        return view.IsSuccess ? TypedResults.Ok(PolicyDetailView.From(view.Value)) : ApiErrors.Problem(view.Error!);
    }
}
