using Trellis.Core.Program;

namespace Trellis.Data.Rows;

/// <summary>The organization's SoA decision on one Annex A control.</summary>
public sealed class SoaDecisionRow
{
    /// <summary>Annex A control ID, e.g. <c>A.5.1</c> (primary key).</summary>
    public string Control { get; set; } = "";

    /// <summary>Position in the program's SoA list.</summary>
    public int Ordinal { get; set; }

    /// <summary>Applicable or excluded.</summary>
    public bool Applicable { get; set; }

    /// <summary>Justification.</summary>
    public string Justification { get; set; } = "";

    /// <summary>Reasons for inclusion, as a JSON array of lowercase names (<c>["risk","legal"]</c>).</summary>
    public string ReasonsJson { get; set; } = "[]";

    /// <summary>Declared status (wire name); null to derive it.</summary>
    public ImplementationStatus? DeclaredStatus { get; set; }

    /// <summary>Concurrency token, incremented on every update.</summary>
    public int Version { get; set; } = 1;
}
