using Trellis.Core.Program;

namespace Trellis.Core.Audits;

/// <summary>
/// One audit: a SOC 2 Type 1 or Type 2 examination, an ISO/IEC 27001 certification audit (stage 1, stage 2,
/// surveillance, recertification), an internal audit (9.2) or a management review (9.3). Immutable; checked
/// by <see cref="EngagementRules"/>.
/// </summary>
public sealed record Engagement
{
    private readonly string? _framework;
    private readonly IReadOnlyList<string> _categories = ["security"];
    private readonly DateOnly? _currentUntil;

    /// <summary>Engagement ID, unique in the program, e.g. <c>SOC2-2026</c>.</summary>
    public required string Id { get; init; }

    /// <summary>What kind of audit it is.</summary>
    public required EngagementKind Kind { get; init; }

    /// <summary>Short title; empty to derive one from the kind.</summary>
    public string Title { get; init; } = "";

    /// <summary>Framework ID. The default is <c>soc2-2017</c> for SOC 2 kinds and <c>iso27001-2022</c> otherwise.</summary>
    public string Framework
    {
        get => _framework ?? Kind.DefaultFramework();
        init => _framework = value;
    }

    /// <summary>The CPA firm (SOC 2) or the certification body (ISO); empty for internal work.</summary>
    public string Firm { get; init; } = "";

    /// <summary>
    /// Trust Services Criteria categories in scope (SOC 2): known names only, in TSC order, Security always
    /// included (docs/audit-cycle.md §1.2). The default is Security alone.
    /// </summary>
    public IReadOnlyList<string> Categories
    {
        get => _categories;
        init => _categories = TscCategories.Normalize(value);
    }

    /// <summary>The "as of" date of a SOC 2 Type 1 report (1.1); null for other kinds.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The observation window of a Type 2 report, or the period an ISO or internal audit samples.</summary>
    public ObservationWindow? Window { get; init; }

    /// <summary>The days the auditors work (on site or remote), if scheduled.</summary>
    public DateRange? Fieldwork { get; init; }

    /// <summary>The date the report (or the certification decision, for ISO) is issued, if known.</summary>
    public DateOnly? ReportDate { get; init; }

    /// <summary>The last day a management bridge letter covers after the period end (SOC 2, 1.4), or null.</summary>
    public DateOnly? BridgeLetterEnd { get; init; }

    /// <summary>The period end a report speaks to: the window end (Type 2) or the as-of date (Type 1).</summary>
    public DateOnly? PeriodEnd => Window?.End ?? AsOf;

    /// <summary>
    /// Until when customers treat the SOC 2 report as current. The default is the period end plus 12 months
    /// (practice, docs/audit-cycle.md §1.4); null when there is no period end.
    /// </summary>
    public DateOnly? CurrentUntil
    {
        get => _currentUntil ?? PeriodEnd?.AddMonths(AuditRules.ReportCurrencyMonths);
        init => _currentUntil = value;
    }

    /// <summary>The title, or one derived from the kind and dates.</summary>
    public string DisplayTitle => Title.Length > 0 ? Title : $"{Kind.ToWire()} {Window?.ToString() ?? (AsOf is { } d ? CalendarDates.Format(d) : Fieldwork?.ToString() ?? "")}".Trim();
}
