using Trellis.Core.Common;
using Trellis.Core.Frameworks;

namespace Trellis.Core.Audits;

/// <summary>How firm the rule behind a warning is (docs/audit-cycle.md marks each fact the same way).</summary>
public enum Firmness
{
    /// <summary>Set by a standard or an accreditation document (AICPA, ISO/IEC 17021-1, IAF MD 26).</summary>
    Rule,

    /// <summary>Common market practice reported by audit firms, not a formal rule.</summary>
    Practice,

    /// <summary>A planning constraint the user set (minimum spacing, blackout dates) or a date already past.</summary>
    Planning,
}

/// <summary>Wire names of <see cref="Firmness"/>.</summary>
public static class Firmnesses
{
    private static readonly WireNames<Firmness> Wire = new(new Dictionary<Firmness, string>
    {
        [Firmness.Rule] = "rule",
        [Firmness.Practice] = "practice",
        [Firmness.Planning] = "planning",
    });

    /// <summary>Wire name: <c>rule</c>, <c>practice</c> or <c>planning</c>.</summary>
    public static string ToWire(this Firmness firmness) => Wire[firmness];

    /// <summary>Parses a wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out Firmness firmness) => Wire.TryParse(text, out firmness);
}

/// <summary>
/// A finding of a rule check: what is wrong, how firm the rule is, and where the rule comes from, so a
/// compliance lead can judge it. Warnings never block; they are shown next to the event or engagement.
/// </summary>
/// <param name="Code">Stable machine-readable code, e.g. <c>iso-surveillance-late</c>.</param>
/// <param name="Message">One line for a human, naming the dates involved.</param>
/// <param name="Firmness">Rule, practice or planning constraint.</param>
/// <param name="Citation">Where the rule comes from, e.g. <c>ISO/IEC 17021-1 9.1.3; docs/audit-cycle.md §2.2</c>.</param>
/// <param name="Subject">What the warning is about when it comes from a group check (e.g. the event kind <c>iso-surveillance-1</c>), or null.</param>
public sealed record RuleWarning(string Code, string Message, Firmness Firmness, string Citation, string? Subject = null)
{
    /// <summary>The warning as one line: the message, then the firmness and citation in brackets.</summary>
    public override string ToString() => $"{Message} [{Firmness.ToWire()}: {Citation}]";
}

/// <summary>
/// The thresholds and citations the audit checks apply, in one place. Facts are from
/// docs/audit-cycle.md (section numbers cited).
/// </summary>
public static class AuditRules
{
    /// <summary>Type 2 windows under this many months are rarely accepted [practice, 1.3].</summary>
    public const int MinimumType2Months = 3;

    /// <summary>Type 2 windows over this many months are unusual [practice, 1.3].</summary>
    public const int MaximumType2Months = 12;

    /// <summary>A bridge letter normally covers up to about this many months after the period end [practice, 1.4].</summary>
    public const int BridgeLetterMonths = 3;

    /// <summary>A SOC 2 report is treated as current this many months after its period end [practice, 1.4].</summary>
    public const int ReportCurrencyMonths = 12;

    /// <summary>The first surveillance audit is no more than this many months after the certification decision [rule, 2.2].</summary>
    public const int FirstSurveillanceMonths = 12;

    /// <summary>An ISO/IEC 27001 certificate is valid this many years from the certification decision [rule, 2.2].</summary>
    public const int CertificateYears = 3;

    /// <summary>Certificates to ISO/IEC 27001:2013 that were not transitioned lapsed after this day [rule, IAF MD 26, 2.3].</summary>
    public static readonly DateOnly Iso2013Lapsed = new(2025, 10, 31);

    /// <summary>From this day no initial or recertification audit could be run against the 2013 edition [rule, IAF MD 26, 2.3].</summary>
    public static readonly DateOnly Iso2013NoNewAudits = new(2024, 5, 1);

    internal const string Type2Window = "AICPA sets no minimum; 3–12 months is the usual planning range; docs/audit-cycle.md §1.3";
    internal const string Currency = "reports are treated as current about 12 months after the period end; bridge letters up to about 3 months; docs/audit-cycle.md §1.4";
    internal const string FirstSurveillance = "ISO/IEC 17021-1 9.1.3: first surveillance no more than 12 months after the certification decision; docs/audit-cycle.md §2.2";
    internal const string CalendarYear = "ISO/IEC 17021-1 9.1.3: surveillance at least once per calendar year except in recertification years; docs/audit-cycle.md §2.2";
    internal const string Recertification = "ISO/IEC 17021-1 9.1.3: recertification audit in year 3, before the certificate expires; docs/audit-cycle.md §2.2";
    internal const string TwoStage = "ISO/IEC 17021-1 9.1.3: initial certification is a two-stage audit, then the certification decision; docs/audit-cycle.md §2.2";
    internal const string Transition = "IAF MD 26:2023 Issue 2: 2013-edition certificates lapsed 31 Oct 2025, no initial or recertification audits against 2013 from 1 May 2024; docs/audit-cycle.md §2.3";
    internal const string InternalAudit = "ISO/IEC 27001 9.2 and 9.3: internal audit results feed the management review, both on record before the external audit; docs/audit-cycle.md §2.5 items 14–15";
}
