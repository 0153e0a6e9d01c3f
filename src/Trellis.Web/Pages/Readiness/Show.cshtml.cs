using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Core.Readiness;
using Trellis.Web.Auth;
using Trellis.Web.Compliance;

namespace Trellis.Web.Pages.Readiness;

/// <summary>Readiness of one framework, requirement by requirement, with reasons and what would close each gap.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class ShowModel(ProgramService program) : PageModel
{
    /// <summary>The report.</summary>
    public ReadinessReport? Report { get; private set; }

    /// <summary>Status filter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>Loads the report.</summary>
    public async Task<IActionResult> OnGetAsync(string framework, CancellationToken ct)
    {
        var report = await program.ReadinessAsync(HttpContext.Account(), framework, null, ct);
        if (!report.IsSuccess)
        {
            return NotFound();
        }

        Report = report.Value;
        return Page();
    }
}
