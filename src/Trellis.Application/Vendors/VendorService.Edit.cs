using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Core.Vendors;

namespace Trellis.Application.Vendors;

/// <summary>Creating and editing a vendor, its assurance and its subservice role (forms, API, <c>trellis vendors add</c>).</summary>
public sealed partial class VendorService
{
    /// <summary>Adds a new vendor (refused when the ID is taken). Audited as <c>vendor.add</c>.</summary>
    public async Task<Result<VendorView>> AddAsync(Account account, Vendor vendor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        if (RefuseWrite(account) is { } no)
        {
            return no;
        }

        if ((await store.VendorsAsync(ct)).Any(v => string.Equals(v.Id, vendor.Id, StringComparison.OrdinalIgnoreCase)))
        {
            return new Error(ErrorCodes.DuplicateId, $"vendor '{vendor.Id}' is already in the register: edit it instead", "id");
        }

        return await SaveAsync(account, vendor, "vendor.add", ct);
    }

    /// <summary>
    /// Replaces a vendor's fields (the ID stays; a different ID in the body is refused). The last review is kept when
    /// the edit gives none: reviews are recorded with <see cref="ReviewAsync"/>. Audited as <c>vendor.update</c>.
    /// </summary>
    public async Task<Result<VendorView>> EditAsync(Account account, string id, Vendor vendor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        var found = await FindForWriteAsync(account, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (vendor.Id.Length > 0 && !string.Equals(vendor.Id, found.Value.Id, StringComparison.Ordinal))
        {
            return new Error(ErrorCodes.InvalidVendor, $"the vendor ID '{found.Value.Id}' cannot change to '{vendor.Id}'", "id");
        }

        return await SaveAsync(account, vendor with { Id = found.Value.Id, LastReview = vendor.LastReview ?? found.Value.LastReview }, "vendor.update", ct);
    }

    /// <summary>
    /// Records the assurance a vendor gave: its SOC 2 report (type, period, opinion) and ISO/IEC 27001 certificate
    /// (number, expiry); null clears one. Audited as <c>vendor.assurance</c>.
    /// </summary>
    public async Task<Result<VendorView>> RecordAssuranceAsync(Account account, string id, Soc2Assurance? soc2, IsoCertificateAssurance? iso, CancellationToken ct)
    {
        var found = await FindForWriteAsync(account, id, ct);
        return found.IsSuccess ? await SaveAsync(account, found.Value with { Soc2 = soc2, Iso27001 = iso }, "vendor.assurance", ct) : found.Error!;
    }

    /// <summary>
    /// Marks the vendor a subservice organization of the SOC 2 system (carve-out or inclusive) with its CSOCs, each
    /// naming the program's controls that monitor it; null means it is not one. Audited as <c>vendor.subservice</c>.
    /// </summary>
    public async Task<Result<VendorView>> SetSubserviceAsync(Account account, string id, VendorSubservice? subservice, CancellationToken ct)
    {
        var found = await FindForWriteAsync(account, id, ct);
        return found.IsSuccess ? await SaveAsync(account, found.Value with { Subservice = subservice }, "vendor.subservice", ct) : found.Error!;
    }

    private async Task<Result<Vendor>> FindForWriteAsync(Account account, string id, CancellationToken ct)
    {
        if (RefuseWrite(account) is { } no)
        {
            return no;
        }

        var vendor = (await store.VendorsAsync(ct)).FirstOrDefault(v => string.Equals(v.Id, id, StringComparison.Ordinal));
        return vendor is null ? new Error(ErrorCodes.UnknownVendor, $"no vendor '{id}'", "id") : vendor;
    }
}
