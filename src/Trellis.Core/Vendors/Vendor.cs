using Trellis.Core.Program;

namespace Trellis.Core.Vendors;

/// <summary>How much the program depends on a vendor.</summary>
public enum VendorCriticality
{
    /// <summary>Replaceable, no customer data.</summary>
    Low,

    /// <summary>Some data or some dependence.</summary>
    Medium,

    /// <summary>Customer data or production dependence.</summary>
    High,

    /// <summary>The service stops without it.</summary>
    Critical,
}

/// <summary>The type of a SOC 2 report: design at a date (Type 1) or operating effectiveness over a period (Type 2).</summary>
public enum Soc2ReportType
{
    /// <summary>Type 1.</summary>
    Type1,

    /// <summary>Type 2.</summary>
    Type2,
}

/// <summary>The service auditor's opinion in a SOC 2 report (AT-C 205/320 opinion forms).</summary>
public enum AuditOpinion
{
    /// <summary>Unmodified.</summary>
    Unqualified,

    /// <summary>Qualified: except for the matters described.</summary>
    Qualified,

    /// <summary>Adverse.</summary>
    Adverse,

    /// <summary>Disclaimer of opinion.</summary>
    Disclaimer,
}

/// <summary>A vendor's SOC 2 report as held by us.</summary>
/// <param name="Type">Type 1 or Type 2.</param>
/// <param name="PeriodStart">First day of the period (the report date for a Type 1).</param>
/// <param name="PeriodEnd">Last day of the period (the report date for a Type 1).</param>
/// <param name="Opinion">The opinion.</param>
public sealed record Soc2Assurance(Soc2ReportType Type, DateOnly PeriodStart, DateOnly PeriodEnd, AuditOpinion Opinion);

/// <summary>A vendor's ISO/IEC 27001 certificate as held by us.</summary>
/// <param name="Number">Certificate number.</param>
/// <param name="Expiry">Last day it is valid.</param>
public sealed record IsoCertificateAssurance(string Number, DateOnly Expiry);

/// <summary>
/// A complementary subservice-organization control (CSOC): what the subservice organization is expected to operate,
/// with our controls that monitor it (e.g. the annual review of its SOC 2 report).
/// </summary>
/// <param name="Description">The control, in our words.</param>
/// <param name="MonitoredBy">IDs of our controls that monitor it.</param>
public sealed record ComplementarySubserviceControl(string Description, IReadOnlyList<string> MonitoredBy);

/// <summary>The vendor's role as a subservice organization of the SOC 2 system (DC 200: carve-out or inclusive).</summary>
/// <param name="Method">Carve-out or inclusive.</param>
/// <param name="Controls">Its CSOCs.</param>
public sealed record VendorSubservice(SubserviceMethod Method, IReadOnlyList<ComplementarySubserviceControl> Controls);

/// <summary>
/// A vendor of the register (ISO/IEC 27001 A.5.19–A.5.23, SOC 2 CC9.2): what it does, what data it gets, how critical it
/// is, how often it is reviewed and when it last was, the assurance it gave us, the risks it carries, and, when it is a
/// subservice organization of the SOC 2 system, its CSOCs.
/// </summary>
public sealed record Vendor
{
    /// <summary>ID, e.g. <c>V-AWS</c>: letters, digits, '-', '_' and '.', at most 64.</summary>
    public required string Id { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>The service it provides.</summary>
    public string Service { get; init; } = "";

    /// <summary>The data it receives or processes.</summary>
    public string DataShared { get; init; } = "";

    /// <summary>Criticality.</summary>
    public VendorCriticality Criticality { get; init; } = VendorCriticality.Medium;

    /// <summary>The person who reviews it (e-mail); gets the digest lines.</summary>
    public string Owner { get; init; } = "";

    /// <summary>How often it is reviewed: monthly, quarterly, semi-annual or annual (default annual).</summary>
    public Cadence ReviewCadence { get; init; } = Cadence.Annual;

    /// <summary>Day of the last review; null when never reviewed.</summary>
    public DateOnly? LastReview { get; init; }

    /// <summary>Its SOC 2 report, if one is held.</summary>
    public Soc2Assurance? Soc2 { get; init; }

    /// <summary>Its ISO/IEC 27001 certificate, if one is held.</summary>
    public IsoCertificateAssurance? Iso27001 { get; init; }

    /// <summary>IDs of the register's risks this vendor carries.</summary>
    public IReadOnlyList<string> RiskIds { get; init; } = [];

    /// <summary>Its role as a subservice organization, or null when it is not one.</summary>
    public VendorSubservice? Subservice { get; init; }
}
