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

    /// <summary>True when the signed-in account may add vendors.</summary>
    public bool CanEdit => HttpContext.Account() is { ManagesProgram: true, Scope: null };

    /// <summary>The outcome of the last action.</summary>
    public string? Message { get; private set; }

    /// <summary>True when <see cref="Message"/> says why the last action failed.</summary>
    public bool Failed { get; private set; }

    /// <summary>Lists.</summary>
    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ListAsync(ct);

    /// <summary>Adds a vendor (its assurance and subservice role are recorded on its page).</summary>
    public async Task<IActionResult> OnPostAddAsync(VendorForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var vendor = form.ToVendor(null);
        var added = vendor.IsSuccess ? await vendors.AddAsync(HttpContext.Account(), vendor.Value, ct) : vendor.Error!;
        if (added.IsSuccess)
        {
            (Message, Failed) = ($"Added {added.Value.Vendor.Id} {added.Value.Vendor.Name}.", false);
            return await ListAsync(ct);
        }

        if (added.Error!.Code == Core.Common.ErrorCodes.Forbidden)
        {
            return Forbid();
        }

        (Message, Failed) = (added.Error.Location is { } at ? $"{at}: {added.Error.Message}" : added.Error.Message, true);
        var page = await ListAsync(ct);
        if (page is PageResult)
        {
            Response.StatusCode = Api.ApiErrors.StatusOf(added.Error);
        }

        return page;
    }

    private async Task<IActionResult> ListAsync(CancellationToken ct)
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
