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
public sealed class TokensModel(WebDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    /// <summary>Name of a new token.</summary>
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The tokens.</summary>
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The secret of the token just created.</summary>
    public string? Secret { get; private set; }

    /// <summary>Lists.</summary>
    public async Task OnGetAsync(CancellationToken ct) => Tokens = await ApiTokens.ListAsync(db, HttpContext.Account().UserId, ct);

    /// <summary>Creates a token.</summary>
    public async Task OnPostCreateAsync(CancellationToken ct)
    {
        var account = HttpContext.Account();
        var issued = await ApiTokens.IssueAsync(db, account.UserId, Name ?? "token", clock.GetUtcNow(), null, ct);
        await audit.AppendAsync(account.Email, "token.create", $"token/{issued.Row.Id}", new { name = issued.Row.Name, prefix = issued.Row.Prefix }, ct);
        Secret = issued.Secret;
        await OnGetAsync(ct);
    }

    /// <summary>Revokes a token.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        var account = HttpContext.Account();
        if (await ApiTokens.RevokeAsync(db, account.UserId, id, ct))
        {
            await audit.AppendAsync(account.Email, "token.revoke", $"token/{id}", null, ct);
        }

        return RedirectToPage();
    }
}
