using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Trellis.Web.Pages.Account;

/// <summary>Ends the browser session (POST with antiforgery; GET only shows the page).</summary>
[AllowAnonymous]
public sealed class LogoutModel : PageModel
{
    /// <summary>Shows the signed-out page.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs out.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage();
    }
}
