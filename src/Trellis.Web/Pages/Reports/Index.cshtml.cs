using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Catalogs;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Frameworks;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Reports;

/// <summary>Downloads: the reports auditors receive and the program as OSCAL (served by <c>/api/v1/reports</c> and <c>/api/v1/oscal</c>).</summary>
[Authorize(Policy = Policies.InternalRead)]
public sealed class IndexModel(EngagementService engagements, FrameworkLibrary library) : PageModel
{
    /// <summary>Frameworks to choose from.</summary>
    public IReadOnlyList<Framework> Frameworks { get; private set; } = [];

    /// <summary>Engagements with an observation window (evidence index) and all engagements (assessment results).</summary>
    public IReadOnlyList<(string Id, string Title, bool HasWindow)> Engagements { get; private set; } = [];

    /// <summary>Loads the frameworks (shipped and imported) and the engagements.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Frameworks = (await library.CatalogAsync(ct)).Frameworks;
        Engagements = [.. (await engagements.ListAsync(HttpContext.Account(), ct)).Select(e => (e.Value.Id, e.Value.DisplayTitle, e.Value.Window is not null))];
    }
}
