namespace Trellis.Data.Rows;

/// <summary>A control that treats a risk; deleted with either side.</summary>
public sealed class RiskControlRow
{
    /// <summary>The risk.</summary>
    public string RiskId { get; set; } = "";

    /// <summary>Position in the risk's control list.</summary>
    public int Ordinal { get; set; }

    /// <summary>The control.</summary>
    public string ControlId { get; set; } = "";
}
