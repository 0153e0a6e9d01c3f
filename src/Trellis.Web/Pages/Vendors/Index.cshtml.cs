using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Vendors;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Vendors;

/// <summary><c>/vendors</c>: the vendor register (issue 17, item 6) with each vendor's review and assurance standing today.</summary>
[Authorize(Policy = Policies.InternalRead)]
public sealed class IndexModel(VendorService vendors) : PageModel
{
    /// <summary>Every vendor, by ID.</summary>
    public IReadOnlyList<VendorView> Vendors { get; private set; } = [];

    /// <summary>Today.</summary>
    public DateOnly Today => vendors.Today;

    /// <summary>Lists.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await vendors.ListAsync(HttpContext.Account(), ct);
        if (!found.IsSuccess)
        {
            return Forbid();
        }

        Vendors = found.Value;
        return Page();
    }
}
