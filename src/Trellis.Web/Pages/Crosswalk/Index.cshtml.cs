using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Catalogs;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Crosswalk;

/// <summary>The crosswalk explorer: two frameworks side by side, every link with its relationship, rationale and source.</summary>
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

    /// <summary>Include inferred links.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Inferred { get; set; }

    /// <summary>Frameworks the account sees.</summary>
    public IReadOnlyList<Framework> Frameworks { get; private set; } = [];

    /// <summary>The links shown.</summary>
    public IReadOnlyList<MappingLink> Links { get; private set; } = [];

    private FrameworkCatalog? _catalog;

    /// <summary>Requirement titles by framework and ID.</summary>
    public string? TitleOf(RequirementRef? r) => r is { } x && _catalog?.Framework(x.Framework) is { IsSuccess: true } f ? f.Value.Find(x.Requirement)?.Title : null;

    /// <summary>Computes the links.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var account = HttpContext.Account();
        var engine = await library.EngineAsync(ct);
        _catalog = engine.Catalog;
        Frameworks = [.. engine.Catalog.Frameworks.Where(f => account.SeesFramework(f.Id))];
        if (!Frameworks.Any(f => f.Id == From) || !Frameworks.Any(f => f.Id == To))
        {
            return Frameworks.Count >= 2 ? RedirectToPage(new { From = Frameworks[0].Id, To = Frameworks[1].Id }) : Page();
        }

        Links = [.. (Inferred || Origin == "inferred" ? engine.All(From, To) : engine.Direct(From, To))
            .Where(l => Relationship is null || l.Relationship.ToWire() == Relationship)
            .Where(l => Origin is null || l.Origin.ToWire() == Origin)];
        return Page();
    }
}
