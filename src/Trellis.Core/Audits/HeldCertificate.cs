using Trellis.Core.Common;

namespace Trellis.Core.Audits;

/// <summary>
/// How far the current three-year cycle of a held ISO/IEC 27001 certificate has come (ISO/IEC 17021-1 9.1.3,
/// docs/audit-cycle.md §2.2: surveillance in years 1 and 2, recertification in year 3).
/// </summary>
public enum CycleStage
{
    /// <summary>Certified (or recertified); no surveillance audit of this cycle yet. Wire name <c>certified</c>.</summary>
    Certified,

    /// <summary>Surveillance audit 1 of this cycle is done. Wire name <c>after-surveillance-1</c>.</summary>
    AfterSurveillance1,

    /// <summary>Surveillance audits 1 and 2 of this cycle are done; recertification is next. Wire name <c>after-surveillance-2</c>.</summary>
    AfterSurveillance2,
}

/// <summary>Wire names of <see cref="CycleStage"/> (<c>trellis plan --iso-stage</c>).</summary>
public static class CycleStages
{
    private static readonly WireNames<CycleStage> Wire = new(new Dictionary<CycleStage, string>
    {
        [CycleStage.Certified] = "certified",
        [CycleStage.AfterSurveillance1] = "after-surveillance-1",
        [CycleStage.AfterSurveillance2] = "after-surveillance-2",
    });

    /// <summary>All wire names, in cycle order.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>Wire name, e.g. <c>after-surveillance-1</c>.</summary>
    public static string ToWire(this CycleStage stage) => Wire[stage];

    /// <summary>Parses a wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out CycleStage stage) => Wire.TryParse(text, out stage);
}

/// <summary>
/// An ISO/IEC 27001 certificate the organization already holds: the decision that started its current cycle (the
/// issue date of the certificate, or of the last recertification) and how far that cycle has come. The planner
/// plans forward from it instead of planning a first certification.
/// </summary>
public sealed record HeldCertificate
{
    /// <summary>The certification (or recertification) decision that started the current cycle.</summary>
    public required DateOnly IssuedOn { get; init; }

    /// <summary>
    /// The audits of this cycle already done, or null to infer them from <c>today</c>: an audit whose due date has
    /// passed is taken as done — surveillance 1 after <see cref="IssuedOn"/> + 12 months (its deadline, 2.2),
    /// surveillance 2 after + 24 months (the second anniversary the planner aims for).
    /// </summary>
    public CycleStage? Stage { get; init; }

    /// <summary>The last day the certificate is valid: <see cref="IssuedOn"/> + 3 years − 1 day (<see cref="CertificationCycle.Expiry"/>).</summary>
    public DateOnly Expiry => new CertificationCycle { CertificationDecision = IssuedOn }.Expiry;

    /// <summary>The stage on <paramref name="today"/>: <see cref="Stage"/> when given, else inferred (see <see cref="Stage"/>).</summary>
    public CycleStage StageOn(DateOnly today) => Stage
        ?? (today > IssuedOn.AddMonths(24) ? CycleStage.AfterSurveillance2
            : today > IssuedOn.AddMonths(AuditRules.FirstSurveillanceMonths) ? CycleStage.AfterSurveillance1
            : CycleStage.Certified);

    /// <summary>How many audits of the cycle are done on <paramref name="today"/>: 0, 1 or 2.</summary>
    public int AuditsDone(DateOnly today) => (int)StageOn(today);
}
