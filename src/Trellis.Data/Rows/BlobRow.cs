namespace Trellis.Data.Rows;

/// <summary>
/// Evidence file contents, content-addressed. Kept in the database so that every app instance on one
/// database sees the same files.
/// </summary>
public sealed class BlobRow
{
    /// <summary>Lowercase hex SHA-256 of <see cref="Content"/> (primary key).</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The bytes.</summary>
    public byte[] Content { get; set; } = [];

    /// <summary>Length of <see cref="Content"/> in bytes.</summary>
    public long Size { get; set; }
}
