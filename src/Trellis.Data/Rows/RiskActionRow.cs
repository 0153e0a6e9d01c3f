namespace Trellis.Data.Rows;

/// <summary>One action of a risk treatment plan.</summary>
public sealed class RiskActionRow
{
    /// <summary>The risk.</summary>
    public string RiskId { get; set; } = "";

    /// <summary>Position in the plan.</summary>
    public int Ordinal { get; set; }

    /// <summary>What will be done.</summary>
    public string Description { get; set; } = "";

    /// <summary>Due date.</summary>
    public DateOnly? Due { get; set; }

    /// <summary>Completed.</summary>
    public bool Done { get; set; }
}
