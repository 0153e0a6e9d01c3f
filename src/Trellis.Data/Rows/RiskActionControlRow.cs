namespace Trellis.Data.Rows;

/// <summary>A control a treatment action puts in place; deleted with the action or the control.</summary>
public sealed class RiskActionControlRow
{
    /// <summary>The risk.</summary>
    public string RiskId { get; set; } = "";

    /// <summary>The action's position in the plan.</summary>
    public int ActionOrdinal { get; set; }

    /// <summary>Position in the action's control list.</summary>
    public int Ordinal { get; set; }

    /// <summary>The control.</summary>
    public string ControlId { get; set; } = "";
}
