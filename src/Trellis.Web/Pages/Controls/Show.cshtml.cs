using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Program;
using Trellis.Data;
using Trellis.Web.Auth;
using Trellis.Web.Pages.Shared;

namespace Trellis.Web.Pages.Controls;

/// <summary>
/// One control: what it is, the requirements it maps to and its evidence, one page at a time (newest effective first,
/// cut by the database: a control can collect thousands of items over the years).
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class ShowModel(ProgramService program) : PageModel
{
    /// <summary>The control.</summary>
    public Control Control { get; private set; } = null!;

    /// <summary>One page of its evidence (as the account may see it).</summary>
    public IReadOnlyList<EvidenceEntry> Evidence { get; private set; } = [];

    /// <summary>The evidence list's paging (<c>?page</c>, <c>?pageSize</c>).</summary>
    public ListRequest List { get; private set; } = null!;

    /// <summary>True when the account may edit it.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>Loads the control.</summary>
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var account = HttpContext.Account();
        var control = (await program.ControlsAsync(account, ct)).FirstOrDefault(c => c.Id == id);
        if (control is null)
        {
            return NotFound();
        }

        Control = control;
        List = ListRequest.From(Request);
        var page = await program.ListEvidenceAsync(account, new EvidenceQuery(Control: id), List.Window, ct);
        (Evidence, List.Total) = (page.Items, page.Total);
        CanEdit = account.EditsControl(control);
        return Page();
    }
}
