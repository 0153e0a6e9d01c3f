namespace Trellis.Data.Rows;

/// <summary>
/// The links imported between one pair of frameworks (for example from an OSCAL mapping collection), kept as JSON:
/// one row per ordered pair, merged by every import of that pair.
/// </summary>
public sealed class ImportedMappingRow
{
    /// <summary>Mapping set ID, <c>{source}_to_{target}</c> (primary key).</summary>
    public string Id { get; set; } = "";

    /// <summary>Framework on the left of every link.</summary>
    public string Source { get; set; } = "";

    /// <summary>Framework on the right of every link.</summary>
    public string Target { get; set; } = "";

    /// <summary>What the mapping is (from the last import).</summary>
    public string Description { get; set; } = "";

    /// <summary>Citation keys and texts, JSON.</summary>
    public string Sources { get; set; } = "{}";

    /// <summary>The links, JSON.</summary>
    public string Links { get; set; } = "[]";

    /// <summary>Concurrency token, incremented on every update.</summary>
    public int Version { get; set; } = 1;
}
