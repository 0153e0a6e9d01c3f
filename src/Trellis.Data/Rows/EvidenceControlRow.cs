namespace Trellis.Data.Rows;

/// <summary>A link from evidence to a control it supports; deleted with either side.</summary>
public sealed class EvidenceControlRow
{
    /// <summary>The evidence item.</summary>
    public string EvidenceId { get; set; } = "";

    /// <summary>Position in the item's control list.</summary>
    public int Ordinal { get; set; }

    /// <summary>The control.</summary>
    public string ControlId { get; set; } = "";
}
