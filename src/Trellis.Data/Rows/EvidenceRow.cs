namespace Trellis.Data.Rows;

/// <summary>A piece of evidence (its versions and control links are separate rows).</summary>
public sealed class EvidenceRow
{
    /// <summary>Evidence ID, e.g. <c>EV-0001</c> (primary key).</summary>
    public string Id { get; set; } = "";

    /// <summary>Position in the program's evidence list.</summary>
    public int Ordinal { get; set; }

    /// <summary>Title.</summary>
    public string Title { get; set; } = "";

    /// <summary>Source.</summary>
    public string Source { get; set; } = "";

    /// <summary>Concurrency token, incremented when the item or its versions change.</summary>
    public int Version { get; set; } = 1;
}
