using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Policies;
using Trellis.Core.Common;
using Trellis.Core.Policies;
using Trellis.Web.Api;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.PolicyPages;

/// <summary>
/// <c>/policies/{id}</c> (issue 17, item 4): the shown version (current published one, else the newest) as the
/// service's sanitized HTML, every version with its approvals and missing approvers, who has and who has not
/// acknowledged the current version, and the forms the account's role allows: acknowledge (anyone but an auditor, for
/// themselves), approve (a named approver; managers may record a named approver's approval), and for managers edit the
/// draft, submit, publish and start a new version. Each form calls one use case of <see cref="PolicyService"/>.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class ShowModel(PolicyService policies) : PageModel
{
    /// <summary>The policy with its acknowledgement status.</summary>
    public PolicyView View { get; private set; } = null!;

    /// <summary>The policy.</summary>
    public Policy Policy => View.Policy;

    /// <summary>Why the last form was refused, if it was.</summary>
    public string? Message { get; private set; }

    /// <summary>The signed-in account.</summary>
    public Trellis.Application.Actors.Account Me => HttpContext.Account();

    /// <summary>True when the account writes policies.</summary>
    public bool Manages => Me.ManagesProgram;

    /// <summary>True when the signed-in person has still to acknowledge the current published version.</summary>
    public bool MayAcknowledge => Policy.Current is { } c && Me.Scope is null && Me.Role != Roles.Auditor
        && !Policy.Acknowledgements.Any(a => a.Version == c.Number && string.Equals(a.Person, Me.Email, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the signed-in person is a named approver who has not yet approved <paramref name="v"/>.</summary>
    public bool MayApprove(PolicyVersion v) => v is { Status: PolicyStatus.InReview } && Me.Scope is null
        && v.PendingApprovers.Contains(Me.Email, StringComparer.OrdinalIgnoreCase);

    /// <summary>Shows the policy; 404 when the account does not see it.</summary>
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Acknowledges the current version for the signed-in person.</summary>
    public Task<IActionResult> OnPostAcknowledgeAsync(string id, CancellationToken ct) =>
        StepAsync(id, () => policies.AcknowledgeAsync(Me, id, ct), ct);

    /// <summary>Approves a version as the signed-in person, or (managers) records a named approver's approval.</summary>
    public Task<IActionResult> OnPostApproveAsync(string id, int version, string? by, CancellationToken ct) =>
        StepAsync(id, () => policies.ApproveAsync(Me, id, version, by, ct), ct);

    /// <summary>Submits a draft to the named approvers (e-mails separated by commas or spaces).</summary>
    public Task<IActionResult> OnPostSubmitAsync(string id, int version, string? approvers, CancellationToken ct) =>
        StepAsync(id, () => policies.SubmitAsync(Me, id, version, (approvers ?? "").Split([',', ' ', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), ct), ct);

    /// <summary>Publishes an approved version.</summary>
    public Task<IActionResult> OnPostPublishAsync(string id, int version, CancellationToken ct) =>
        StepAsync(id, () => policies.PublishAsync(Me, id, version, ct), ct);

    /// <summary>Replaces the draft's Markdown.</summary>
    public Task<IActionResult> OnPostEditAsync(string id, string? body, CancellationToken ct) =>
        StepAsync(id, () => policies.EditDraftAsync(Me, id, body ?? "", ct), ct);

    /// <summary>
    /// Changes the policy's details: title, owner, review cadence, mapped requirements and controls (separated by commas,
    /// spaces or lines) and, while the newest version is a draft, its approvers.
    /// </summary>
    public Task<IActionResult> OnPostDetailsAsync(
        string id, string? title, string? owner, string? reviewCadence, string? requirements, string? controls, string? approvers, CancellationToken ct) =>
        StepAsync(id, () => policies.EditAsync(Me, id, new PolicyEdit(title, owner, reviewCadence, Split(requirements), Split(controls), approvers is null ? null : Split(approvers)), ct), ct);

    /// <summary>A list typed into one field: items separated by commas, semicolons, spaces or lines.</summary>
    internal static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split([',', ' ', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Starts the next version as a draft.</summary>
    public Task<IActionResult> OnPostNewVersionAsync(string id, CancellationToken ct) =>
        StepAsync(id, () => policies.NewVersionAsync(Me, id, ct), ct);

    private async Task<IActionResult> StepAsync(string id, Func<Task<Result<Policy>>> step, CancellationToken ct)
    {
        var result = await step();
        if (result.IsSuccess)
        {
            return Redirect($"/policies/{Uri.EscapeDataString(id)}");
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Message = result.Error!.Message;
        Response.StatusCode = ApiErrors.StatusOf(result.Error);
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var found = await policies.GetAsync(Me, id, ct);
        if (!found.IsSuccess)
        {
            return false;
        }

        View = found.Value;
        return true;
    }
}
