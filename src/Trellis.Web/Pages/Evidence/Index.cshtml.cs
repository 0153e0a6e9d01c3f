using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Data;
using Trellis.Web.Api;
using Trellis.Web.Auth;
using Trellis.Web.Pages.Shared;

namespace Trellis.Web.Pages.Evidence;

/// <summary>
/// Evidence items, one page at a time, newest effective first (auditors: inside their window only), with each item's
/// freshness and the day it goes stale; searched, sorted and filtered by the database.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class IndexModel(ProgramService program) : PageModel
{
    /// <summary>The page's items.</summary>
    public IReadOnlyList<EvidenceEntry> Items { get; private set; } = [];

    /// <summary>The list parameters and paging.</summary>
    public ListRequest List { get; private set; } = null!;

    /// <summary>True when the account may upload.</summary>
    public bool CanUpload { get; private set; }

    /// <summary>Loads one page.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        CanUpload = HttpContext.Account().Role is Roles.Admin or Roles.ComplianceManager or Roles.ControlOwner;
        List = ListRequest.From(Request);
        var sorting = Paging.Sort(List["sort"], List["order"], EvidenceQuery.Sorts);
        if (!sorting.IsSuccess)
        {
            List.Problem = sorting.Error;
            return;
        }

        var page = await program.ListEvidenceAsync(HttpContext.Account(), new EvidenceQuery(List["q"], List["control"], sorting.Value.Sort, sorting.Value.Descending), List.Window, ct);
        (Items, List.Total) = (page.Items, page.Total);
    }
}
