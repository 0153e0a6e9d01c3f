using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.Actors;
using Trellis.Application.Search;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary><c>/api/v1/search</c>: IDs and titles of requirements, controls, evidence, risks and findings, as the account sees them.</summary>
public static class SearchEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/search", Search).WithTags("Search").RequireAuthorization(Policies.ProgramRead).WithName("Search")
            .WithSummary("?q: requirements, controls, evidence, risks and findings whose ID or title contains it (case-insensitive), grouped by kind in that order, at most 25 of each; auditors find only what their engagement shows.");
        return api;
    }

    private static async Task<Results<Ok<SearchView>, ProblemHttpResult>> Search(HttpContext context, ProgramSearch search, string? q, CancellationToken ct)
    {
        var found = await search.FindAsync(context.Account(), q, ct);
        return found.IsSuccess ? TypedResults.Ok(new SearchView(q?.Trim() ?? "", found.Value)) : ApiErrors.Problem(found.Error!);
    }
}

/// <summary>The results of a search: the text searched and one group per kind that found anything.</summary>
public sealed record SearchView(string Query, IReadOnlyList<SearchGroup> Groups);
