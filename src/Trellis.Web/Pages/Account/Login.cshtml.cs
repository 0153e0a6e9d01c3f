using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Web.Auth;
using Trellis.Web.Hosting;

namespace Trellis.Web.Pages.Account;

/// <summary>
/// Sign-in with e-mail and password: rate-limited per client address, failed attempts throttled per e-mail and per
/// address (<see cref="SignInThrottle"/>), one answer to every failure; no account is ever locked.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(TrellisWebServices.SignInRateLimit)]
public sealed class LoginModel(AccountService accounts, IAuthenticationSchemeProvider schemes, DecoyPassword decoy) : PageModel
{
    /// <summary>E-mail.</summary>
    [BindProperty]
    public string Email { get; set; } = "";

    /// <summary>Password.</summary>
    [BindProperty]
    public string Password { get; set; } = "";

    /// <summary>Where to go after signing in (local paths only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the last attempt failed.</summary>
    public string? Message { get; private set; }

    /// <summary>Label of the single sign-on button, when OpenID Connect is configured.</summary>
    public string? OidcName { get; private set; }

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync()
    {
        OidcName = (await schemes.GetSchemeAsync(OidcSignIn.SchemeName))?.DisplayName;
        decoy.Prepare();
    }

    /// <summary>Checks the password and starts a browser session.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var user = await accounts.CheckPasswordAsync(Email, Password, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (!user.IsSuccess)
        {
            Message = user.Error!.Message;
            await OnGetAsync();
            Response.StatusCode = user.Error.Code == ErrorCodes.AccountRefused ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, TrellisPrincipal.Create(user.Value, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    /// <summary>Starts OpenID Connect sign-in.</summary>
    public async Task<IActionResult> OnPostOidcAsync()
    {
        if (await schemes.GetSchemeAsync(OidcSignIn.SchemeName) is null)
        {
            return NotFound();
        }

        return Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/" }, OidcSignIn.SchemeName);
    }
}
