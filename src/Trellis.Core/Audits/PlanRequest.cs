using Trellis.Core.Common;
using Trellis.Core.Frameworks;

namespace Trellis.Core.Audits;

/// <summary>
/// What <see cref="AuditPlanner.Plan"/> is asked to plan. At least one anchor is required: a (first) certification
/// decision or a held certificate for ISO; a SOC 2 start, a Type 1 date or a held report's period for SOC 2. Durations
/// are in calendar days; defaults are practice, not rules.
/// </summary>
public sealed record PlanRequest
{
    /// <summary>The (wanted or actual) ISO certification decision date; starts the 3-year cycle. Null for SOC 2 only.</summary>
    public DateOnly? CertificationDecision { get; init; }

    /// <summary>Start of the first SOC 2 Type 2 window. Null for ISO only.</summary>
    public DateOnly? Soc2Start { get; init; }

    /// <summary>As-of date of a SOC 2 Type 1 report before the first Type 2 window, or null for none.</summary>
    public DateOnly? Soc2Type1AsOf { get; init; }

    /// <summary>
    /// An ISO/IEC 27001 certificate already held: the plan goes on from its current cycle (no stage 1 and 2), never
    /// places an audit before today, and shows the decision as done. Exclusive with <see cref="CertificationDecision"/>.
    /// </summary>
    public HeldCertificate? IsoCertificate { get; init; }

    /// <summary>
    /// The period of the last SOC 2 report already issued (one day for a Type 1's as-of date): shown as done; the next
    /// Type 2 window starts the day after it ends (back to back, docs/audit-cycle.md §1.3–1.4) and runs 12 months after a
    /// Type 2, or is chosen like a first window after a Type 1. Exclusive with <see cref="Soc2Start"/> and <see cref="Soc2Type1AsOf"/>.
    /// </summary>
    public DateRange? Soc2LastPeriod { get; init; }

    /// <summary>The decision the ISO cycle starts from: the wanted first one, or the held certificate's; null without ISO.</summary>
    public DateOnly? IsoDecision => CertificationDecision ?? IsoCertificate?.IssuedOn;

    /// <summary>The first SOC 2 Type 2 window's start: <see cref="Soc2Start"/>, or the day after the held report's period.</summary>
    public DateOnly? FirstWindowStart => Soc2Start ?? Soc2LastPeriod?.End.AddDays(1);

    /// <summary>
    /// Years to plan: this many Type 2 windows and this many ISO audits after the decision (after those of a held
    /// certificate already done). The default is 3 (one full cycle).
    /// </summary>
    public int Years { get; init; } = 3;

    /// <summary>Days when no audit activity can take place (freezes, holidays). The default is none.</summary>
    public IReadOnlyList<DateRange> Blackouts { get; init; } = [];

    /// <summary>Minimum days from the end of one external fieldwork to the start of the next. The default is 30 days.</summary>
    public int MinimumFieldworkSpacingDays { get; init; } = 30;

    /// <summary>Today's date (from a <see cref="TimeProvider"/> or given explicitly): events before it are flagged.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>Length of the first Type 2 window, 3–12 months, or null to choose it so later windows align with the ISO cycle.</summary>
    public int? FirstWindowMonths { get; init; }

    /// <summary>ISO framework ID. The default is <c>iso27001-2022</c>.</summary>
    public string IsoFramework { get; init; } = FrameworkIds.Iso27001v2022;

    /// <summary>Days from a SOC 2 window end (or as-of date) to the start of fieldwork. The default is 7.</summary>
    public int Soc2FieldworkOffsetDays { get; init; } = 7;

    /// <summary>SOC 2 fieldwork length. The default is 10 days.</summary>
    public int Soc2FieldworkDays { get; init; } = 10;

    /// <summary>Days from a window end to the report date. The default is 42 (6 weeks).</summary>
    public int Soc2ReportLagDays { get; init; } = 42;

    /// <summary>Stage 1 length. The default is 2 days.</summary>
    public int Stage1Days { get; init; } = 2;

    /// <summary>Stage 2 length. The default is 4 days.</summary>
    public int Stage2Days { get; init; } = 4;

    /// <summary>Days from the end of stage 1 to the start of stage 2 ("within weeks", practice, 2.2). The default is 28.</summary>
    public int Stage1ToStage2Days { get; init; } = 28;

    /// <summary>Days from the end of an audit to the certification body's decision. The default is 21.</summary>
    public int DecisionLagDays { get; init; } = 21;

    /// <summary>Surveillance audit length. The default is 2 days.</summary>
    public int SurveillanceDays { get; init; } = 2;

    /// <summary>Recertification audit length. The default is 3 days.</summary>
    public int RecertificationDays { get; init; } = 3;

    /// <summary>Internal audit length. The default is 5 days.</summary>
    public int InternalAuditDays { get; init; } = 5;

    /// <summary>Days from the end of the internal audit to the first external fieldwork of its season (4–8 weeks). The default is 42.</summary>
    public int InternalAuditLeadDays { get; init; } = 42;

    /// <summary>Days from the management review to the first external fieldwork of its season. The default is 21.</summary>
    public int ManagementReviewLeadDays { get; init; } = 21;

    /// <summary>The first date the planner accepts for an anchor, today or a blackout: 2000-01-01.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>
    /// The last date the planner accepts for an anchor, today or a blackout: 2100-12-31. Ten years of events after an
    /// anchor then stay far from <see cref="DateOnly.MaxValue"/> (issue 14, hole J: 9999-12-31 overflowed).
    /// </summary>
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    /// <summary>
    /// Checks the request; returns it or the first problem. Every date must lie from <see cref="EarliestDate"/> to
    /// <see cref="LatestDate"/> (<c>date-out-of-range</c>, located at the request field: <c>certificationDecision</c>,
    /// <c>soc2Start</c>, <c>soc2Type1AsOf</c>, <c>today</c>, <c>blackouts</c>).
    /// </summary>
    public Result<PlanRequest> Validate()
    {
        if (CertificationDecision is null && Soc2Start is null && Soc2Type1AsOf is null && IsoCertificate is null && Soc2LastPeriod is null)
        {
            return new Error(ErrorCodes.NothingToPlan, "give a certification decision date, a SOC 2 start date, or both");
        }

        (DateOnly? Date, string Field, string What)[] dates =
        [
            (CertificationDecision, "certificationDecision", "certification decision date"),
            (Soc2Start, "soc2Start", "SOC 2 start date"),
            (Soc2Type1AsOf, "soc2Type1AsOf", "SOC 2 Type 1 as-of date"),
            (IsoCertificate?.IssuedOn, "isoCertifiedOn", "certificate issue date"),
            (Soc2LastPeriod?.Start, "soc2LastPeriod", "last SOC 2 period start"),
            (Soc2LastPeriod?.End, "soc2LastPeriod", "last SOC 2 period end"),
            (Today, "today", "today's date"),
            .. Blackouts.SelectMany(b => new (DateOnly?, string, string)[] { (b.Start, "blackouts", "blackout start"), (b.End, "blackouts", "blackout end") }),
        ];
        foreach (var (date, field, what) in dates)
        {
            if (date is { } d && (d < EarliestDate || d > LatestDate))
            {
                return new Error(
                    ErrorCodes.DateOutOfRange,
                    $"the {what} {CalendarDates.Format(d)} is outside the planning range {CalendarDates.Format(EarliestDate)} to {CalendarDates.Format(LatestDate)}",
                    field);
            }
        }

        if (CheckHeld() is { } held)
        {
            return held;
        }

        if (Years is < 1 or > 10)
        {
            return new Error(ErrorCodes.InvalidYears, $"years must be 1 to 10, not {Years}");
        }

        if (FirstWindowMonths is { } m && (m < AuditRules.MinimumType2Months || m > AuditRules.MaximumType2Months))
        {
            return new Error(ErrorCodes.InvalidWindow, $"first window must be {AuditRules.MinimumType2Months} to {AuditRules.MaximumType2Months} months, not {m}");
        }

        if (MinimumFieldworkSpacingDays is < 0 or > 365)
        {
            return new Error(ErrorCodes.InvalidSpacing, $"minimum spacing must be 0 to 365 days, not {MinimumFieldworkSpacingDays}");
        }

        int[] durations = [Soc2FieldworkDays, Stage1Days, Stage2Days, SurveillanceDays, RecertificationDays, InternalAuditDays];
        if (durations.Any(d => d is < 1 or > 60) || Soc2FieldworkOffsetDays < 0 || DecisionLagDays < 1 || Stage1ToStage2Days < 1)
        {
            return new Error(ErrorCodes.InvalidDuration, "fieldwork lengths must be 1 to 60 days; offsets and lags must not be negative");
        }

        if (ManagementReviewLeadDays < 1 || InternalAuditLeadDays <= ManagementReviewLeadDays)
        {
            return new Error(ErrorCodes.InvalidDuration, "the internal audit must end before the management review, which must come before the external audit");
        }

        return this;
    }

    // A held certificate or report is a fact in the past; the anchors of a first plan cannot be combined with it.
    private Error? CheckHeld()
    {
        if (IsoCertificate is { } held)
        {
            if (CertificationDecision is not null)
            {
                return new Error(ErrorCodes.InvalidAnchor, "give either a planned certification decision or a held certificate's issue date, not both", "isoCertifiedOn");
            }

            if (held.IssuedOn > Today)
            {
                return new Error(ErrorCodes.InvalidAnchor, $"the certificate issue date {CalendarDates.Format(held.IssuedOn)} is after today ({CalendarDates.Format(Today)}); plan a first certification with a certification decision date instead", "isoCertifiedOn");
            }

            if (held.Expiry < Today)
            {
                return new Error(
                    ErrorCodes.InvalidAnchor,
                    $"a certificate issued {CalendarDates.Format(held.IssuedOn)} expired after {CalendarDates.Format(held.Expiry)} (3 years, docs/audit-cycle.md §2.2); give the last recertification's date, or plan a new certification",
                    "isoCertifiedOn");
            }
        }

        if (Soc2LastPeriod is { } last)
        {
            if (Soc2Start is not null || Soc2Type1AsOf is not null)
            {
                return new Error(ErrorCodes.InvalidAnchor, "give either the last SOC 2 report's period or a first SOC 2 start (or Type 1 date), not both", "soc2LastPeriod");
            }

            if (last.End >= Today)
            {
                return new Error(ErrorCodes.InvalidAnchor, $"the last SOC 2 report's period {last} has not ended before today ({CalendarDates.Format(Today)})", "soc2LastPeriod");
            }
        }

        return null;
    }
}
