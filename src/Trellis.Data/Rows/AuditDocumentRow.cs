namespace Trellis.Data.Rows;

/// <summary>
/// An audit record (an engagement or a finding) kept as its JSON document: these records are read and written
/// whole, by ID, and never queried by their fields.
/// </summary>
public sealed class AuditDocumentRow
{
    /// <summary><c>engagement</c> or <c>finding</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>ID within the kind.</summary>
    public string Id { get; set; } = "";

    /// <summary>The record as JSON.</summary>
    public string Document { get; set; } = "";

    /// <summary>Concurrency token, incremented on every update.</summary>
    public int Version { get; set; } = 1;
}
