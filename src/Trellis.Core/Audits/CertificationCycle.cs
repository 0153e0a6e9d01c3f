using Trellis.Core.Common;
using Trellis.Core.Frameworks;

namespace Trellis.Core.Audits;

/// <summary>
/// One three-year ISO/IEC 27001 certification cycle (ISO/IEC 17021-1 9.1.3, docs/audit-cycle.md §2.2): the
/// two-stage initial audit (first cycle only), the certification decision that starts the cycle, surveillance
/// in years 1 and 2, recertification in year 3 before expiry, and the recertification decision that starts
/// the next cycle.
/// </summary>
/// <remarks>
/// Expiry convention (chosen and documented here): the certificate is valid for 3 years from the decision
/// date, so <see cref="Expiry"/> — the last valid day, as certificates print it — is decision + 3 years − 1 day
/// (decision 2026-03-15 → valid through 2029-03-14). Years are added as calendar years: 29 February + 3 years
/// is 28 February, so a 2024-02-29 decision is valid through 2027-02-27 (the earlier, safe reading).
/// </remarks>
public sealed record CertificationCycle
{
    private readonly DateOnly? _expiry;

    /// <summary>Framework ID. The default is <c>iso27001-2022</c>.</summary>
    public string Framework { get; init; } = FrameworkIds.Iso27001v2022;

    /// <summary>The certification body.</summary>
    public string CertificationBody { get; init; } = "";

    /// <summary>Stage 1 fieldwork (first cycle only).</summary>
    public DateRange? Stage1 { get; init; }

    /// <summary>Stage 2 fieldwork (first cycle only).</summary>
    public DateRange? Stage2 { get; init; }

    /// <summary>The certification (or recertification) decision that starts this cycle.</summary>
    public required DateOnly CertificationDecision { get; init; }

    /// <summary>First surveillance audit fieldwork.</summary>
    public DateRange? Surveillance1 { get; init; }

    /// <summary>Second surveillance audit fieldwork.</summary>
    public DateRange? Surveillance2 { get; init; }

    /// <summary>Recertification audit fieldwork.</summary>
    public DateRange? Recertification { get; init; }

    /// <summary>The recertification decision, which starts the next cycle.</summary>
    public DateOnly? RecertificationDecision { get; init; }

    /// <summary>
    /// The last day the certificate is valid. The default is <see cref="CertificationDecision"/> + 3 years − 1 day;
    /// set it when a recertification finished before expiry let the new expiry run on from the old one (2.2).
    /// </summary>
    public DateOnly Expiry
    {
        get => _expiry ?? CertificationDecision.AddYears(AuditRules.CertificateYears).AddDays(-1);
        init => _expiry = value;
    }

    /// <summary>The last day the first surveillance audit may end: the decision + 12 months (29 Feb 2024 → 28 Feb 2025).</summary>
    public DateOnly Surveillance1Deadline => CertificationDecision.AddMonths(AuditRules.FirstSurveillanceMonths);

    /// <summary>
    /// The next cycle, starting at the recertification decision. When that decision is on or before
    /// <see cref="Expiry"/>, the new expiry runs on from the old one (old expiry + 3 years, 2.2); otherwise
    /// the certificate lapsed and the new one runs 3 years from the decision.
    /// </summary>
    public Result<CertificationCycle> NextCycle()
    {
        if (RecertificationDecision is not { } decision)
        {
            return new Error(ErrorCodes.NoRecertificationDecision, $"the cycle started {CalendarDates.Format(CertificationDecision)} has no recertification decision yet");
        }

        var next = new CertificationCycle { Framework = Framework, CertificationBody = CertificationBody, CertificationDecision = decision };
        return decision <= Expiry ? next with { Expiry = Expiry.AddYears(AuditRules.CertificateYears) } : next;
    }

    /// <summary>
    /// Checks the cycle against ISO/IEC 17021-1 9.1.3 as quoted in docs/audit-cycle.md §2.2 and IAF MD 26 (2.3).
    /// Each warning's <see cref="RuleWarning.Subject"/> is the plan event kind it concerns
    /// (<c>iso-surveillance-1</c>, <c>iso-recertification</c>, …).
    /// </summary>
    public IReadOnlyList<RuleWarning> Check()
    {
        var w = new List<RuleWarning>();
        var decision = CalendarDates.Format(CertificationDecision);
        if (Stage1 is { } s1 && Stage2 is { } s2 && s1.Start > s2.Start)
        {
            w.Add(new("iso-stage-order", $"stage 1 ({s1}) is after stage 2 ({s2})", Firmness.Rule, AuditRules.TwoStage, "iso-stage1"));
        }

        if (Stage2 is { } stage2 && stage2.End >= CertificationDecision)
        {
            w.Add(new("iso-stage2-after-decision", $"stage 2 ({stage2}) does not end before the certification decision {decision}", Firmness.Rule, AuditRules.TwoStage, "iso-stage2"));
        }

        if (Surveillance1 is { } sv1)
        {
            if (sv1.End > Surveillance1Deadline)
            {
                w.Add(new(
                    "iso-surveillance1-late",
                    $"surveillance 1 ends {CalendarDates.Format(sv1.End)}, after {CalendarDates.Format(Surveillance1Deadline)} (12 months after the certification decision {decision})",
                    Firmness.Rule,
                    AuditRules.FirstSurveillance,
                    "iso-surveillance-1"));
            }

            if (sv1.Start <= CertificationDecision)
            {
                w.Add(new("iso-surveillance1-early", $"surveillance 1 ({sv1}) is not after the certification decision {decision}", Firmness.Rule, AuditRules.FirstSurveillance, "iso-surveillance-1"));
            }
        }

        if (Surveillance1 is { } a && Surveillance2 is { } b && b.Start <= a.End)
        {
            w.Add(new("iso-surveillance-order", $"surveillance 2 ({b}) does not follow surveillance 1 ({a})", Firmness.Rule, AuditRules.CalendarYear, "iso-surveillance-2"));
        }

        w.AddRange(CheckCalendarYears());
        w.AddRange(CheckRecertification());
        if (Framework == FrameworkIds.Iso27001v2013)
        {
            var firstAudit = Stage2?.Start ?? Recertification?.Start;
            w.AddRange(EngagementRules.Check2013Edition(Stage2 is not null ? EngagementKind.IsoStage2 : EngagementKind.IsoRecertification, firstAudit)
                .Select(x => x with { Subject = Stage2 is not null ? "iso-stage2" : "iso-recertification" }));
            if (Expiry > AuditRules.Iso2013Lapsed)
            {
                w.Add(new(
                    "iso2013-lapsed",
                    $"a 2013-edition certificate cannot be valid through {CalendarDates.Format(Expiry)}: it lapsed after 2025-10-31 unless transitioned to ISO/IEC 27001:2022",
                    Firmness.Rule,
                    AuditRules.Transition,
                    "iso-certification-decision"));
            }
        }

        return w;
    }

    private IEnumerable<RuleWarning> CheckCalendarYears()
    {
        // 9.1.3: at least once per calendar year, except in recertification years. The decision year has had
        // the initial (or recertification) audit; the recertification year has the recertification audit.
        var recertificationYear = Recertification?.Start.Year ?? Expiry.Year;
        var surveillanceYears = new[] { Surveillance1, Surveillance2 }.Where(s => s is not null).Select(s => s!.Value.Start.Year).ToHashSet();
        for (var year = CertificationDecision.Year + 1; year < recertificationYear; year++)
        {
            if (!surveillanceYears.Contains(year))
            {
                yield return new RuleWarning(
                    "iso-surveillance-year-missing",
                    $"no surveillance audit in {year}: the cycle started {CalendarDates.Format(CertificationDecision)} needs one every calendar year before the recertification year {recertificationYear}",
                    Firmness.Rule,
                    AuditRules.CalendarYear,
                    year == CertificationDecision.Year + 1 ? "iso-surveillance-1" : "iso-surveillance-2");
            }
        }
    }

    private IEnumerable<RuleWarning> CheckRecertification()
    {
        var expiry = CalendarDates.Format(Expiry);
        if (Recertification is not { } recert)
        {
            yield return new RuleWarning(
                "iso-recertification-missing",
                $"no recertification audit planned before the certificate expires ({expiry})",
                Firmness.Rule,
                AuditRules.Recertification,
                "iso-recertification");
            yield break;
        }

        if (recert.End > Expiry)
        {
            yield return new RuleWarning(
                "iso-recertification-late",
                $"recertification audit ends {CalendarDates.Format(recert.End)}, after the certificate expires ({expiry})",
                Firmness.Rule,
                AuditRules.Recertification,
                "iso-recertification");
        }
        else if (RecertificationDecision is { } d && d > Expiry)
        {
            yield return new RuleWarning(
                "iso-recertification-decision-late",
                $"recertification decision {CalendarDates.Format(d)} comes after expiry ({expiry}): the certificate lapses in between and the new expiry cannot run on from the old one",
                Firmness.Rule,
                AuditRules.Recertification,
                "iso-recertification");
        }
    }
}
