using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Web.Api;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Engagements;

/// <summary>The engagements on record (both regimes), in date order, with their rule warnings.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class IndexModel(EngagementService engagements) : PageModel
{
    /// <summary>The engagements the account sees.</summary>
    public IReadOnlyList<EngagementView> Engagements { get; private set; } = [];

    /// <summary>True when the account may plan and record engagements.</summary>
    public bool CanEdit => HttpContext.Account().ManagesProgram;

    /// <summary>Today.</summary>
    public DateOnly Today => engagements.Today;

    /// <summary>Loads the list.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Engagements = [.. (await engagements.ListWithWarningsAsync(HttpContext.Account(), ct)).Select(e => EngagementView.From(e.Engagement.Value, e.Warnings))];
    }
}
