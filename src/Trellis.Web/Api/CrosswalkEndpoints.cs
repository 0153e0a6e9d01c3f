using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.Actors;
using Trellis.Application.Catalogs;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary><c>/api/v1/crosswalk</c> and <c>/api/v1/coverage</c>: links between frameworks and the coverage they imply.</summary>
public static class CrosswalkEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapCrosswalkEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/crosswalk", Crosswalk).WithTags("Crosswalk").RequireAuthorization(Policies.CatalogRead)
            .WithName("GetCrosswalk").WithSummary("Links from one framework to another: curated, inverted and (with inferred=true) inferred through pivot frameworks.");
        api.MapGet("/coverage", Coverage).WithTags("Crosswalk").RequireAuthorization(Policies.CatalogRead)
            .WithName("GetCoverage").WithSummary("Full, partial or none for every requirement of target, given what is implemented of another framework (implemented=fw or fw:id,id).");
        return api;
    }

    private static async Task<Results<Ok<Paged<LinkView>>, ProblemHttpResult>> Crosswalk(
        HttpContext context, FrameworkLibrary library, string from, string to, bool? inferred, string? relationship, string? origin, int? page, int? pageSize, CancellationToken ct)
    {
        var a = await FrameworkEndpoints.VisibleAsync(context, library, from, ct);
        var b = await FrameworkEndpoints.VisibleAsync(context, library, to, ct);
        if (!a.IsSuccess || !b.IsSuccess)
        {
            return ApiErrors.Problem((a.Error ?? b.Error)!);
        }

        Relationship? rel = null;
        if (relationship is not null)
        {
            if (!Relationships.TryParse(relationship, out Relationship r))
            {
                return ApiErrors.Problem(new Error(ErrorCodes.InvalidRelationship, $"unknown relationship '{relationship}'; use {string.Join(", ", Relationships.WireNames)}", "relationship"));
            }

            rel = r;
        }

        LinkOrigin? wanted = null;
        if (origin is not null)
        {
            if (!Relationships.TryParse(origin, out LinkOrigin o))
            {
                return ApiErrors.Problem(new Error(ErrorCodes.InvalidOrigin, $"unknown origin '{origin}'; use {string.Join(", ", Relationships.OriginNames)}", "origin"));
            }

            wanted = o;
        }

        var engine = await library.EngineAsync(ct);
        var links = (inferred == true ? engine.All(a.Value.Id, b.Value.Id) : engine.Direct(a.Value.Id, b.Value.Id))
            .Where(l => rel is null || l.Relationship == rel)
            .Where(l => wanted is null || l.Origin == wanted)
            .Select(LinkView.From)
            .ToList();
        var result = Paging.Of(links, page, pageSize);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : ApiErrors.Problem(result.Error!);
    }

    private static async Task<Results<Ok<IReadOnlyList<CoverageView>>, ProblemHttpResult>> Coverage(HttpContext context, FrameworkLibrary library, string target, string implemented, CancellationToken ct)
    {
        var what = ImplementedSpec.Parse(implemented);
        if (!what.IsSuccess)
        {
            return ApiErrors.Problem(what.Error!);
        }

        var a = await FrameworkEndpoints.VisibleAsync(context, library, target, ct);
        var b = await FrameworkEndpoints.VisibleAsync(context, library, what.Value.Framework, ct);
        if (!a.IsSuccess || !b.IsSuccess)
        {
            return ApiErrors.Problem((a.Error ?? b.Error)!);
        }

        var result = CoverageAnalysis.Compute(await library.EngineAsync(ct), a.Value.Id, b.Value.Id, what.Value.Ids);
        return result.IsSuccess
            ? TypedResults.Ok<IReadOnlyList<CoverageView>>([.. result.Value.Select(CoverageView.From)])
            : ApiErrors.Problem(result.Error!);
    }
}

/// <summary>Coverage of one requirement.</summary>
public sealed record CoverageView(string Id, string Coverage, IReadOnlyList<LinkView> Sources, IReadOnlyList<LinkView> Candidates)
{
    internal static CoverageView From(RequirementCoverage c) =>
        new(c.Requirement, c.Level.ToWire(), [.. c.Sources.Select(LinkView.From)], [.. c.Candidates.Select(LinkView.From)]);
}
