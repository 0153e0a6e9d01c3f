using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Catalogs;
using Trellis.Core.Frameworks;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Frameworks;

/// <summary>The framework browser: every framework, or one with its requirements.</summary>
[Authorize(Policy = Policies.CatalogRead)]
public sealed class IndexModel(FrameworkLibrary library) : PageModel
{
    /// <summary>Frameworks the account sees.</summary>
    public IReadOnlyList<Framework> Frameworks { get; private set; } = [];

    /// <summary>The framework shown, when one is chosen.</summary>
    public Framework? Selected { get; private set; }

    /// <summary>Lists, or shows one framework.</summary>
    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        var account = HttpContext.Account();
        Frameworks = [.. (await library.CatalogAsync(ct)).Frameworks.Where(f => account.SeesFramework(f.Id))];
        if (id is not null)
        {
            Selected = Frameworks.FirstOrDefault(f => f.Id == id);
            if (Selected is null)
            {
                return NotFound();
            }
        }

        return Page();
    }
}
