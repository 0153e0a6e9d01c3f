namespace Trellis.Exchange.Reports;

/// <summary>How the text of a column is aligned in presentation formats (XLSX, HTML, PDF).</summary>
public enum ColumnAlignment
{
    /// <summary>Left (text).</summary>
    Left,

    /// <summary>Centred (short flags such as yes/no).</summary>
    Center,

    /// <summary>Right (numbers, sizes, counts).</summary>
    Right,
}

/// <summary>One column of a report table.</summary>
/// <param name="Key">Machine name, camelCase: the CSV header and the JSON property of each row (a stable contract).</param>
/// <param name="Header">Human header shown in XLSX, HTML and PDF.</param>
/// <param name="Width">Relative width; columns share the page or sheet width in proportion. The default is 1.</param>
/// <param name="Alignment">Alignment of the column's cells. The default is left.</param>
public sealed record ReportColumn(string Key, string Header, double Width = 1, ColumnAlignment Alignment = ColumnAlignment.Left);

/// <summary>
/// A table: columns and rows of cell text. Cells are plain text (a newline starts a new line within the cell);
/// writers encode, wrap and neutralize them for their format. Every row has exactly one cell per column.
/// </summary>
public sealed record ReportTable
{
    /// <summary>Creates a table; throws when keys repeat or a row's cell count differs from the column count (builder bugs).</summary>
    public ReportTable(IReadOnlyList<ReportColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (columns.Count == 0)
        {
            throw new ArgumentException("a report table needs at least one column", nameof(columns));
        }

        if (columns.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() != columns.Count)
        {
            throw new ArgumentException("column keys must be unique", nameof(columns));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Count != columns.Count)
            {
                throw new ArgumentException($"row {i} has {rows[i].Count} cells for {columns.Count} columns", nameof(rows));
            }
        }

        Columns = columns;
        Rows = rows;
    }

    /// <summary>The columns, left to right.</summary>
    public IReadOnlyList<ReportColumn> Columns { get; }

    /// <summary>The rows, in report order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }
}

/// <summary>The meaning of a bar, which presentation formats show as its colour.</summary>
public enum ChartTone
{
    /// <summary>Neutral information.</summary>
    Neutral,

    /// <summary>Good (covered).</summary>
    Good,

    /// <summary>Needs attention (partial).</summary>
    Warning,

    /// <summary>Bad (gap).</summary>
    Bad,

    /// <summary>Not counted (not applicable).</summary>
    Muted,
}

/// <summary>One bar of a chart.</summary>
/// <param name="Label">What the bar counts.</param>
/// <param name="Value">Its value (non-negative).</param>
/// <param name="Tone">Its meaning. The default is neutral.</param>
public sealed record ChartPoint(string Label, double Value, ChartTone Tone = ChartTone.Neutral);

/// <summary>A simple bar chart: a label → value series.</summary>
/// <param name="Title">Chart title.</param>
/// <param name="Points">The bars, top to bottom.</param>
public sealed record ReportChart(string Title, IReadOnlyList<ChartPoint> Points);

/// <summary>A section: heading, optional paragraph and charts, and one table.</summary>
/// <param name="Heading">Section heading (also the XLSX sheet name, shortened to 31 characters).</param>
/// <param name="Table">The section's table.</param>
public sealed record ReportSection(string Heading, ReportTable Table)
{
    /// <summary>A paragraph shown under the heading, or null.</summary>
    public string? Paragraph { get; init; }

    /// <summary>Charts shown before the table; empty for most reports.</summary>
    public IReadOnlyList<ReportChart> Charts { get; init; } = [];
}

/// <summary>One line of the metadata block (e.g. SoA version, approval, observation window).</summary>
/// <param name="Name">Label.</param>
/// <param name="Value">Value.</param>
public sealed record ReportField(string Name, string Value);

/// <summary>
/// A report in one layout that every writer renders: XLSX, HTML, PDF, CSV and JSON. Built by the report builders
/// from the program; independent of any output format.
/// </summary>
public sealed record ReportDocument
{
    /// <summary>Report kind wire name, e.g. <c>soa</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Title, e.g. "Statement of Applicability".</summary>
    public required string Title { get; init; }

    /// <summary>Subtitle (organization, framework).</summary>
    public string Subtitle { get; init; } = "";

    /// <summary>When the report was generated (UTC instant, from the injected <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The metadata block shown on the cover or first page.</summary>
    public IReadOnlyList<ReportField> Metadata { get; init; } = [];

    /// <summary>Sections, in order.</summary>
    public required IReadOnlyList<ReportSection> Sections { get; init; }

    /// <summary>True when a table has more than five columns: paged formats use A4 landscape.</summary>
    public bool IsWide => Sections.Any(s => s.Table.Columns.Count > 5);
}
