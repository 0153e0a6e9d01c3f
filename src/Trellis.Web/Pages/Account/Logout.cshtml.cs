using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Account;

/// <summary>
/// Ends the browser session (POST with antiforgery; GET only shows the page): renews the account's security stamp, so
/// the session cookie — and any copy of it — is refused from the next request on, then deletes the cookie.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(AccountService accounts) : PageModel
{
    /// <summary>Shows the signed-out page.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs out.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (HttpContext.AccountOrNull() is { } account)
        {
            await accounts.EndSessionsAsync(account.UserId);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage();
    }
}
