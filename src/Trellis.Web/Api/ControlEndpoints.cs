using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Data;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary><c>/api/v1/controls</c>: the organization's controls, their mappings and evidence; edits with If-Match.</summary>
public static class ControlEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapControlEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/controls").WithTags("Controls");
        g.MapGet("/", List).RequireAuthorization(Policies.ProgramRead).WithName("ListControls").WithSummary("Controls, one page at a time: ?q (ID or title contains), ?status, ?owner, ?framework and ?requirement (mapped to them), ?sort=program|id|title|owner|status|cadence, ?order=asc|desc.");
        g.MapGet("/{id}", Get).RequireAuthorization(Policies.ProgramRead).WithName("GetControl").WithSummary("One control; its ETag is its version.");
        g.MapPost("/", Create).RequireAuthorization(Policies.ControlsWrite).WithName("CreateControl")
            .WithSummary("Creates a control with its owner, cadence, status and mappings; without an id it takes the next free AC-NN; 409 when the id is taken. Admins and compliance managers.");
        g.MapPut("/{id}", Put).RequireAuthorization(Policies.ControlsWrite).WithName("PutControl")
            .WithSummary("Creates or replaces a control (title, description, owner, cadence, status, mappings); If-Match required when it exists (412 when stale, 428 when missing); control owners edit only their own and cannot change the owner.");
        g.MapDelete("/{id}", Delete).RequireAuthorization(Policies.ControlsWrite).WithName("DeleteControl")
            .WithSummary("Deletes a control and its mappings; If-Match required (412 when stale, 428 when missing); 409 naming the evidence, risks and judgements that still reference it (retire it with status not-applicable instead). Admins and compliance managers.");
        return api;
    }

    private static async Task<Results<Ok<Paged<ControlView>>, ProblemHttpResult>> List(
        HttpContext context, ProgramService program, string? status, string? owner, string? q, string? framework, string? requirement, string? sort, string? order,
        int? page, int? pageSize, CancellationToken ct)
    {
        var query = ControlQueryOf(status, owner, q, sort, order, framework, requirement);
        var window = Paging.Window(page, pageSize);
        if (!query.IsSuccess || !window.IsSuccess)
        {
            return ApiErrors.Problem(query.Error ?? window.Error!);
        }

        var catalog = await program.CatalogAsync(ct);
        var rows = await program.ListControlsAsync(context.Account(), query.Value, window.Value, ct);
        return TypedResults.Ok(Paging.Of(rows, window.Value, e => ControlView.From(e.State.Control, e.Evidence, catalog)));
    }

    /// <summary>
    /// The list query of <c>?status</c>, <c>?owner</c>, <c>?q</c>, <c>?sort</c>, <c>?order</c>, <c>?framework</c> and
    /// <c>?requirement</c> (the API and the page); a requirement needs its framework.
    /// </summary>
    internal static Result<ControlQuery> ControlQueryOf(string? status, string? owner, string? q, string? sort, string? order, string? framework = null, string? requirement = null)
    {
        framework = string.IsNullOrWhiteSpace(framework) ? null : framework.Trim();
        requirement = string.IsNullOrWhiteSpace(requirement) ? null : requirement.Trim();
        if (requirement is not null && framework is null)
        {
            return new Error(ErrorCodes.InvalidOption, $"requirement '{requirement}' needs ?framework: the framework it belongs to", "requirement");
        }

        ImplementationStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!ImplementationStatuses.TryParse(status, out var s))
            {
                return new Error(ErrorCodes.InvalidStatus, $"unknown status '{status}'", "status");
            }

            parsed = s;
        }

        var sorting = Paging.Sort(sort, order, ControlQuery.Sorts);
        return sorting.IsSuccess ? new ControlQuery(q, parsed, owner, sorting.Value.Sort, sorting.Value.Descending, framework, requirement) : sorting.Error!;
    }

    private static async Task<Results<Ok<ControlView>, ProblemHttpResult>> Get(HttpContext context, ProgramService program, string id, CancellationToken ct)
    {
        var account = context.Account();
        var stored = await program.GetControlAsync(account, id, ct);
        if (!stored.IsSuccess)
        {
            return ApiErrors.Problem(stored.Error!);
        }

        context.Response.Headers.ETag = ETags.Of(stored.Value.Version);
        return TypedResults.Ok(ControlView.From(stored.Value.Value, await program.EvidenceAsync(account, ct), await program.CatalogAsync(ct)));
    }

    private static async Task<Results<Ok<ControlView>, ProblemHttpResult>> Put(HttpContext context, ProgramService program, string id, ControlRequest request, CancellationToken ct)
    {
        var expected = ETags.IfMatch(context.Request);
        if (!expected.IsSuccess)
        {
            return ApiErrors.Problem(expected.Error!);
        }

        var control = Parse(id, request);
        if (!control.IsSuccess)
        {
            return ApiErrors.Problem(control.Error!);
        }

        var saved = await program.SaveControlAsync(context.Account(), control.Value, expected.Value, ct);
        if (!saved.IsSuccess)
        {
            return ApiErrors.Problem(saved.Error!);
        }

        context.Response.Headers.ETag = ETags.Of(saved.Value.Version);
        return TypedResults.Ok(ControlView.From(saved.Value.Value, await program.EvidenceAsync(context.Account(), ct), await program.CatalogAsync(ct)));
    }

    private static async Task<Results<Created<ControlView>, ProblemHttpResult>> Create(HttpContext context, ProgramService program, NewControlRequest request, CancellationToken ct)
    {
        var control = Parse(request.Id?.Trim() ?? "", new ControlRequest(request.Title, request.Description, request.Owner, request.Cadence, request.Status, request.Mappings));
        if (!control.IsSuccess)
        {
            return ApiErrors.Problem(control.Error!);
        }

        var saved = await program.CreateControlAsync(context.Account(), control.Value, ct);
        if (!saved.IsSuccess)
        {
            return ApiErrors.Problem(saved.Error!);
        }

        context.Response.Headers.ETag = ETags.Of(saved.Value.Version);
        var id = saved.Value.Value.Id;
        return TypedResults.Created($"/api/v1/controls/{Uri.EscapeDataString(id)}", ControlView.From(saved.Value.Value, await program.EvidenceAsync(context.Account(), ct), await program.CatalogAsync(ct)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(HttpContext context, ProgramService program, string id, CancellationToken ct)
    {
        var expected = ETags.IfMatch(context.Request);
        if (!expected.IsSuccess)
        {
            return ApiErrors.Problem(expected.Error!);
        }

        var deleted = await program.DeleteControlAsync(context.Account(), id, expected.Value, ct);
        return deleted.IsSuccess ? TypedResults.NoContent() : ApiErrors.Problem(deleted.Error!);
    }

    /// <summary>Reads a control from its wire form.</summary>
    internal static Result<Control> Parse(string id, ControlRequest request)
    {
        if (!Cadences.TryParse(request.Cadence, out var cadence))
        {
            return new Error(ErrorCodes.InvalidCadence, $"unknown cadence '{request.Cadence}'; use {string.Join(", ", Cadences.WireNames)}", "cadence");
        }

        if (!ImplementationStatuses.TryParse(request.Status, out var status))
        {
            return new Error(ErrorCodes.InvalidStatus, $"unknown status '{request.Status}'", "status");
        }

        var mappings = new List<ControlMapping>();
        foreach (var m in request.Mappings ?? [])
        {
            if (!Relationships.TryParse(m.Relationship, out Relationship rel))
            {
                return new Error(ErrorCodes.InvalidRelationship, $"unknown relationship '{m.Relationship}'", "mappings");
            }

            mappings.Add(new ControlMapping(new RequirementRef(m.Framework, m.Requirement), rel));
        }

        return new Control
        {
            Id = id,
            Title = request.Title?.Trim() ?? "",
            Description = request.Description?.Trim() ?? "",
            Owner = request.Owner?.Trim() ?? "",
            Cadence = cadence,
            Status = status,
            Mappings = mappings,
        };
    }
}
