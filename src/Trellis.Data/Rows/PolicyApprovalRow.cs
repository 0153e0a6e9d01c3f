namespace Trellis.Data.Rows;

/// <summary>One approver's approval of one policy version.</summary>
public sealed class PolicyApprovalRow
{
    /// <summary>Policy ID.</summary>
    public string PolicyId { get; set; } = "";

    /// <summary>Version number.</summary>
    public int VersionNumber { get; set; }

    /// <summary>Approver's e-mail.</summary>
    public string Approver { get; set; } = "";

    /// <summary>When, UTC ticks.</summary>
    public long ApprovedUtcTicks { get; set; }
}
