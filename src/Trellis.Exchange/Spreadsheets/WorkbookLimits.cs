namespace Trellis.Exchange.Spreadsheets;

/// <summary>
/// Limits applied to an uploaded workbook before and while it is read. An .xlsx file is a zip of XML parts, so
/// a small file can expand enormously (a zip bomb); these limits are checked on the zip directory and again on
/// the bytes actually inflated, before ClosedXML sees the file.
/// </summary>
public sealed record WorkbookLimits
{
    /// <summary>Largest file accepted, in bytes. <value>The default is 10 MB.</value></summary>
    public long MaxFileBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Most zip entries (parts) accepted. <value>The default is 200; a Trellis template has about 15.</value></summary>
    public int MaxEntries { get; init; } = 200;

    /// <summary>Largest sum of the entries' uncompressed sizes, in bytes. <value>The default is 50 MB.</value></summary>
    public long MaxUncompressedBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>
    /// Largest uncompressed/compressed ratio of one entry, checked for entries larger than
    /// <see cref="RatioCheckedAboveBytes"/>. <value>The default is 100; spreadsheet XML typically compresses 5 to 30 times.</value>
    /// </summary>
    public double MaxCompressionRatio { get; init; } = 100;

    /// <summary>Entries up to this uncompressed size are exempt from the ratio check (small parts are harmless). <value>The default is 1 MB.</value></summary>
    public long RatioCheckedAboveBytes { get; init; } = 1024 * 1024;

    /// <summary>Most control rows read from the Controls sheet. <value>The default is 10,000.</value></summary>
    public int MaxRows { get; init; } = 10_000;

    /// <summary>Most problems reported before reading stops. <value>The default is 100.</value></summary>
    public int MaxErrors { get; init; } = 100;
}
