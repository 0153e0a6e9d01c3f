namespace Trellis.Data.Rows;

/// <summary>A policy of the program (its versions, approvals and acknowledgements have rows of their own).</summary>
public sealed class PolicyRow
{
    /// <summary>Policy ID, e.g. <c>POL-001</c> or <c>access-control</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Position in the program's list of policies.</summary>
    public int Ordinal { get; set; }

    /// <summary>Title.</summary>
    public string Title { get; set; } = "";

    /// <summary>Owner's e-mail.</summary>
    public string Owner { get; set; } = "";

    /// <summary>Review cadence (wire name).</summary>
    public string ReviewCadence { get; set; } = "annual";

    /// <summary>Requirements it maps to, JSON list of <c>framework:id</c>.</summary>
    public string RequirementsJson { get; set; } = "[]";

    /// <summary>Controls it names, JSON list of IDs.</summary>
    public string ControlsJson { get; set; } = "[]";

    /// <summary>Template it was adopted from.</summary>
    public string? Template { get; set; }

    /// <summary>The evidence item its published versions live in.</summary>
    public string? EvidenceId { get; set; }

    /// <summary>Concurrency token, incremented on every update.</summary>
    public int Version { get; set; } = 1;
}
