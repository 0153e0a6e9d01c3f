using Trellis.Core.Evidence;

namespace Trellis.Exchange.Reports;

/// <summary>What to report and how (the options of <c>trellis report</c>).</summary>
public sealed record ReportOptions
{
    /// <summary>Output format wire name: <c>xlsx</c>, <c>pdf</c>, <c>html</c>, <c>csv</c> or <c>json</c>.</summary>
    public required string Format { get; init; }

    /// <summary>
    /// Framework ID. matrix: the framework whose criteria are the rows (the default is <c>soc2-2017</c>); gap and
    /// readiness: the one framework to report (the default is both <c>iso27001-2022</c> and <c>soc2-2017</c>);
    /// crosswalk: the framework on the left (required); soa: must be <c>iso27001-2022</c> when given.
    /// </summary>
    public string? Framework { get; init; }

    /// <summary>crosswalk: the framework on the right (required).</summary>
    public string? To { get; init; }

    /// <summary>evidence-index: first day of the observation window (with <see cref="WindowEnd"/>; both null for all evidence).</summary>
    public DateOnly? WindowStart { get; init; }

    /// <summary>evidence-index: last day of the observation window.</summary>
    public DateOnly? WindowEnd { get; init; }

    /// <summary>crosswalk: also list links inferred through pivot frameworks. The default is false (curated and inverted only).</summary>
    public bool IncludeInferred { get; init; }

    /// <summary>soa, matrix: the program's policies; the published ones are cited on the rows they are mapped to. The default is none.</summary>
    public IReadOnlyList<Trellis.Core.Policies.Policy> Policies { get; init; } = [];

    /// <summary>
    /// system-description: the vendor register, the source of the subservice organizations (null or empty: only the
    /// scope's own list, shown as "scope only").
    /// </summary>
    public IReadOnlyList<Core.Vendors.Vendor>? Vendors { get; init; }

    /// <summary>How evidence freshness is judged; null for the default (14 days of grace).</summary>
    public FreshnessPolicy? Freshness { get; init; }
}
