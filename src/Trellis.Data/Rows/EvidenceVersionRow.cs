namespace Trellis.Data.Rows;

/// <summary>One version of a piece of evidence: a file (by SHA-256, contents in <see cref="BlobRow"/>) or a link.</summary>
public sealed class EvidenceVersionRow
{
    /// <summary>The evidence item.</summary>
    public string EvidenceId { get; set; } = "";

    /// <summary>Version number, from 1.</summary>
    public int Number { get; set; }

    /// <summary>Lowercase hex SHA-256 of the file (references <see cref="BlobRow.Sha256"/>); null for a link.</summary>
    public string? Sha256 { get; set; }

    /// <summary>File name.</summary>
    public string? FileName { get; set; }

    /// <summary>File size in bytes; 0 for a link.</summary>
    public long Size { get; set; }

    /// <summary>Media type.</summary>
    public string? MediaType { get; set; }

    /// <summary>URL of link evidence.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// Collection instant as UTC ticks (100 ns since 0001-01-01). Ticks rather than a timestamp column keep
    /// full precision on both providers (PostgreSQL timestamps stop at microseconds) and sort on SQLite.
    /// </summary>
    public long CollectedAtUtcTicks { get; set; }

    /// <summary>First (or only) day the evidence covers.</summary>
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Last day of the covered period; null for a single day.</summary>
    public DateOnly? EffectiveTo { get; set; }
}
