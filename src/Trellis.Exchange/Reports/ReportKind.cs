using Trellis.Core.Common;

namespace Trellis.Exchange.Reports;

/// <summary>The reports Trellis produces (issue 6, item 1).</summary>
public enum ReportKind
{
    /// <summary>Statement of Applicability: all 93 Annex A controls of ISO/IEC 27001:2022 (clause 6.1.3 d).</summary>
    Soa,

    /// <summary>SOC 2 control matrix: criterion → controls → evidence, for the TSC categories in scope.</summary>
    Matrix,

    /// <summary>Gap report: per framework, every requirement not covered, why, and what would close it.</summary>
    Gap,

    /// <summary>Crosswalk between two frameworks: every link with relationship, rationale and source.</summary>
    Crosswalk,

    /// <summary>Readiness summary per framework with a bar chart, and the per-requirement table.</summary>
    Readiness,

    /// <summary>Evidence index of an observation window: files with SHA-256, size, effective dates, controls.</summary>
    EvidenceIndex,

    /// <summary>
    /// SOC 2 system description (DC 200 sections the data fills): services and commitments, components and boundaries,
    /// TSC categories, subservice organizations from the vendor register with CSOCs and monitoring controls, CUECs.
    /// </summary>
    SystemDescription,
}

/// <summary>The output formats every report renders to.</summary>
public enum ReportFormat
{
    /// <summary>Office Open XML workbook (ClosedXML): cover sheet, one sheet per section.</summary>
    Xlsx,

    /// <summary>Self-contained, print-friendly HTML.</summary>
    Html,

    /// <summary>PDF (PDFsharp), A4, landscape for wide tables, page numbers.</summary>
    Pdf,

    /// <summary>RFC 4180 CSV of the tables.</summary>
    Csv,

    /// <summary>JSON (camelCase) of the whole document.</summary>
    Json,
}

/// <summary>Wire names of <see cref="ReportKind"/> and <see cref="ReportFormat"/>.</summary>
public static class ReportNames
{
    private static readonly WireNames<ReportKind> Kinds = new(new Dictionary<ReportKind, string>
    {
        [ReportKind.Soa] = "soa",
        [ReportKind.Matrix] = "matrix",
        [ReportKind.Gap] = "gap",
        [ReportKind.Crosswalk] = "crosswalk",
        [ReportKind.Readiness] = "readiness",
        [ReportKind.EvidenceIndex] = "evidence-index",
        [ReportKind.SystemDescription] = "system-description",
    });

    // In the order the CLI's help and error messages have always listed them.
    private static readonly WireNames<ReportFormat> Formats = new(new Dictionary<ReportFormat, string>
    {
        [ReportFormat.Xlsx] = "xlsx",
        [ReportFormat.Pdf] = "pdf",
        [ReportFormat.Html] = "html",
        [ReportFormat.Csv] = "csv",
        [ReportFormat.Json] = "json",
    });

    /// <summary><c>soa</c>, <c>matrix</c>, <c>gap</c>, <c>crosswalk</c>, <c>readiness</c>, <c>evidence-index</c>, <c>system-description</c>.</summary>
    public static IReadOnlyList<string> KindNames => Kinds.All;

    /// <summary><c>xlsx</c>, <c>pdf</c>, <c>html</c>, <c>csv</c>, <c>json</c>.</summary>
    public static IReadOnlyList<string> FormatNames => Formats.All;

    /// <summary>Wire name of a kind.</summary>
    public static string ToWire(this ReportKind kind) => Kinds[kind];

    /// <summary>Wire name of a format (also the file extension).</summary>
    public static string ToWire(this ReportFormat format) => Formats[format];

    /// <summary>Parses a kind wire name (exact, lowercase); false when unknown.</summary>
    public static bool TryParse(string? text, out ReportKind kind) => Kinds.TryParse(text, out kind);

    /// <summary>Parses a format wire name (exact, lowercase); false when unknown.</summary>
    public static bool TryParse(string? text, out ReportFormat format) => Formats.TryParse(text, out format);

    /// <summary>The media type of a format, for HTTP responses.</summary>
    public static string MediaType(this ReportFormat format) => format switch
    {
        ReportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ReportFormat.Html => "text/html; charset=utf-8",
        ReportFormat.Pdf => "application/pdf",
        ReportFormat.Csv => "text/csv; charset=utf-8",
        ReportFormat.Json => "application/json",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
