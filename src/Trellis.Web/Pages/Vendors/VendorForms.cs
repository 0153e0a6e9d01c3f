using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.Vendors;
using Trellis.Web.Api;

namespace Trellis.Web.Pages.Vendors;

/// <summary>The add/edit form of a vendor's own fields (<c>/vendors</c>, <c>/vendors/{id}</c>); parsing only.</summary>
public sealed class VendorForm
{
    /// <summary>ID (add only).</summary>
    public string? Id { get; set; }

    /// <summary>Name.</summary>
    public string? Name { get; set; }

    /// <summary>Service provided.</summary>
    public string? Service { get; set; }

    /// <summary>Data shared.</summary>
    public string? DataShared { get; set; }

    /// <summary>Criticality wire name.</summary>
    public string? Criticality { get; set; }

    /// <summary>Reviewer's e-mail.</summary>
    public string? Owner { get; set; }

    /// <summary>Review cadence wire name.</summary>
    public string? ReviewCadence { get; set; }

    /// <summary>The vendor's fields over <paramref name="before"/> (its assurance, risks and subservice role kept).</summary>
    public Result<Vendor> ToVendor(Vendor? before)
    {
        var parsed = new VendorRequest(Id ?? before?.Id, Name, Service, DataShared, Criticality, Owner, ReviewCadence, null, null, null, null).ToVendor();
        return !parsed.IsSuccess || before is null
            ? parsed
            : parsed.Value with { Soc2 = before.Soc2, Iso27001 = before.Iso27001, RiskIds = before.RiskIds, Subservice = before.Subservice, LastReview = before.LastReview };
    }
}

/// <summary>The assurance form: a SOC 2 report and an ISO certificate, each taken when its fields are given.</summary>
public sealed class AssuranceForm
{
    /// <summary>type1 or type2; empty = no report.</summary>
    public string? Soc2Type { get; set; }

    /// <summary>Period start.</summary>
    public string? Soc2PeriodStart { get; set; }

    /// <summary>Period end.</summary>
    public string? Soc2PeriodEnd { get; set; }

    /// <summary>Opinion wire name.</summary>
    public string? Soc2Opinion { get; set; }

    /// <summary>Certificate number; empty = no certificate.</summary>
    public string? IsoNumber { get; set; }

    /// <summary>Certificate expiry.</summary>
    public string? IsoExpiry { get; set; }

    /// <summary>The SOC 2 report and certificate, or the first field that does not parse (named).</summary>
    public Result<(Soc2Assurance? Soc2, IsoCertificateAssurance? Iso)> Parse()
    {
        Soc2Assurance? soc2 = null;
        if (!string.IsNullOrWhiteSpace(Soc2Type))
        {
            var from = CalendarDates.Parse(Soc2PeriodStart, "soc2.periodStart");
            var to = CalendarDates.Parse(Soc2PeriodEnd, "soc2.periodEnd");
            if (!from.IsSuccess || !to.IsSuccess)
            {
                return (from.Error ?? to.Error!) with { Location = from.IsSuccess ? "soc2.periodEnd" : "soc2.periodStart" };
            }

            var parsed = VendorRequest.Parse(new Soc2Request(Soc2Type, from.Value, to.Value, Soc2Opinion));
            if (!parsed.IsSuccess)
            {
                return parsed.Error!;
            }

            soc2 = parsed.Value;
        }

        IsoCertificateAssurance? iso = null;
        if (!string.IsNullOrWhiteSpace(IsoNumber))
        {
            var expiry = CalendarDates.Parse(IsoExpiry, "iso27001.expiry");
            if (!expiry.IsSuccess)
            {
                return expiry.Error! with { Location = "iso27001.expiry" };
            }

            iso = new IsoCertificateAssurance(IsoNumber.Trim(), expiry.Value);
        }

        return (soc2, iso);
    }
}

/// <summary>
/// The subservice form: a method (empty = not a subservice organization) and one CSOC per line written
/// <c>description | AC-1 AC-2</c> (the monitoring controls after the bar, separated by spaces or commas).
/// </summary>
public sealed class SubserviceForm
{
    /// <summary>carve-out, inclusive, or empty.</summary>
    public string? Method { get; set; }

    /// <summary>One CSOC per line.</summary>
    public string? Csocs { get; set; }

    /// <summary>The subservice role, or null when the method is empty.</summary>
    public Result<VendorSubservice?> Parse()
    {
        if (string.IsNullOrWhiteSpace(Method))
        {
            return Result<VendorSubservice?>.Ok(null);
        }

        var controls = (Csocs ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', 2))
            .Select(parts => new CsocRequest(parts[0].Trim(), parts.Length == 2 ? parts[1].Split([' ', ','], StringSplitOptions.RemoveEmptyEntries) : []))
            .ToList();
        return VendorRequest.Parse(new SubserviceRequest(Method, controls));
    }

    /// <summary>The text of a subservice role in the form's line format.</summary>
    public static string Text(VendorSubservice? subservice) =>
        subservice is null ? "" : string.Join('\n', subservice.Controls.Select(c => $"{c.Description} | {string.Join(' ', c.MonitoredBy)}"));
}
