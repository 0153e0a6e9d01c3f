using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Controls;

/// <summary>One control: what it is, the requirements it maps to and its evidence.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class ShowModel(ProgramService program) : PageModel
{
    /// <summary>The control.</summary>
    public Control Control { get; private set; } = null!;

    /// <summary>Its evidence (as the account may see it).</summary>
    public IReadOnlyList<EvidenceItem> Evidence { get; private set; } = [];

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
        Evidence = [.. (await program.EvidenceAsync(account, ct)).Where(e => e.ControlIds.Contains(id))];
        CanEdit = account.EditsControl(control);
        return Page();
    }
}
