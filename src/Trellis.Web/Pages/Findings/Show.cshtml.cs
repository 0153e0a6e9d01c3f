using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Engagements;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Findings;

/// <summary>
/// <c>/findings/{id}</c>: one finding with its corrective actions, history and effectiveness reviews, and (admins and
/// compliance managers) the forms of the lifecycle steps open to it (ISO/IEC 27001:2022 10.2), each with If-Match on
/// the version read.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class ShowModel(EngagementService engagements) : PageModel
{
    /// <summary>Corrective action rows offered by the plan form.</summary>
    private const int ActionRows = 3;

    /// <summary>The step to take: plan-actions, complete-action, resolve, verify or close.</summary>
    [BindProperty]
    public string? Step { get; set; }

    /// <summary>Root cause (plan-actions).</summary>
    [BindProperty]
    public string? RootCause { get; set; }

    /// <summary>Corrective actions (plan-actions); rows without a description are dropped.</summary>
    [BindProperty]
    public List<ActionInput> Actions { get; set; } = [];

    /// <summary>The action completed (complete-action).</summary>
    [BindProperty]
    public string? ActionId { get; set; }

    /// <summary>The verdict (verify).</summary>
    [BindProperty]
    public bool Effective { get; set; }

    /// <summary>Notes (verify, close).</summary>
    [BindProperty]
    public string? Notes { get; set; }

    /// <summary>The version the form was read at.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>The finding.</summary>
    public Finding Finding { get; private set; } = null!;

    /// <summary>Statuses it can move to.</summary>
    public IReadOnlyList<FindingStatus> Next { get; private set; } = [];

    /// <summary>Today.</summary>
    public DateOnly Today => engagements.Today;

    /// <summary>True when the account may move it.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>Why the step failed.</summary>
    public string? Message { get; private set; }

    /// <summary>Shows the finding.</summary>
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Takes one lifecycle step.</summary>
    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var step = new FindingStepRequest(
            Step ?? "", RootCause,
            [.. Actions.Where(a => !string.IsNullOrWhiteSpace(a.Description))
                .Select((a, i) => new CorrectiveActionRequest(string.IsNullOrWhiteSpace(a.Id) ? $"CA-{i + 1}" : a.Id.Trim(), a.Description!.Trim(), a.Owner?.Trim() ?? "", a.Due ?? Today))],
            ActionId, Effective, Notes);
        var saved = await engagements.AdvanceFindingAsync(HttpContext.Account(), id, step, Version, ct);
        if (saved.IsSuccess)
        {
            return Redirect($"/findings/{Uri.EscapeDataString(id)}");
        }

        if (saved.Error!.Code == ErrorCodes.Forbidden)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Message = saved.Error.Code == ErrorCodes.ConcurrencyConflict ? "Someone changed this finding meanwhile: reload and take the step again." : saved.Error.Message;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var account = HttpContext.Account();
        var found = (await engagements.VersionedFindingsAsync(account, ct)).FirstOrDefault(f => f.Value.Id == id);
        if (found is null)
        {
            return false;
        }

        (Finding, Version, CanEdit) = (found.Value, found.Version, account.ManagesProgram);
        Next = FindingLifecycle.NextSteps(Finding);
        Actions = [.. Enumerable.Range(1, ActionRows).Select(i => new ActionInput { Id = $"CA-{i}" })];
        return true;
    }

    /// <summary>One corrective action row of the plan form.</summary>
    public sealed class ActionInput
    {
        /// <summary>Action ID.</summary>
        public string? Id { get; set; }

        /// <summary>What will be done.</summary>
        public string? Description { get; set; }

        /// <summary>Who is accountable.</summary>
        public string? Owner { get; set; }

        /// <summary>By when.</summary>
        public DateOnly? Due { get; set; }
    }
}
