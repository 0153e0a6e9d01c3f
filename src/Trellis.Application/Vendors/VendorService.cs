using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.Vendors;
using Trellis.Data;

namespace Trellis.Application.Vendors;

/// <summary>A vendor as the register shows it on a day: the record, its next review day and its warnings.</summary>
/// <param name="Vendor">The record.</param>
/// <param name="ReviewDue">Day the next review is due; null when never reviewed (due now).</param>
/// <param name="Warnings">What is wrong or about to be, exceptions first.</param>
public sealed record VendorView(Vendor Vendor, DateOnly? ReviewDue, IReadOnlyList<VendorWarning> Warnings);

/// <summary>
/// The vendor register and its subservice organizations (issue 17, item 6; ISO/IEC 27001 A.5.19–A.5.23, SOC 2 CC9.2).
/// Everyone but auditors reads it (it holds no personal data); compliance managers and admins change it. Every write
/// is one transaction with its audit entry.
/// </summary>
public sealed partial class VendorService(ProgramService program, ProgramStore store, TimeProvider clock)
{
    /// <summary>The requirements a vendor's standing speaks to: its exceptions show on these in readiness.</summary>
    public static IReadOnlyList<string> Requirements { get; } = ["CC9.2", "A.5.19", "A.5.22"];

    /// <summary>Today's date (UTC) from the injected clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Every vendor, by ID, with its standing today.</summary>
    public async Task<Result<IReadOnlyList<VendorView>>> ListAsync(Account account, CancellationToken ct)
    {
        if (RefuseRead(account) is { } no)
        {
            return no;
        }

        var today = Today;
        return Result<IReadOnlyList<VendorView>>.Ok([.. (await store.VendorsAsync(ct)).Select(v => View(v, today))]);
    }

    /// <summary>One vendor.</summary>
    public async Task<Result<VendorView>> GetAsync(Account account, string id, CancellationToken ct)
    {
        if (RefuseRead(account) is { } no)
        {
            return no;
        }

        var vendor = (await store.VendorsAsync(ct)).FirstOrDefault(v => string.Equals(v.Id, id, StringComparison.Ordinal));
        return vendor is null ? new Error(ErrorCodes.UnknownVendor, $"no vendor '{id}'", "id") : View(vendor, Today);
    }

    /// <summary>Every vendor exception today (overdue review, expired or modified assurance), for readiness and the dashboard.</summary>
    public async Task<IReadOnlyList<VendorWarning>> ExceptionsAsync(Account account, CancellationToken ct)
    {
        var list = await ListAsync(account, ct);
        return list.IsSuccess ? [.. list.Value.SelectMany(v => v.Warnings).Where(w => w.IsException)] : [];
    }

    /// <summary>
    /// Adds or replaces a vendor after <see cref="VendorStanding.Validate"/> and a check that its risks and the controls
    /// monitoring its CSOCs exist in the program.
    /// </summary>
    public Task<Result<VendorView>> SaveAsync(Account account, Vendor vendor, CancellationToken ct) => SaveAsync(account, vendor, null, ct);

    private async Task<Result<VendorView>> SaveAsync(Account account, Vendor vendor, string? action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        if (RefuseWrite(account) is { } no)
        {
            return no;
        }

        var cleaned = vendor with { Name = vendor.Name.Trim(), Owner = vendor.Owner.Trim(), RiskIds = [.. vendor.RiskIds.Select(r => r.Trim()).Distinct()] };
        if (VendorStanding.Validate(cleaned) is { } bad)
        {
            return bad;
        }

        var p = await program.LoadAsync(ct);
        if (cleaned.RiskIds.FirstOrDefault(r => p.Risks.All(x => x.Id != r)) is { } risk)
        {
            return new Error(ErrorCodes.InvalidVendor, $"vendor {cleaned.Id}: no risk '{risk}' in the register", "riskIds");
        }

        var controls = cleaned.Subservice?.Controls.SelectMany(c => c.MonitoredBy) ?? [];
        if (controls.FirstOrDefault(c => p.Controls.All(x => x.Id != c)) is { } control)
        {
            return new Error(ErrorCodes.InvalidVendor, $"vendor {cleaned.Id}: a CSOC is monitored by '{control}', which is no control of the program", "subservice.controls");
        }

        var existed = (await store.VendorsAsync(ct)).Any(v => v.Id == cleaned.Id);
        await store.SaveVendorAsync(AuditRecords.Of(clock, account, action ?? (existed ? "vendor.update" : "vendor.add"), $"vendors/{cleaned.Id}", cleaned), cleaned, ct);
        return View(cleaned, Today);
    }

    /// <summary>Records a review done on <paramref name="on"/> (default today; not in the future, not before the last one).</summary>
    public async Task<Result<VendorView>> ReviewAsync(Account account, string id, DateOnly? on, CancellationToken ct)
    {
        if (RefuseWrite(account) is { } no)
        {
            return no;
        }

        var found = await GetAsync(account, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var day = on ?? Today;
        var vendor = found.Value.Vendor;
        if (day > Today || (vendor.LastReview is { } last && day < last))
        {
            return new Error(ErrorCodes.InvalidVendor, $"a review is recorded for a day from the last review ({(vendor.LastReview is { } l ? CalendarDates.Format(l) : "none")}) to today, not {CalendarDates.Format(day)}", "on");
        }

        var saved = vendor with { LastReview = day };
        await store.SaveVendorAsync(AuditRecords.Of(clock, account, "vendor.review", $"vendors/{vendor.Id}", new { on = day }), saved, ct);
        return View(saved, Today);
    }

    /// <summary>Removes a vendor from the register.</summary>
    public async Task<Result<string>> DeleteAsync(Account account, string id, CancellationToken ct)
    {
        if (RefuseWrite(account) is { } no)
        {
            return no;
        }

        return await store.DeleteVendorAsync(AuditRecords.Of(clock, account, "vendor.delete", $"vendors/{id}", null), id, ct)
            ? id
            : new Error(ErrorCodes.UnknownVendor, $"no vendor '{id}'", "id");
    }

    private static VendorView View(Vendor v, DateOnly today) => new(v, VendorStanding.ReviewDue(v), VendorStanding.Warnings(v, today));

    private static Error? RefuseRead(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Scope is null ? null : new Error(ErrorCodes.Forbidden, "the vendor register is the program's internal record; an auditor's engagement has none");
    }

    private static Error? RefuseWrite(Account account) =>
        RefuseRead(account) ?? (account.ManagesProgram ? null : new Error(ErrorCodes.Forbidden, "only admins and compliance managers change the vendor register"));
}
