using Trellis.Core.Program;

namespace Trellis.Data.Rows;

/// <summary>One of the organization's controls.</summary>
public sealed class ControlRow
{
    /// <summary>Control ID, e.g. <c>AC-01</c> (primary key).</summary>
    public string Id { get; set; } = "";

    /// <summary>Position in the program's control list.</summary>
    public int Ordinal { get; set; }

    /// <summary>Short title.</summary>
    public string Title { get; set; } = "";

    /// <summary>Description.</summary>
    public string Description { get; set; } = "";

    /// <summary>Owner.</summary>
    public string Owner { get; set; } = "";

    /// <summary>Cadence, stored as its wire name (<c>semi-annual</c>).</summary>
    public Cadence Cadence { get; set; }

    /// <summary>Implementation status, stored as its wire name (<c>in-progress</c>).</summary>
    public ImplementationStatus Status { get; set; }

    /// <summary>Concurrency token, incremented on every update.</summary>
    public int Version { get; set; } = 1;
}
