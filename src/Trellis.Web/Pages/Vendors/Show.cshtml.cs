using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Vendors;
using Trellis.Core.Common;
using Trellis.Web.Api;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Vendors;

/// <summary>
/// <c>/vendors/{id}</c>: one vendor — assurance with its warnings, linked risks, and as a subservice organization its
/// CSOCs with the controls that monitor them — and, for admins and compliance managers, "record a review today".
/// </summary>
[Authorize(Policy = Policies.InternalRead)]
public sealed class ShowModel(VendorService vendors) : PageModel
{
    /// <summary>The vendor.</summary>
    public VendorView View { get; private set; } = null!;

    /// <summary>Today.</summary>
    public DateOnly Today => vendors.Today;

    /// <summary>True when the signed-in account may record a review.</summary>
    public bool CanReview => HttpContext.Account() is { ManagesProgram: true, Scope: null };

    /// <summary>The outcome of the last action.</summary>
    public string? Message { get; private set; }

    /// <summary>True when <see cref="Message"/> says why the last action failed.</summary>
    public bool Failed { get; private set; }

    /// <summary>Shows the vendor; 404 when there is none.</summary>
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct);

    /// <summary>Records a review done today.</summary>
    public async Task<IActionResult> OnPostReviewAsync(string id, CancellationToken ct)
    {
        var reviewed = await vendors.ReviewAsync(HttpContext.Account(), id, null, ct);
        if (reviewed.IsSuccess)
        {
            return await LoadAsync(id, ct, $"Recorded a review of {reviewed.Value.Vendor.Name} on {reviewed.Value.Vendor.LastReview:yyyy-MM-dd}.");
        }

        if (reviewed.Error!.Code == ErrorCodes.Forbidden)
        {
            return Forbid();
        }

        var page = await LoadAsync(id, ct, reviewed.Error.Message, true);
        if (page is PageResult)
        {
            Response.StatusCode = ApiErrors.StatusOf(reviewed.Error);
        }

        return page;
    }

    private async Task<IActionResult> LoadAsync(string id, CancellationToken ct, string? message = null, bool failed = false)
    {
        (Message, Failed) = (message, failed);
        var found = await vendors.GetAsync(HttpContext.Account(), id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!.Code == ErrorCodes.Forbidden ? Forbid() : NotFound();
        }

        View = found.Value;
        return Page();
    }
}
