using Trellis.Core.Audits;
using Trellis.Core.Common;

namespace Trellis.Web.Api;

/// <summary>The "already held" anchors of a plan as forms and request bodies give them (dates already parsed).</summary>
public static class PlanRequests
{
    /// <summary>
    /// A held certificate (issue date, cycle stage wire name or empty to infer it) and the last SOC 2 report's period
    /// (its end; its start, or empty for a Type 1's single day). A stage or a period start without its date is refused.
    /// </summary>
    public static Result<(HeldCertificate? Certificate, DateRange? LastPeriod)> Held(DateOnly? isoCertifiedOn, string? isoStage, DateOnly? soc2LastStart, DateOnly? soc2LastEnd)
    {
        CycleStage? stage = null;
        if (!string.IsNullOrWhiteSpace(isoStage))
        {
            if (isoCertifiedOn is null)
            {
                return new Error(ErrorCodes.MissingOption, "a cycle stage needs the certificate's issue date", "isoCertifiedOn");
            }

            if (!CycleStages.TryParse(isoStage, out var s))
            {
                return new Error(ErrorCodes.InvalidOption, $"unknown cycle stage '{isoStage}'; use one of {string.Join(", ", CycleStages.WireNames)}", "isoStage");
            }

            stage = s;
        }

        var certificate = isoCertifiedOn is { } issued ? new HeldCertificate { IssuedOn = issued, Stage = stage } : null;
        if (soc2LastEnd is not { } end)
        {
            return soc2LastStart is null
                ? (certificate, (DateRange?)null)
                : new Error(ErrorCodes.MissingOption, "the last SOC 2 report's period needs its end date", "soc2LastPeriodEnd");
        }

        var period = DateRange.Create(soc2LastStart ?? end, end);
        return period.IsSuccess ? (certificate, period.Value) : period.Error! with { Location = "soc2LastPeriodStart" };
    }
}
