using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Search;
using Trellis.Core.Common;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Search;

/// <summary>Global search over IDs and titles, grouped by kind, as the account sees the program.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class IndexModel(ProgramSearch search) : PageModel
{
    /// <summary>The text searched.</summary>
    public string Query { get; private set; } = "";

    /// <summary>One group per kind that found anything.</summary>
    public IReadOnlyList<SearchGroup> Groups { get; private set; } = [];

    /// <summary>What was wrong with the text, or null.</summary>
    public Error? Problem { get; private set; }

    /// <summary>Searches.</summary>
    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Query = q?.Trim() ?? "";
        var found = await search.FindAsync(HttpContext.Account(), q, ct);
        Groups = found.IsSuccess ? found.Value : [];
        Problem = found.Error;
    }

    /// <summary>The heading of a kind.</summary>
    public static string Heading(string kind) => kind switch
    {
        "requirement" => "Requirements",
        "control" => "Controls",
        "evidence" => "Evidence",
        "risk" => "Risks",
        _ => "Findings",
    };
}
