using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Controls;

/// <summary>The controls, with status, cadence, owner and evidence freshness.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class IndexModel(ProgramService program) : PageModel
{
    /// <summary>Controls with their state today.</summary>
    public IReadOnlyList<ControlState> Controls { get; private set; } = [];

    /// <summary>Loads the list.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Controls = await program.ControlStatesAsync(HttpContext.Account(), ct);
    }
}
