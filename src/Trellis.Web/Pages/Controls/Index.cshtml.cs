using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Web.Api;
using Trellis.Web.Auth;
using Trellis.Web.Pages.Shared;

namespace Trellis.Web.Pages.Controls;

/// <summary>The controls, one page at a time, with status, cadence, owner and evidence freshness; searched, sorted and filtered by the database.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class IndexModel(ProgramService program) : PageModel
{
    /// <summary>The page's controls with their state today.</summary>
    public IReadOnlyList<ControlEntry> Controls { get; private set; } = [];

    /// <summary>The list parameters and paging.</summary>
    public ListRequest List { get; private set; } = null!;

    /// <summary>Loads one page.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        List = ListRequest.From(Request);
        var query = ControlEndpoints.ControlQueryOf(List["status"], List["owner"], List["q"], List["sort"], List["order"], List["framework"], List["requirement"]);
        if (!query.IsSuccess)
        {
            List.Problem = query.Error;
            return;
        }

        var page = await program.ListControlsAsync(HttpContext.Account(), query.Value, List.Window, ct);
        (Controls, List.Total) = (page.Items, page.Total);
    }
}
