using Trellis.Core.Readiness;

namespace Trellis.Core.Vendors;

/// <summary>
/// Vendor exceptions in readiness: each exception (review overdue, SOC 2 report expired or its opinion modified, ISO
/// certificate expired) becomes a reason on the requirements that ask for supplier monitoring — SOC 2 CC9.2 and ISO/IEC
/// 27001 A.5.19 and A.5.22 — naming the vendor. The status is left as the controls' evidence makes it: a vendor's lapse
/// is a warning to act on, and the controls that monitor vendors (and their evidence) already decide coverage.
/// </summary>
public static class VendorReadiness
{
    /// <summary>The requirements vendor exceptions are shown on.</summary>
    public static IReadOnlyList<string> Requirements { get; } = ["CC9.2", "A.5.19", "A.5.22"];

    /// <summary>The prefix of every reason added, so a reader can tell them apart.</summary>
    public const string ReasonPrefix = "vendor exception: ";

    /// <summary>The report with the exceptions added to <see cref="Requirements"/>; the same report when there are none.</summary>
    public static ReadinessReport Annotate(ReadinessReport report, IReadOnlyList<VendorWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(warnings);
        var lines = warnings.Where(w => w.IsException).Select(w => ReasonPrefix + w.Text).ToList();
        if (lines.Count == 0 || !report.Requirements.Any(r => Requirements.Contains(r.Id)))
        {
            return report;
        }

        return report with
        {
            Requirements = [.. report.Requirements.Select(r => Requirements.Contains(r.Id) ? r with { Reasons = [.. r.Reasons, .. lines] } : r)],
        };
    }
}
