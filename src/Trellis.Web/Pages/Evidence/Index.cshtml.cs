using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Evidence;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Evidence;

/// <summary>Evidence items, newest effective first (auditors: inside their window only).</summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class IndexModel(ProgramService program) : PageModel
{
    /// <summary>The items.</summary>
    public IReadOnlyList<EvidenceItem> Items { get; private set; } = [];

    /// <summary>True when the account may upload.</summary>
    public bool CanUpload { get; private set; }

    /// <summary>Loads the list.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = [.. (await program.EvidenceAsync(HttpContext.Account(), ct)).OrderByDescending(e => e.Current.EffectiveEnd).ThenBy(e => e.Id, StringComparer.Ordinal)];
        CanUpload = HttpContext.Account().Role is Roles.Admin or Roles.ComplianceManager or Roles.ControlOwner;
    }
}
