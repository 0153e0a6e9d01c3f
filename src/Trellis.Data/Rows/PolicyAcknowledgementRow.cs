namespace Trellis.Data.Rows;

/// <summary>One person's acknowledgement of one policy version.</summary>
public sealed class PolicyAcknowledgementRow
{
    /// <summary>Policy ID.</summary>
    public string PolicyId { get; set; } = "";

    /// <summary>Version number acknowledged.</summary>
    public int VersionNumber { get; set; }

    /// <summary>The person's e-mail.</summary>
    public string Person { get; set; } = "";

    /// <summary>When, UTC ticks.</summary>
    public long AcknowledgedUtcTicks { get; set; }

    /// <summary>Order of recording within the policy.</summary>
    public int Ordinal { get; set; }
}
