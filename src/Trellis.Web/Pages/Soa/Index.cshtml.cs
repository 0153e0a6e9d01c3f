using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Readiness;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Soa;

/// <summary>The Statement of Applicability with drift, and links to edit each row.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class IndexModel(ProgramService program) : PageModel
{
    /// <summary>Rows.</summary>
    public IReadOnlyList<SoaRow> Rows { get; private set; } = [];

    /// <summary>Only rows with drift.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Drift { get; set; }

    /// <summary>True when the account may edit.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>Loads the rows.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rows = await program.SoaAsync(HttpContext.Account(), ct);
        if (!rows.IsSuccess)
        {
            return NotFound();
        }

        Rows = [.. rows.Value.Where(r => !Drift || r.Drift.Count > 0)];
        CanEdit = HttpContext.Account().ManagesProgram;
        return Page();
    }
}
