using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Web.Api;
using Trellis.Web.Auth;
using Trellis.Web.Pages.Shared;

namespace Trellis.Web.Pages.Requests;

/// <summary>The PBC request list: each control's evidence asked once for every engagement that wants it.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class IndexModel(EngagementService engagements) : PageModel
{
    /// <summary>Only this engagement's requests, when set.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Engagement { get; set; }

    /// <summary>Only requests in this status (answered, stale, missing), when set.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>Control ID or title contains, when set.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The paging (<c>?page</c>, <c>?pageSize</c>, default 50).</summary>
    public ListRequest List { get; private set; } = null!;

    /// <summary>The engagements to filter by.</summary>
    public IReadOnlyList<string> EngagementIds { get; private set; } = [];

    /// <summary>The requests of the page shown.</summary>
    public IReadOnlyList<RequestView> Requests { get; private set; } = [];

    /// <summary>The requests auditors raised in the engagements shown.</summary>
    public IReadOnlyList<AuditRequestView> Raised { get; private set; } = [];

    /// <summary>Counts per status before the status filter.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    /// <summary>Loads the list; 404 for an engagement the account does not see.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        List = ListRequest.From(Request);
        var account = HttpContext.Account();
        EngagementIds = [.. (await engagements.ListAsync(account, ct)).Where(e => e.Value.Window is not null).Select(e => e.Value.Id)];
        var requests = await engagements.RequestsAsync(account, string.IsNullOrEmpty(Engagement) ? null : Engagement, ct);
        if (!requests.IsSuccess)
        {
            return NotFound();
        }

        var raised = await engagements.StoredRequestsAsync(account, string.IsNullOrEmpty(Engagement) ? null : Engagement, ct);
        Raised = raised.IsSuccess ? [.. raised.Value.Select(r => AuditRequestView.From(r.Value, engagements.Today))] : [];
        var all = requests.Value.Select(RequestView.From).ToList();
        Counts = all.GroupBy(r => r.Status, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // Requests are derived from the ledgers of the engagements (program + windows), in memory: filtered and paged here.
        var q = Q?.Trim();
        var shown = all.Where(r => string.IsNullOrEmpty(Status) || r.Status == Status)
            .Where(r => string.IsNullOrEmpty(q) || r.Control.Contains(q, StringComparison.OrdinalIgnoreCase) || r.Title.Contains(q, StringComparison.OrdinalIgnoreCase))
            .ToList();
        List.Total = shown.Count;
        Requests = [.. shown.Skip(List.Window.Skip).Take(List.Window.PageSize)];
        return Page();
    }
}
