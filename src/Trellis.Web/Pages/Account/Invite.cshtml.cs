using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Trellis.Core.Common;
using Trellis.Web.Auth;
using Trellis.Web.Hosting;

namespace Trellis.Web.Pages.Account;

/// <summary>
/// The page an invitation link opens: the invited person chooses a password and is signed in. The link works once;
/// a used, replaced, expired or otherwise invalid one is refused with the reason (<see cref="AccountService.CheckInvitationAsync"/>).
/// Rate-limited like the sign-in form.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(TrellisWebServices.SignInRateLimit)]
public sealed class InviteModel(AccountService accounts) : PageModel
{
    /// <summary>The invitation token from the link.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>The password chosen.</summary>
    [BindProperty]
    public string Password { get; set; } = "";

    /// <summary>The password again.</summary>
    [BindProperty]
    public string Confirm { get; set; } = "";

    /// <summary>The invited account's e-mail.</summary>
    public string? Email { get; private set; }

    /// <summary>Why the link cannot be used (the form is not shown).</summary>
    public string? Refusal { get; private set; }

    /// <summary>Why the password was not accepted (the form is shown again).</summary>
    public string? Message { get; private set; }

    /// <summary>Shows the form, or why the link cannot be used.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        var found = await accounts.CheckInvitationAsync(Token);
        if (!found.IsSuccess)
        {
            Refusal = found.Error!.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            Email = found.Value.Email;
        }

        return Page();
    }

    /// <summary>Sets the password and starts a browser session.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.Equals(Password, Confirm, StringComparison.Ordinal))
        {
            await OnGetAsync();
            Message = "the two passwords differ";
            return Page();
        }

        var accepted = await accounts.AcceptInvitationAsync(Token, Password, ct);
        if (!accepted.IsSuccess)
        {
            await OnGetAsync();
            if (accepted.Error!.Code == ErrorCodes.InvalidInvitation)
            {
                Refusal ??= accepted.Error.Message;
            }
            else
            {
                Message = accepted.Error.Message;
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, TrellisPrincipal.Create(accepted.Value, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect("/");
    }
}
