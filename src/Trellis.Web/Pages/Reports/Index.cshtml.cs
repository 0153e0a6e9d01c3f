using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Content;
using Trellis.Core.Frameworks;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Reports;

/// <summary>Downloads: the reports auditors receive and the program as OSCAL (served by <c>/api/v1/reports</c> and <c>/api/v1/oscal</c>).</summary>
[Authorize(Policy = Policies.InternalRead)]
public sealed class IndexModel(EngagementService engagements) : PageModel
{
    /// <summary>Frameworks to choose from.</summary>
    public IReadOnlyList<Framework> Frameworks => ShippedContent.Catalog.Frameworks;

    /// <summary>Engagements with an observation window (evidence index) and all engagements (assessment results).</summary>
    public IReadOnlyList<(string Id, string Title, bool HasWindow)> Engagements { get; private set; } = [];

    /// <summary>Loads the engagements.</summary>
    public async Task OnGetAsync(CancellationToken ct) =>
        Engagements = [.. (await engagements.ListAsync(HttpContext.Account(), ct)).Select(e => (e.Value.Id, e.Value.DisplayTitle, e.Value.Window is not null))];
}
