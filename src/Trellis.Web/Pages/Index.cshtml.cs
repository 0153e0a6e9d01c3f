using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages;

/// <summary>The dashboard: readiness per framework.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class IndexModel : PageModel
{
    /// <summary>Shows the dashboard.</summary>
    public void OnGet()
    {
    }
}
