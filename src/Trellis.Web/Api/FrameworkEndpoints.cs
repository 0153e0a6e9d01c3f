using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.Actors;
using Trellis.Application.Catalogs;
using Trellis.Core.Common;
using Trellis.Core.Frameworks;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary><c>/api/v1/frameworks</c>: the framework catalogs and their requirements. Auditors see their engagement's frameworks only.</summary>
public static class FrameworkEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapFrameworkEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/frameworks").WithTags("Frameworks").RequireAuthorization(Policies.CatalogRead);
        g.MapGet("/", List).WithName("ListFrameworks").WithSummary("Frameworks Trellis knows.");
        g.MapGet("/{id}", Get).WithName("GetFramework").WithSummary("One framework with its metadata and display groups.");
        g.MapGet("/{id}/requirements", Requirements).WithName("ListRequirements").WithSummary("The requirements of a framework, in the standard's order.");
        g.MapGet("/{id}/requirements/{requirementId}", Requirement).WithName("GetRequirement").WithSummary("One requirement.");
        return api;
    }

    /// <summary>Finds a framework the account may see; out-of-scope frameworks do not exist for it.</summary>
    internal static async Task<Result<Framework>> VisibleAsync(HttpContext context, FrameworkLibrary library, string id, CancellationToken ct)
    {
        var fw = (await library.CatalogAsync(ct)).Framework(id);
        return fw.IsSuccess && !context.Account().SeesFramework(fw.Value.Id)
            ? new Error(ErrorCodes.UnknownFramework, $"unknown framework '{id}'")
            : fw;
    }

    private static async Task<Results<Ok<Paged<FrameworkSummaryView>>, ProblemHttpResult>> List(HttpContext context, FrameworkLibrary library, int? page, int? pageSize, CancellationToken ct)
    {
        var all = (await library.CatalogAsync(ct)).Frameworks.Where(f => context.Account().SeesFramework(f.Id)).Select(FrameworkSummaryView.From).ToList();
        var result = Paging.Of(all, page, pageSize);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : ApiErrors.Problem(result.Error!);
    }

    private static async Task<Results<Ok<FrameworkView>, ProblemHttpResult>> Get(HttpContext context, FrameworkLibrary library, string id, CancellationToken ct)
    {
        var fw = await VisibleAsync(context, library, id, ct);
        return fw.IsSuccess ? TypedResults.Ok(FrameworkView.From(fw.Value)) : ApiErrors.Problem(fw.Error!);
    }

    private static async Task<Results<Ok<Paged<RequirementView>>, ProblemHttpResult>> Requirements(HttpContext context, FrameworkLibrary library, string id, string? kind, int? page, int? pageSize, CancellationToken ct)
    {
        var fw = await VisibleAsync(context, library, id, ct);
        if (!fw.IsSuccess)
        {
            return ApiErrors.Problem(fw.Error!);
        }

        RequirementKind? k = null;
        if (kind is not null)
        {
            if (!RequirementKinds.TryParse(kind, out var parsed))
            {
                return ApiErrors.Problem(new Error(ErrorCodes.InvalidKind, $"unknown requirement kind '{kind}'", "kind"));
            }

            k = parsed;
        }

        var all = fw.Value.AllRequirements.Where(r => k is null || r.Kind == k).Select(RequirementView.From).ToList();
        var result = Paging.Of(all, page, pageSize);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : ApiErrors.Problem(result.Error!);
    }

    private static async Task<Results<Ok<RequirementView>, ProblemHttpResult>> Requirement(HttpContext context, FrameworkLibrary library, string id, string requirementId, CancellationToken ct)
    {
        var fw = await VisibleAsync(context, library, id, ct);
        if (!fw.IsSuccess)
        {
            return ApiErrors.Problem(fw.Error!);
        }

        var req = (await library.CatalogAsync(ct)).Requirement(fw.Value.Id, requirementId);
        return req.IsSuccess ? TypedResults.Ok(RequirementView.From(req.Value)) : ApiErrors.Problem(req.Error!);
    }
}

/// <summary>A framework in a list.</summary>
public sealed record FrameworkSummaryView(string Id, string Name, string Version, int Revision, int RequirementCount, string AssuranceModel)
{
    internal static FrameworkSummaryView From(Framework f) => new(f.Id, f.Name, f.Version, f.Revision, f.Requirements.Count, f.Metadata.AssuranceModel);
}

/// <summary>A framework with its metadata and display groups.</summary>
public sealed record FrameworkView(
    string Id, string Name, string Version, int Revision, string Source, string Licence, int RequirementCount,
    FrameworkMetadata Metadata, IReadOnlyList<RequirementGroup> Groups)
{
    internal static FrameworkView From(Framework f) =>
        new(f.Id, f.Name, f.Version, f.Revision, f.Source, f.Licence, f.Requirements.Count, f.Metadata, f.Groups);
}

/// <summary>A requirement: clause, Annex A control, criterion, function, category or subcategory.</summary>
public sealed record RequirementView(
    string Id, string Title, string Kind, string? Parent, string? Group, string? Theme, string? Category, string? Section,
    int? CosoPrinciple, string? Text, string? Guidance, IReadOnlyList<string> PointsOfFocus, bool Withdrawn)
{
    internal static RequirementView From(Requirement r) => new(
        r.Id, r.Title, r.Kind.ToWire(), r.Parent, r.Group, r.Theme, r.Category, r.Section, r.CosoPrinciple, r.Text, r.Guidance, r.PointsOfFocus, r.Withdrawn);
}
