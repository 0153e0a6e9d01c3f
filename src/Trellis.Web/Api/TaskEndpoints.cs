using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Trellis.Application.Operations;
using Trellis.Core.Common;
using Trellis.Core.Operations;
using Trellis.Web.Auth;
using Trellis.Web.Hosting;

namespace Trellis.Web.Api;

/// <summary><c>/api/v1/tasks</c>: the recurring work of each control's cadence (staff only).</summary>
public static class TaskEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/tasks").WithTags("Tasks");
        g.MapGet("/", List).RequireAuthorization(Policies.InternalRead).WithName("ListTasks")
            .WithSummary("Tasks of periods from ?since (default 90 days ago) to today, by due day: ?owner (e-mail) or ?mine=true, ?dueBefore, ?pending=true; all of them unless ?page or ?pageSize is given; X-Total-Count is the filtered total.");
        g.MapGet("/{id}", Get).RequireAuthorization(Policies.InternalRead).WithName("GetTask").WithSummary("One task, e.g. AC-07@2026-10-01.");
        g.MapPost("/{id}/complete", Complete).RequireAuthorization(Policies.EvidenceWrite).WithName("CompleteTask").DisableAntiforgery().WithMetadata(new UploadEndpointAttribute())
            .WithSummary("multipart/form-data: file or url, title?. Adds evidence effective for the task's period (to today at most).");
        g.MapPost("/{id}/reassign", Reassign).RequireAuthorization(Policies.EvidenceWrite).WithName("ReassignTask").WithSummary("Gives the task to another person; audited.");
        g.MapPost("/{id}/snooze", Snooze).RequireAuthorization(Policies.EvidenceWrite).WithName("SnoozeTask").WithSummary("Puts an open or overdue task off until a day (at most 90 days ahead), with a reason; audited.");
        g.MapPost("/{id}/did-not-occur", DidNotOccur).RequireAuthorization(Policies.EvidenceWrite).WithName("TaskDidNotOccur")
            .WithSummary("Records that the control had nothing to operate on in the task's period, with a reason; audited.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<TaskView>>, ProblemHttpResult>> List(
        HttpContext context, TaskService tasks, string? owner, bool? mine, string? dueBefore, string? since, bool? pending, int? page, int? pageSize, CancellationToken ct)
    {
        var before = Day(dueBefore, "dueBefore");
        var from = Day(since, "since");
        if (!before.IsSuccess || !from.IsSuccess)
        {
            return ApiErrors.Problem((before.IsSuccess ? from : before).Error!);
        }

        var account = context.Account();
        var query = new TaskQuery(from.Value, mine == true ? account.Email : owner, before.Value, pending == true);
        var found = await tasks.ListAsync(account, query, ct);
        if (!found.IsSuccess)
        {
            return ApiErrors.Problem(found.Error!);
        }

        // Tasks are derived from the cadences and the evidence, not stored rows: cut in memory. The answer stays the
        // array it always was (as /api/v1/findings); X-Total-Count gives the filtered total, ?page/?pageSize cut it.
        context.Response.Headers["X-Total-Count"] = found.Value.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (page is null && pageSize is null)
        {
            return TypedResults.Ok<IReadOnlyList<TaskView>>([.. found.Value.Select(TaskView.From)]);
        }

        var paged = Paging.Of(found.Value, page, pageSize);
        return paged.IsSuccess ? TypedResults.Ok<IReadOnlyList<TaskView>>([.. paged.Value.Items.Select(TaskView.From)]) : ApiErrors.Problem(paged.Error!);
    }

    private static async Task<Results<Ok<TaskView>, ProblemHttpResult>> Get(HttpContext context, TaskService tasks, string id, CancellationToken ct)
    {
        var found = await tasks.GetAsync(context.Account(), id, ct);
        return found.IsSuccess ? TypedResults.Ok(TaskView.From(found.Value)) : ApiErrors.Problem(found.Error!);
    }

    private static async Task<Results<Created<EvidenceView>, ProblemHttpResult>> Complete(
        HttpContext context, TaskService tasks, IOptions<TrellisWebOptions> options, string id, CancellationToken ct)
    {
        var form = await EvidenceForm.ReadRequestAsync(context, options.Value.MaxUploadBytes, ct);
        if (!form.IsSuccess)
        {
            return ApiErrors.Problem(form.Error!);
        }

        var file = form.Value.File;
        try
        {
            string? Field(string name) => form.Value.Fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            var content = file is null ? null : await file.ReadAllBytesAsync(ct);
            var saved = await tasks.CompleteAsync(context.Account(), id, new TaskEvidence(content, file?.FileName, file?.MediaType, file is null ? Field("url") : null, Field("title")), ct);
            return saved.IsSuccess
                ? TypedResults.Created($"/api/v1/evidence/{Uri.EscapeDataString(saved.Value.Value.Id)}", EvidenceView.From(saved.Value.Value))
                : ApiErrors.Problem(saved.Error!);
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }
        }
    }

    private static async Task<Results<Ok<TaskView>, ProblemHttpResult>> Reassign(HttpContext context, TaskService tasks, string id, ReassignTaskRequest request, CancellationToken ct) =>
        Answer(await tasks.ReassignAsync(context.Account(), id, request?.Assignee ?? "", ct));

    private static async Task<Results<Ok<TaskView>, ProblemHttpResult>> Snooze(HttpContext context, TaskService tasks, string id, SnoozeTaskRequest request, CancellationToken ct)
    {
        var until = Day(request?.Until, "until");
        if (!until.IsSuccess)
        {
            return ApiErrors.Problem(until.Error!);
        }

        return until.Value is not { } day
            ? ApiErrors.Problem(new Error(ErrorCodes.InvalidTask, "until is needed (YYYY-MM-DD)", "until"))
            : Answer(await tasks.SnoozeAsync(context.Account(), id, day, request!.Reason ?? "", ct));
    }

    private static async Task<Results<Ok<TaskView>, ProblemHttpResult>> DidNotOccur(HttpContext context, TaskService tasks, string id, TaskReasonRequest request, CancellationToken ct) =>
        Answer(await tasks.DidNotOccurAsync(context.Account(), id, request?.Reason ?? "", ct));

    private static Results<Ok<TaskView>, ProblemHttpResult> Answer(Result<ControlTask> result) =>
        result.IsSuccess ? TypedResults.Ok(TaskView.From(result.Value)) : ApiErrors.Problem(result.Error!);

    private static Result<DateOnly?> Day(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? Result<DateOnly?>.Ok(null)
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? Result<DateOnly?>.Ok(d)
        : new Error(ErrorCodes.InvalidTask, $"{field} '{text}' is not a date as YYYY-MM-DD", field);
}

/// <summary>A task as the API shows it.</summary>
/// <param name="Id">Task ID, <c>AC-07@2026-10-01</c>.</param>
/// <param name="Control">Control ID.</param>
/// <param name="ControlTitle">Control title.</param>
/// <param name="Owner">Who does it.</param>
/// <param name="Due">Due day (the period's last day).</param>
/// <param name="Status"><c>open</c>, <c>overdue</c>, <c>snoozed</c>, <c>done</c> or <c>did-not-occur</c>.</param>
/// <param name="Cadence">The control's cadence.</param>
/// <param name="PeriodFrom">First day of the period.</param>
/// <param name="PeriodTo">Last day of the period.</param>
/// <param name="Evidence">Evidence IDs effective inside the period.</param>
/// <param name="SnoozedUntil">While snoozed: until when.</param>
/// <param name="SnoozeReason">While snoozed: why.</param>
/// <param name="DidNotOccurReason">Why it did not occur.</param>
public sealed record TaskView(
    string Id, string Control, string ControlTitle, string Owner, DateOnly Due, string Status, string Cadence, DateOnly PeriodFrom, DateOnly PeriodTo,
    IReadOnlyList<string> Evidence, DateOnly? SnoozedUntil, string? SnoozeReason, string? DidNotOccurReason)
{
    /// <summary>The view of a task.</summary>
    public static TaskView From(ControlTask t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var snoozed = t.Status == ControlTaskStatus.Snoozed;
        return new(
            t.Id, t.ControlId, t.ControlTitle, t.Owner, t.Due, t.Status.ToWire(), Core.Program.Cadences.ToWire(t.Cadence), t.Period.Start, t.Period.End,
            t.Evidence, snoozed ? t.Note?.SnoozedUntil : null, snoozed ? t.Note?.SnoozeReason : null, t.Note?.DidNotOccurReason);
    }
}

/// <summary>Who takes the task.</summary>
/// <param name="Assignee">E-mail.</param>
public sealed record ReassignTaskRequest(string? Assignee);

/// <summary>Until when and why a task is put off.</summary>
/// <param name="Until">Last day it is put off (YYYY-MM-DD).</param>
/// <param name="Reason">Why.</param>
public sealed record SnoozeTaskRequest(string? Until, string? Reason);

/// <summary>Why the control did not operate in the period.</summary>
/// <param name="Reason">Why.</param>
public sealed record TaskReasonRequest(string? Reason);
