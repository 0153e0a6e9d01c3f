using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Catalogs;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Web.Auth;
using Trellis.Web.Pages.Shared;

namespace Trellis.Web.Pages.Crosswalk;

/// <summary>
/// The crosswalk explorer: two frameworks side by side, one page of links at a time, filtered by relationship, origin and
/// least strength, each with its relationship and strength and, folded in a details element, its rationale and citations.
/// </summary>
[Authorize(Policy = Policies.CatalogRead)]
public sealed class IndexModel(FrameworkLibrary library) : PageModel
{
    /// <summary>Left framework.</summary>
    [BindProperty(SupportsGet = true)]
    public string From { get; set; } = FrameworkIds.Iso27001v2022;

    /// <summary>Right framework.</summary>
    [BindProperty(SupportsGet = true)]
    public string To { get; set; } = FrameworkIds.Soc2v2017;

    /// <summary>Relationship filter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Relationship { get; set; }

    /// <summary>Origin filter (curated, inverted, inferred).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Origin { get; set; }

    /// <summary>Least strength shown (1–10), or null for every link.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Strength { get; set; }

    /// <summary>Requirement ID contains (either side).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The paging of the links (<c>?page</c>, <c>?pageSize</c>, default 50).</summary>
    public ListRequest List { get; private set; } = null!;

    /// <summary>Include inferred links.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Inferred { get; set; }

    /// <summary>Frameworks the account sees.</summary>
    public IReadOnlyList<Framework> Frameworks { get; private set; } = [];

    /// <summary>The links of the page shown.</summary>
    public IReadOnlyList<MappingLink> Links { get; private set; } = [];

    private FrameworkCatalog? _catalog;

    /// <summary>Requirement titles by framework and ID.</summary>
    public string? TitleOf(RequirementRef? r) => r is { } x && _catalog?.Framework(x.Framework) is { IsSuccess: true } f ? f.Value.Find(x.Requirement)?.Title : null;

    /// <summary>Computes the links.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        List = ListRequest.From(Request);
        var account = HttpContext.Account();
        var engine = await library.EngineAsync(ct);
        _catalog = engine.Catalog;
        Frameworks = [.. engine.Catalog.Frameworks.Where(f => account.SeesFramework(f.Id))];
        if (!Frameworks.Any(f => f.Id == From) || !Frameworks.Any(f => f.Id == To))
        {
            return Frameworks.Count >= 2 ? RedirectToPage(new { From = Frameworks[0].Id, To = Frameworks[1].Id }) : Page();
        }

        // The crosswalk is catalog content held in memory by the engine: it is filtered and paged here, not in the database.
        var q = Q?.Trim();
        var all = (Inferred || Origin == "inferred" ? engine.All(From, To) : engine.Direct(From, To))
            .Where(l => Relationship is null || l.Relationship.ToWire() == Relationship)
            .Where(l => Origin is null || l.Origin.ToWire() == Origin)
            .Where(l => Strength is null || l.Strength >= Strength)
            .Where(l => string.IsNullOrEmpty(q) || l.From.Requirement.Contains(q, StringComparison.OrdinalIgnoreCase) || (l.To?.Requirement.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false))
            .ToList();
        List.Total = all.Count;
        Links = [.. all.Skip(List.Window.Skip).Take(List.Window.PageSize)];
        return Page();
    }
}
