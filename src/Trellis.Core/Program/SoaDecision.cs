namespace Trellis.Core.Program;

/// <summary>Why an Annex A control is included (ISO/IEC 27001 6.1.3 d).</summary>
public enum InclusionReason
{
    /// <summary>Risk treatment needs it.</summary>
    Risk,

    /// <summary>A law or regulation requires it.</summary>
    Legal,

    /// <summary>A contract requires it.</summary>
    Contractual,

    /// <summary>The business chose it.</summary>
    Business,
}

/// <summary>
/// The organization's decision on one Annex A control for the Statement of Applicability. Status and linked
/// controls and risks are derived from the program; only the decision is stored.
/// </summary>
public sealed record SoaDecision
{
    /// <summary>Annex A control ID, e.g. <c>A.5.1</c>.</summary>
    public required string Control { get; init; }

    /// <summary>Applicable or excluded.</summary>
    public bool Applicable { get; init; } = true;

    /// <summary>Justification; required when excluded.</summary>
    public string Justification { get; init; } = "";

    /// <summary>Reasons for inclusion.</summary>
    public IReadOnlyList<InclusionReason> Reasons { get; init; } = [];

    /// <summary>The status the SoA declares (what the organization tells the auditor); null to derive it.</summary>
    public ImplementationStatus? DeclaredStatus { get; init; }
}
