using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Web.Api;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Engagements;

/// <summary>One engagement: its dates and warnings, the operation ledger over its window, and its findings.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class ShowModel(EngagementService engagements) : PageModel
{
    /// <summary>The engagement.</summary>
    public EngagementView Engagement { get; private set; } = null!;

    /// <summary>The ledger, when the engagement has a window.</summary>
    public LedgerView? Ledger { get; private set; }

    /// <summary>Why there is no ledger.</summary>
    public string? NoLedger { get; private set; }

    /// <summary>Findings raised in it.</summary>
    public IReadOnlyList<FindingView> Findings { get; private set; } = [];

    /// <summary>True when an auditor looks (their portal: the scope is spelled out).</summary>
    public bool Auditor { get; private set; }

    /// <summary>Show only controls with missing occurrences.</summary>
    [BindProperty(SupportsGet = true)]
    public bool MissingOnly { get; set; }

    /// <summary>Loads the engagement; 404 when the account does not see it.</summary>
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var account = HttpContext.Account();
        Auditor = account.Role == Roles.Auditor;
        var found = await engagements.GetWithWarningsAsync(account, id, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        Engagement = EngagementView.From(found.Value.Engagement.Value, found.Value.Warnings);
        var ledger = await engagements.LedgerAsync(account, found.Value.Engagement.Value, ct);
        if (ledger.IsSuccess)
        {
            Ledger = LedgerView.From(ledger.Value);
        }
        else
        {
            NoLedger = ledger.Error!.Message;
        }

        Findings = [.. (await engagements.FindingsAsync(account, id, ct)).Select(f => FindingView.From(f, engagements.Today))];
        return Page();
    }
}
