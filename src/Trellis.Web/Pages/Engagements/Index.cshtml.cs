using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Web.Api;
using Trellis.Web.Auth;
using Trellis.Web.Compliance;

namespace Trellis.Web.Pages.Engagements;

/// <summary>The engagements on record (both regimes), in date order, with their rule warnings.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class IndexModel(EngagementService engagements) : PageModel
{
    /// <summary>The engagements the account sees.</summary>
    public IReadOnlyList<EngagementView> Engagements { get; private set; } = [];

    /// <summary>Today.</summary>
    public DateOnly Today => engagements.Today;

    /// <summary>Loads the list.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var account = HttpContext.Account();
        var views = new List<EngagementView>();
        foreach (var e in await engagements.ListAsync(account, ct))
        {
            views.Add(EngagementView.From(e.Value, await engagements.WarningsAsync(account, e.Value, ct)));
        }

        Engagements = views;
    }
}
