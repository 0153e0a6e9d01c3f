using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary>
/// <c>/api/v1/engagements</c> and <c>/api/v1/requests</c>: the audits on record, each one's operation ledger and
/// findings, and the PBC request list shared by both regimes. Auditors see only their own engagement.
/// </summary>
public static class EngagementEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapEngagementEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/engagements").WithTags("Engagements").RequireAuthorization(Policies.ProgramRead);
        g.MapGet("/", List).WithName("ListEngagements").WithSummary("Engagements on record in date order, with rule warnings as of today.");
        g.MapGet("/{id}", Get).WithName("GetEngagement").WithSummary("One engagement with its rule warnings; the ETag is its stored version.");
        g.MapPost("/", PlanAndSave).RequireAuthorization(Policies.EngagementsWrite).WithName("PlanEngagements")
            .WithSummary("Plans a synchronized SOC 2 and ISO/IEC 27001 calendar from its anchors and stores its engagements (as trellis plan --save): new ones are added, stored ones kept.");
        g.MapPut("/{id}", Put).RequireAuthorization(Policies.EngagementsWrite).WithName("PutEngagement")
            .WithSummary("Creates or replaces an engagement; replacing needs If-Match.");
        g.MapGet("/{id}/ledger", Ledger).WithName("GetEngagementLedger")
            .WithSummary("Per control in scope: the occurrences its cadence expects in the window, which are observed and which are missing.");
        g.MapGet("/{id}/reports/{kind}", Report).WithName("GetEngagementReport")
            .WithSummary("The engagement's control matrix (kind matrix: its framework) or evidence index (kind evidence-index: its window) as a file, ?format=xlsx|pdf|html|csv|json; built from the account's view (an auditor: their framework and window, as of the window).");
        g.MapGet("/{id}/findings", Findings).WithName("ListEngagementFindings").WithSummary("Findings raised in the engagement.");
        api.MapGet("/requests", Requests).WithTags("Engagements").RequireAuthorization(Policies.ProgramRead).WithName("ListRequests")
            .WithSummary("The PBC request list: one request per control across engagements (or ?engagement=ID), answered once for both regimes.");
        api.MapGet("/findings", AllFindings).WithTags("Engagements").RequireAuthorization(Policies.ProgramRead).WithName("ListFindings")
            .WithSummary("ISO nonconformities and SOC 2 exceptions with their corrective actions: ?q (ID or title contains), ?status, ?engagement, ?overdue, ?sort=raised|id|status, ?order; all of them unless ?page or ?pageSize is given; X-Total-Count is the filtered total.");
        api.MapGet("/findings/{id}", Finding).WithTags("Engagements").RequireAuthorization(Policies.ProgramRead).WithName("GetFinding")
            .WithSummary("One finding with its corrective actions and the lifecycle steps open to it; the ETag is its stored version.");
        api.MapPost("/findings", Raise).WithTags("Engagements").RequireAuthorization(Policies.EngagementsWrite).WithName("RaiseFinding")
            .WithSummary("Records a finding (open).");
        api.MapPost("/findings/{id}/steps", Advance).WithTags("Engagements").RequireAuthorization(Policies.EngagementsWrite).WithName("AdvanceFinding")
            .WithSummary("Moves a finding one lifecycle step (plan-actions, complete-action, resolve, verify, close); needs If-Match.");
        return api;
    }

    private static async Task<Results<Ok<Paged<EngagementView>>, ProblemHttpResult>> List(
        HttpContext context, EngagementService engagements, int? page, int? pageSize, CancellationToken ct)
    {
        var views = (await engagements.ListWithWarningsAsync(context.Account(), ct)).Select(e => EngagementView.From(e.Engagement.Value, e.Warnings)).ToList();
        var paged = Paging.Of(views, page, pageSize);
        return paged.IsSuccess ? TypedResults.Ok(paged.Value) : ApiErrors.Problem(paged.Error!);
    }

    private static async Task<Results<Ok<EngagementView>, ProblemHttpResult>> Get(HttpContext context, EngagementService engagements, string id, CancellationToken ct)
    {
        var found = await engagements.GetWithWarningsAsync(context.Account(), id, ct);
        if (!found.IsSuccess)
        {
            return ApiErrors.Problem(found.Error!);
        }

        context.Response.Headers.ETag = ETags.Of(found.Value.Engagement.Version);
        return TypedResults.Ok(EngagementView.From(found.Value.Engagement.Value, found.Value.Warnings));
    }

    private static async Task<Results<Ok<PlannedEngagementsView>, ProblemHttpResult>> PlanAndSave(
        HttpContext context, EngagementService engagements, EngagementPlanRequest request, CancellationToken ct)
    {
        var held = PlanRequests.Held(request.IsoCertifiedOn, request.IsoStage, request.Soc2LastPeriodStart, request.Soc2LastPeriodEnd);
        if (!held.IsSuccess)
        {
            return ApiErrors.Problem(held.Error!);
        }

        var plan = new Core.Audits.PlanRequest
        {
            IsoCertificate = held.Value.Certificate,
            Soc2LastPeriod = held.Value.LastPeriod,
            CertificationDecision = request.CertificationDecision,
            Soc2Start = request.Soc2Start,
            Soc2Type1AsOf = request.Soc2Type1AsOf,
            Years = request.Years ?? 3,
            FirstWindowMonths = request.FirstWindowMonths,
            MinimumFieldworkSpacingDays = request.MinimumFieldworkSpacingDays ?? 30,
            Today = engagements.Today,
        };
        var account = context.Account();
        var saved = await engagements.PlanAndSaveAsync(account, plan, request.Firm ?? "", request.CertificationBody ?? "", ct);
        if (!saved.IsSuccess)
        {
            return ApiErrors.Problem(saved.Error!);
        }

        var stored = (await engagements.ListWithWarningsAsync(account, ct)).ToDictionary(e => e.Engagement.Value.Id, StringComparer.Ordinal);
        return TypedResults.Ok(new PlannedEngagementsView(
            saved.Value.Added,
            [.. saved.Value.Engagements.Select(e => stored.TryGetValue(e.Id, out var s) ? EngagementView.From(s.Engagement.Value, s.Warnings) : EngagementView.From(e, []))]));
    }

    private static async Task<Results<Ok<EngagementView>, ProblemHttpResult>> Put(
        HttpContext context, EngagementService engagements, string id, EngagementRequest request, CancellationToken ct)
    {
        var expected = ETags.IfMatch(context.Request);
        if (!expected.IsSuccess)
        {
            return ApiErrors.Problem(expected.Error!);
        }

        var engagement = EngagementService.FromRequest(id, request);
        if (!engagement.IsSuccess)
        {
            return ApiErrors.Problem(engagement.Error!);
        }

        var account = context.Account();
        var saved = await engagements.SaveAsync(account, engagement.Value, expected.Value, ct);
        if (!saved.IsSuccess)
        {
            return ApiErrors.Problem(saved.Error!);
        }

        context.Response.Headers.ETag = ETags.Of(saved.Value.Version);
        return TypedResults.Ok(EngagementView.From(saved.Value.Value, await engagements.WarningsAsync(account, saved.Value.Value, ct)));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Report(
        HttpContext context, ExportService exports, string id, string kind, string? format, CancellationToken ct)
    {
        var file = await exports.EngagementReportAsync(context.Account(), id, kind, string.IsNullOrWhiteSpace(format) ? null : format, ct);
        return file.IsSuccess ? TypedResults.File(file.Value.Content, file.Value.MediaType, file.Value.FileName) : ApiErrors.Problem(file.Error!);
    }

    private static async Task<Results<Ok<LedgerView>, ProblemHttpResult>> Ledger(HttpContext context, EngagementService engagements, string id, CancellationToken ct)
    {
        var ledger = await engagements.LedgerAsync(context.Account(), id, ct);
        return ledger.IsSuccess ? TypedResults.Ok(LedgerView.From(ledger.Value)) : ApiErrors.Problem(ledger.Error!);
    }

    private static async Task<Results<Ok<IReadOnlyList<FindingView>>, ProblemHttpResult>> Findings(
        HttpContext context, EngagementService engagements, string id, CancellationToken ct)
    {
        var account = context.Account();
        var found = await engagements.GetAsync(account, id, ct);
        if (!found.IsSuccess)
        {
            return ApiErrors.Problem(found.Error!);
        }

        return TypedResults.Ok<IReadOnlyList<FindingView>>([.. (await engagements.FindingsAsync(account, id, ct)).Select(f => FindingView.From(f, engagements.Today))]);
    }

    // Findings are JSON documents (audit_documents), read whole: filtered, sorted and paged in memory. The answer stays
    // the array it always was (backward compatible); X-Total-Count gives the filtered total, ?page/?pageSize cut it.
    private static async Task<Results<Ok<IReadOnlyList<FindingView>>, ProblemHttpResult>> AllFindings(
        HttpContext context, EngagementService engagements, string? q, string? status, string? engagement, bool? overdue, string? sort, string? order, int? page, int? pageSize, CancellationToken ct)
    {
        var sorting = Paging.Sort(sort, order, FindingSorts);
        if (!sorting.IsSuccess)
        {
            return ApiErrors.Problem(sorting.Error!);
        }

        var today = engagements.Today;
        var rows = (await engagements.FindingsAsync(context.Account(), engagement, ct))
            .Where(f => string.IsNullOrWhiteSpace(q) || f.Id.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase) || f.Title.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(f => status is null || f.Status.ToWire() == status)
            .Where(f => overdue is null || (f.OverdueActions(today).Count > 0) == overdue)
            .ToList();
        var d = sorting.Value.Descending;
        IEnumerable<Core.Audits.Finding> sorted = sorting.Value.Sort switch
        {
            "id" => d ? rows.OrderByDescending(f => f.Id, StringComparer.Ordinal) : rows.OrderBy(f => f.Id, StringComparer.Ordinal),
            "status" => d ? rows.OrderByDescending(f => f.Status.ToWire(), StringComparer.Ordinal) : rows.OrderBy(f => f.Status.ToWire(), StringComparer.Ordinal),
            _ => d ? Enumerable.Reverse(rows) : rows,
        };
        var views = sorted.Select(f => FindingView.From(f, today)).ToList();
        context.Response.Headers["X-Total-Count"] = views.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (page is null && pageSize is null)
        {
            return TypedResults.Ok<IReadOnlyList<FindingView>>(views);
        }

        var paged = Paging.Of(views, page, pageSize);
        return paged.IsSuccess ? TypedResults.Ok(paged.Value.Items) : ApiErrors.Problem(paged.Error!);
    }

    private static readonly string[] FindingSorts = ["raised", "id", "status"];

    private static async Task<Results<Ok<FindingView>, ProblemHttpResult>> Finding(HttpContext context, EngagementService engagements, string id, CancellationToken ct)
    {
        var found = (await engagements.VersionedFindingsAsync(context.Account(), ct)).FirstOrDefault(f => f.Value.Id == id);
        if (found is null)
        {
            return ApiErrors.Problem(new Core.Common.Error(ErrorCodes.UnknownFinding, $"unknown finding '{id}'"));
        }

        context.Response.Headers.ETag = ETags.Of(found.Version);
        return TypedResults.Ok(FindingView.From(found.Value, engagements.Today));
    }

    private static async Task<Results<Ok<FindingView>, ProblemHttpResult>> Raise(HttpContext context, EngagementService engagements, FindingRequest request, CancellationToken ct)
    {
        var saved = await engagements.RaiseFindingAsync(context.Account(), request, ct);
        if (!saved.IsSuccess)
        {
            return ApiErrors.Problem(saved.Error!);
        }

        context.Response.Headers.ETag = ETags.Of(saved.Value.Version);
        return TypedResults.Ok(FindingView.From(saved.Value.Value, engagements.Today));
    }

    private static async Task<Results<Ok<FindingView>, ProblemHttpResult>> Advance(
        HttpContext context, EngagementService engagements, string id, FindingStepRequest step, CancellationToken ct)
    {
        var expected = ETags.IfMatch(context.Request);
        if (!expected.IsSuccess)
        {
            return ApiErrors.Problem(expected.Error!);
        }

        var saved = await engagements.AdvanceFindingAsync(context.Account(), id, step, expected.Value, ct);
        if (!saved.IsSuccess)
        {
            return ApiErrors.Problem(saved.Error!);
        }

        context.Response.Headers.ETag = ETags.Of(saved.Value.Version);
        return TypedResults.Ok(FindingView.From(saved.Value.Value, engagements.Today));
    }

    private static async Task<Results<Ok<Paged<RequestView>>, ProblemHttpResult>> Requests(
        HttpContext context, EngagementService engagements, string? engagement, string? status, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var requests = await engagements.RequestsAsync(context.Account(), engagement, ct);
        if (!requests.IsSuccess)
        {
            return ApiErrors.Problem(requests.Error!);
        }

        var rows = requests.Value.Select(RequestView.From).Where(r => status is null || r.Status == status)
            .Where(r => string.IsNullOrWhiteSpace(q) || r.Control.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase) || r.Title.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
        var paged = Paging.Of(rows, page, pageSize);
        return paged.IsSuccess ? TypedResults.Ok(paged.Value) : ApiErrors.Problem(paged.Error!);
    }
}
