using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Data.AuditTrail;
using Trellis.Web.AuditTrail;
using Trellis.Web.Auth;
using Trellis.Web.Storage;

namespace Trellis.Web.Pages.Account;

/// <summary>Your personal API tokens: create (the secret is shown once) and revoke.</summary>
[Authorize(Policy = Policies.TokensOwn)]
public sealed class TokensModel(WebDbContext db, TokenService tokens) : PageModel
{
    /// <summary>Name of a new token.</summary>
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The tokens.</summary>
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>Why the last token was not created.</summary>
    public string? Message { get; private set; }

    /// <summary>The secret of the token just created.</summary>
    public string? Secret { get; private set; }

    /// <summary>Lists.</summary>
    public async Task OnGetAsync(CancellationToken ct) => Tokens = await ApiTokens.ListAsync(db, HttpContext.Account().UserId, ct);

    /// <summary>Creates a token.</summary>
    public async Task OnPostCreateAsync(CancellationToken ct)
    {
        var account = HttpContext.Account();
        var issued = await tokens.IssueAsync(account.Email, account.UserId, account.Email, Name ?? "token", null, ct);
        Secret = issued.IsSuccess ? issued.Value.Secret : null;
        Message = issued.IsSuccess ? null : issued.Error!.Message;
        await OnGetAsync(ct);
    }

    /// <summary>Revokes a token.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        var account = HttpContext.Account();
        await tokens.RevokeAsync(account.Email, account.UserId, account.Email, id, ct);

        return RedirectToPage();
    }
}
