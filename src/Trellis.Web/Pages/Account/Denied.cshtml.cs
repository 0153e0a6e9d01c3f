using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Trellis.Web.Pages.Account;

/// <summary>The access-denied page (403).</summary>
[Authorize(Policy = Auth.Policies.TokensOwn)]
public sealed class DeniedModel : PageModel
{
    /// <summary>Shows the page.</summary>
    public void OnGet()
    {
    }
}
