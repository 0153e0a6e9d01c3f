namespace Trellis.Data.Rows;

/// <summary>A framework catalog imported by the user (for example an OSCAL catalog), kept as its source document.</summary>
public sealed class ImportedFrameworkRow
{
    /// <summary>Framework ID (primary key).</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Source format, e.g. <c>oscal-catalog-json</c>.</summary>
    public string SourceFormat { get; set; } = "";

    /// <summary>The document text as imported.</summary>
    public string Document { get; set; } = "";

    /// <summary>Concurrency token, incremented on every update.</summary>
    public int Version { get; set; } = 1;
}
