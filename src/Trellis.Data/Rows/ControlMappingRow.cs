using Trellis.Core.Crosswalk;

namespace Trellis.Data.Rows;

/// <summary>A requirement a control addresses; deleted with its control.</summary>
public sealed class ControlMappingRow
{
    /// <summary>The control.</summary>
    public string ControlId { get; set; } = "";

    /// <summary>Position in the control's mapping list.</summary>
    public int Ordinal { get; set; }

    /// <summary>Framework ID, e.g. <c>iso27001-2022</c>.</summary>
    public string Framework { get; set; } = "";

    /// <summary>Requirement ID, e.g. <c>A.5.15</c>.</summary>
    public string Requirement { get; set; } = "";

    /// <summary>Relationship of the control to the requirement, stored as its wire name.</summary>
    public Relationship Relationship { get; set; }
}
