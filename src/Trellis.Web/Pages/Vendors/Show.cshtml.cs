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
/// CSOCs with the controls that monitor them — and, for admins and compliance managers, "record a review today" and the
/// forms that edit the vendor, record its assurance and mark it a subservice organization.
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

    /// <summary>Saves the vendor's own fields (assurance, risks, subservice role and last review kept).</summary>
    public async Task<IActionResult> OnPostEditAsync(string id, VendorForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var before = await vendors.GetAsync(HttpContext.Account(), id, ct);
        if (!before.IsSuccess)
        {
            return await ReplyAsync(id, before, "", ct);
        }

        form.Id = id;
        var vendor = form.ToVendor(before.Value.Vendor);
        return vendor.IsSuccess
            ? await ReplyAsync(id, await vendors.EditAsync(HttpContext.Account(), id, vendor.Value, ct), "Saved the vendor.", ct)
            : await ReplyAsync<VendorView>(id, vendor.Error!, "", ct);
    }

    /// <summary>Records the vendor's SOC 2 report and ISO certificate (an empty part clears it).</summary>
    public async Task<IActionResult> OnPostAssuranceAsync(string id, AssuranceForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var parsed = form.Parse();
        return parsed.IsSuccess
            ? await ReplyAsync(id, await vendors.RecordAssuranceAsync(HttpContext.Account(), id, parsed.Value.Soc2, parsed.Value.Iso, ct), "Recorded the assurance.", ct)
            : await ReplyAsync<VendorView>(id, parsed.Error!, "", ct);
    }

    /// <summary>Marks the vendor a carve-out or inclusive subservice organization with its CSOCs (empty method: not one).</summary>
    public async Task<IActionResult> OnPostSubserviceAsync(string id, SubserviceForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var parsed = form.Parse();
        return parsed.IsSuccess
            ? await ReplyAsync(id, await vendors.SetSubserviceAsync(HttpContext.Account(), id, parsed.Value, ct), "Saved the subservice organization.", ct)
            : await ReplyAsync<VendorView>(id, parsed.Error!, "", ct);
    }

    private async Task<IActionResult> ReplyAsync<T>(string id, Result<T> result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            return await LoadAsync(id, ct, done);
        }

        if (result.Error!.Code == ErrorCodes.Forbidden)
        {
            return Forbid();
        }

        var page = await LoadAsync(id, ct, result.Error.Location is { } at ? $"{at}: {result.Error.Message}" : result.Error.Message, true);
        if (page is PageResult)
        {
            Response.StatusCode = ApiErrors.StatusOf(result.Error);
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
