using Trellis.Core.Evidence;

namespace Trellis.Exchange.Oscal;

/// <summary>Settings of the program exports: <see cref="OscalComponentExport"/>, <see cref="OscalSspExport"/> and <see cref="OscalAssessmentResultsExport"/>.</summary>
public sealed record OscalExportOptions
{
    /// <summary>
    /// The clock stamped into <c>metadata.last-modified</c>; its UTC date is the day readiness and evidence
    /// freshness are judged on. The default is the system clock.
    /// </summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How evidence freshness is judged. The default grace is 14 days.</summary>
    public FreshnessPolicy Policy { get; init; } = new();

    /// <summary>
    /// The SSP's <c>security-sensitivity-level</c> and the level of each security objective in
    /// <c>security-impact-level</c>. Trellis does not categorize information (FIPS 199), so this is the caller's
    /// statement. The default is <c>fips-199-moderate</c>.
    /// </summary>
    public string ImpactLevel { get; init; } = "fips-199-moderate";
}
