using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Policies;
using Trellis.Content.Policies;
using Trellis.Web.Api;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.PolicyPages;

/// <summary>
/// <c>/policies</c> (issue 17, item 4): every policy the account sees with its owner, shown version, status, approval
/// day and acknowledged share; admins and compliance managers get a form to adopt a starter template as a draft.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class IndexModel(PolicyService policies) : PageModel
{
    /// <summary>The policies, as the API lists them.</summary>
    public IReadOnlyList<PolicySummaryView> Items { get; private set; } = [];

    /// <summary>The starter templates (shown to managers).</summary>
    public IReadOnlyList<PolicyTemplate> Templates => PolicyService.Templates;

    /// <summary>True when the account adopts, creates and edits policies.</summary>
    public bool Manages => HttpContext.Account().ManagesProgram;

    /// <summary>Why the last form was refused, if it was.</summary>
    public string? Message { get; private set; }

    /// <summary>Lists.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Adopts a starter template as a draft (ID: the template's name unless given) and opens it.</summary>
    public async Task<IActionResult> OnPostAdoptAsync(string? template, string? id, CancellationToken ct)
    {
        var adopted = await policies.AdoptAsync(HttpContext.Account(), template ?? "", string.IsNullOrWhiteSpace(id) ? null : id.Trim(), null, ct);
        if (adopted.IsSuccess)
        {
            return Redirect($"/policies/{Uri.EscapeDataString(adopted.Value.Id)}");
        }

        Message = adopted.Error!.Message;
        Response.StatusCode = ApiErrors.StatusOf(adopted.Error);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Items = [.. (await policies.ListAsync(HttpContext.Account(), ct)).Select(PolicySummaryView.From)];
}
