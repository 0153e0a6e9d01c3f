using Trellis.Core.Crosswalk;

namespace Trellis.Core.Program;

/// <summary>
/// A requirement a control addresses, and how: "the control is <see cref="Relationship"/> the requirement"
/// (a control can be equal to A.5.15 and subset-of CC6.1).
/// </summary>
/// <param name="Requirement">Framework and requirement ID.</param>
/// <param name="Relationship">Relationship of the control to the requirement (no-relationship is not allowed).</param>
public sealed record ControlMapping(RequirementRef Requirement, Relationship Relationship);

/// <summary>One of the organization's own controls (e.g. <c>AC-01</c>): what it does, who owns it, how often it runs.</summary>
public sealed record Control
{
    /// <summary>Control ID, unique in the program, e.g. <c>AC-01</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Short title.</summary>
    public required string Title { get; init; }

    /// <summary>What the control does, in the organization's words.</summary>
    public string Description { get; init; } = "";

    /// <summary>Accountable person (e-mail or name).</summary>
    public string Owner { get; init; } = "";

    /// <summary>How often it operates.</summary>
    public Cadence Cadence { get; init; } = Cadence.Annual;

    /// <summary>Implementation status.</summary>
    public ImplementationStatus Status { get; init; } = ImplementationStatus.Planned;

    /// <summary>Requirements the control addresses, in any framework.</summary>
    public IReadOnlyList<ControlMapping> Mappings { get; init; } = [];
}
