using Trellis.Core.Common;
using Trellis.Core.Frameworks;

namespace Trellis.Core.Audits;

/// <summary>What kind of audit an engagement is.</summary>
public enum EngagementKind
{
    /// <summary>SOC 2 Type 1: design of controls as of a specified date (docs/audit-cycle.md §1.1).</summary>
    Soc2Type1,

    /// <summary>SOC 2 Type 2: design and operating effectiveness throughout an observation window (1.1).</summary>
    Soc2Type2,

    /// <summary>ISO/IEC 27001 initial certification, stage 1: readiness and documentation review (2.2).</summary>
    IsoStage1,

    /// <summary>ISO/IEC 27001 initial certification, stage 2: implementation and effectiveness (2.2).</summary>
    IsoStage2,

    /// <summary>First surveillance audit, no more than 12 months after the certification decision (2.2).</summary>
    IsoSurveillance1,

    /// <summary>Second surveillance audit, in year 2 (2.2).</summary>
    IsoSurveillance2,

    /// <summary>Recertification audit, in year 3 before the certificate expires (2.2).</summary>
    IsoRecertification,

    /// <summary>The organization's internal audit (ISO/IEC 27001 9.2).</summary>
    InternalAudit,

    /// <summary>Management review (ISO/IEC 27001 9.3).</summary>
    ManagementReview,
}

/// <summary>Wire names and properties of <see cref="EngagementKind"/>.</summary>
public static class EngagementKinds
{
    private static readonly WireNames<EngagementKind> Wire = new(new Dictionary<EngagementKind, string>
    {
        [EngagementKind.Soc2Type1] = "soc2-type1",
        [EngagementKind.Soc2Type2] = "soc2-type2",
        [EngagementKind.IsoStage1] = "iso-stage1",
        [EngagementKind.IsoStage2] = "iso-stage2",
        [EngagementKind.IsoSurveillance1] = "iso-surveillance-1",
        [EngagementKind.IsoSurveillance2] = "iso-surveillance-2",
        [EngagementKind.IsoRecertification] = "iso-recertification",
        [EngagementKind.InternalAudit] = "internal-audit",
        [EngagementKind.ManagementReview] = "management-review",
    });

    /// <summary>All wire names.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>Wire name, e.g. <c>iso-surveillance-1</c>.</summary>
    public static string ToWire(this EngagementKind kind) => Wire[kind];

    /// <summary>Parses a wire name.</summary>
    public static bool TryParse(string? text, out EngagementKind kind) => Wire.TryParse(text, out kind);

    /// <summary>True for SOC 2 Type 1 and Type 2.</summary>
    public static bool IsSoc2(this EngagementKind kind) => kind is EngagementKind.Soc2Type1 or EngagementKind.Soc2Type2;

    /// <summary>True for the certification body's audits (stages, surveillance, recertification).</summary>
    public static bool IsIsoCertification(this EngagementKind kind) => kind is EngagementKind.IsoStage1 or EngagementKind.IsoStage2
        or EngagementKind.IsoSurveillance1 or EngagementKind.IsoSurveillance2 or EngagementKind.IsoRecertification;

    /// <summary>True for audits by a third party (an audit firm or a certification body).</summary>
    public static bool IsExternal(this EngagementKind kind) => kind.IsSoc2() || kind.IsIsoCertification();

    /// <summary>The framework an engagement of this kind is against by default.</summary>
    public static string DefaultFramework(this EngagementKind kind) => kind.IsSoc2() ? FrameworkIds.Soc2v2017 : FrameworkIds.Iso27001v2022;
}
