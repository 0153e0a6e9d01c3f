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
/// day and acknowledged share; admins and compliance managers get forms to adopt a starter template as a draft or to
/// create a policy from scratch.
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

    /// <summary>
    /// Creates a policy from scratch as a draft version 1 (ID, title, owner, review cadence, approvers, mapped
    /// requirements and the text) and opens it.
    /// </summary>
    public async Task<IActionResult> OnPostCreateAsync(
        string? id, string? title, string? owner, string? reviewCadence, string? approvers, string? requirements, string? body, CancellationToken ct)
    {
        var created = await policies.CreateAsync(HttpContext.Account(), new NewPolicy((id ?? "").Trim(), title ?? "", owner ?? "", body ?? "")
        {
            ReviewCadence = string.IsNullOrWhiteSpace(reviewCadence) ? null : reviewCadence,
            Approvers = ShowModel.Split(approvers),
            Requirements = ShowModel.Split(requirements),
        }, ct);
        if (created.IsSuccess)
        {
            return Redirect($"/policies/{Uri.EscapeDataString(created.Value.Id)}");
        }

        Message = created.Error!.Message;
        Response.StatusCode = ApiErrors.StatusOf(created.Error);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Items = [.. (await policies.ListAsync(HttpContext.Account(), ct)).Select(PolicySummaryView.From)];
}
