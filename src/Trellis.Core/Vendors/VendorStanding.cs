using System.Globalization;
using Trellis.Core.Common;
using Trellis.Core.Program;

namespace Trellis.Core.Vendors;

/// <summary>One thing wrong, or about to be, with a vendor.</summary>
/// <param name="Kind">One of the <see cref="VendorStanding"/> kind constants.</param>
/// <param name="VendorId">The vendor.</param>
/// <param name="Text">One line naming the vendor and the day.</param>
/// <param name="On">The day that matters (due, expired, expiring).</param>
public sealed record VendorWarning(string Kind, string VendorId, string Text, DateOnly? On)
{
    /// <summary>True for an exception (overdue or expired, or an opinion other than unqualified); false for an early warning.</summary>
    public bool IsException => Kind is VendorStanding.ReviewOverdue or VendorStanding.Soc2Expired or VendorStanding.IsoExpired or VendorStanding.Soc2Modified;
}

/// <summary>
/// Where a vendor stands on a day (A.5.22 monitoring and review of supplier services, CC9.2 vendor risk):
/// its review is due <see cref="ReviewDue"/> (the last review plus its cadence; never reviewed = due now) and overdue
/// after that day; a SOC 2 report is expired once more than 12 months have passed since its period end (the
/// usual bridge: a report whose period ended more than a year ago no longer speaks for the vendor's controls); an
/// ISO certificate is expired after its expiry day; both warn <see cref="ExpiringDays"/> days ahead.
/// </summary>
public static class VendorStanding
{
    /// <summary>Kind: review past its due day.</summary>
    public const string ReviewOverdue = "vendor-review-overdue";

    /// <summary>Kind: review due within <see cref="ExpiringDays"/> days.</summary>
    public const string ReviewDueSoon = "vendor-review-due";

    /// <summary>Kind: SOC 2 report older than 12 months after its period end.</summary>
    public const string Soc2Expired = "soc2-report-expired";

    /// <summary>Kind: the SOC 2 opinion is qualified, adverse or a disclaimer.</summary>
    public const string Soc2Modified = "soc2-opinion-modified";

    /// <summary>Kind: ISO certificate past its expiry.</summary>
    public const string IsoExpired = "iso-certificate-expired";

    /// <summary>Kind: a SOC 2 report or ISO certificate expires within <see cref="ExpiringDays"/> days.</summary>
    public const string AssuranceExpiring = "assurance-expiring";

    /// <summary>Early warnings start this many days ahead: 60.</summary>
    public const int ExpiringDays = 60;

    /// <summary>Months a SOC 2 report counts after its period end: 12.</summary>
    public const int Soc2ValidMonths = 12;

    /// <summary>The cadences a review may have.</summary>
    public static IReadOnlyList<Cadence> ReviewCadences { get; } = [Cadence.Monthly, Cadence.Quarterly, Cadence.SemiAnnual, Cadence.Annual];

    /// <summary>Day the next review is due: the last review plus the cadence; null (due now) when never reviewed.</summary>
    public static DateOnly? ReviewDue(Vendor vendor)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        return vendor.LastReview?.AddMonths(vendor.ReviewCadence switch
        {
            Cadence.Monthly => 1,
            Cadence.Quarterly => 3,
            Cadence.SemiAnnual => 6,
            _ => 12,
        });
    }

    /// <summary>The last day a SOC 2 report counts: its period end plus <see cref="Soc2ValidMonths"/> months.</summary>
    public static DateOnly Soc2ValidUntil(Soc2Assurance report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.PeriodEnd.AddMonths(Soc2ValidMonths);
    }

    /// <summary>Everything wrong or about to be with the vendor on <paramref name="today"/>, exceptions first.</summary>
    public static IReadOnlyList<VendorWarning> Warnings(Vendor vendor, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        var list = new List<VendorWarning>();
        var soon = today.AddDays(ExpiringDays);
        var due = ReviewDue(vendor);
        if (due is null)
        {
            list.Add(new(ReviewOverdue, vendor.Id, $"{vendor.Name}: never reviewed", null));
        }
        else if (due < today)
        {
            list.Add(new(ReviewOverdue, vendor.Id, $"{vendor.Name}: review was due {D(due.Value)}", due));
        }
        else if (due <= soon)
        {
            list.Add(new(ReviewDueSoon, vendor.Id, $"{vendor.Name}: review due {D(due.Value)}", due));
        }

        if (vendor.Soc2 is { } soc2)
        {
            var until = Soc2ValidUntil(soc2);
            if (until < today)
            {
                list.Add(new(Soc2Expired, vendor.Id, $"{vendor.Name}: SOC 2 report for the period ending {D(soc2.PeriodEnd)} expired {D(until)} (more than {Soc2ValidMonths} months after its period)", until));
            }
            else if (until <= soon)
            {
                list.Add(new(AssuranceExpiring, vendor.Id, $"{vendor.Name}: SOC 2 report expires {D(until)}", until));
            }

            if (soc2.Opinion != AuditOpinion.Unqualified)
            {
                list.Add(new(Soc2Modified, vendor.Id, $"{vendor.Name}: SOC 2 opinion is {soc2.Opinion.ToWire()}", soc2.PeriodEnd));
            }
        }

        if (vendor.Iso27001 is { } iso)
        {
            if (iso.Expiry < today)
            {
                list.Add(new(IsoExpired, vendor.Id, $"{vendor.Name}: ISO 27001 certificate {iso.Number} expired {D(iso.Expiry)}", iso.Expiry));
            }
            else if (iso.Expiry <= soon)
            {
                list.Add(new(AssuranceExpiring, vendor.Id, $"{vendor.Name}: ISO 27001 certificate {iso.Number} expires {D(iso.Expiry)}", iso.Expiry));
            }
        }

        return [.. list.OrderBy(w => w.IsException ? 0 : 1)];
    }

    /// <summary>
    /// Checks a vendor as any way in must (form, API, program.yaml): ID form, name, a review cadence of
    /// <see cref="ReviewCadences"/>, period start not after its end, CSOCs described. Control and risk IDs are checked by
    /// the caller against the program.
    /// </summary>
    public static Error? Validate(Vendor vendor)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        if (vendor.Id.Length is 0 or > 64 || !vendor.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return Invalid($"vendor ID '{vendor.Id}' must be 1 to 64 letters, digits, '-', '_' or '.'", "id");
        }

        if (vendor.Name.Trim().Length is 0 or > 200)
        {
            return Invalid($"vendor {vendor.Id} needs a name (at most 200 characters)", "name");
        }

        foreach (var (text, field) in new[] { (vendor.Service, "service"), (vendor.DataShared, "dataShared"), (vendor.Owner, "owner") })
        {
            if (text.Length > 2000 || text.Any(char.IsControl))
            {
                return Invalid($"vendor {vendor.Id}: {field} is longer than 2000 characters or holds control characters", field);
            }
        }

        if (!ReviewCadences.Contains(vendor.ReviewCadence))
        {
            return Invalid($"vendor {vendor.Id}: review cadence must be one of {string.Join(", ", ReviewCadences.Select(c => c.ToWire()))}", "reviewCadence");
        }

        if (vendor.Soc2 is { } s && s.PeriodStart > s.PeriodEnd)
        {
            return Invalid($"vendor {vendor.Id}: the SOC 2 period starts after it ends", "soc2.periodStart");
        }

        if (vendor.Iso27001 is { } i && i.Number.Trim().Length is 0 or > 100)
        {
            return Invalid($"vendor {vendor.Id}: give the ISO 27001 certificate number (at most 100 characters)", "iso27001.number");
        }

        if (vendor.Subservice is { } sub)
        {
            for (var k = 0; k < sub.Controls.Count; k++)
            {
                if (sub.Controls[k].Description.Trim().Length is 0 or > 2000)
                {
                    return Invalid($"vendor {vendor.Id}: CSOC {k + 1} needs a description (at most 2000 characters)", $"subservice.controls[{k}].description");
                }
            }
        }

        return null;
    }

    private static Error Invalid(string message, string field) => new(ErrorCodes.InvalidVendor, message, field);

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
