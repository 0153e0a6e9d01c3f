using ClosedXML.Excel;
using Trellis.Exchange.Spreadsheets;

namespace Trellis.Exchange.Reports.Writers;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as an XLSX workbook: a cover sheet (title, metadata, sections, charts as
/// data) and one sheet per section with a bold, frozen header row, an autofilter, explicit column widths and
/// wrapped text. Every text cell is neutralized (<see cref="SpreadsheetText.Neutralize"/>) and stored as text,
/// never as a formula. Column widths are computed from the layout: ClosedXML's AdjustToContents needs
/// libgdiplus, which is not on the machines.
/// </summary>
public static class XlsxReportWriter
{
    /// <summary>Excel's limit on the characters in one cell.</summary>
    private const int MaxCellLength = 32_767;

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDE3EA");

    /// <summary>Writes the workbook to <paramref name="output"/>.</summary>
    public static void Write(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = document.Title;
        workbook.Properties.Subject = document.Subtitle;
        workbook.Properties.Author = "Trellis";
        workbook.Properties.Created = document.GeneratedAt.UtcDateTime;
        workbook.Properties.Modified = document.GeneratedAt.UtcDateTime;

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Cover" };
        var sheetNames = document.Sections.Select(s => SheetName(s.Heading, names)).ToList();
        WriteCover(workbook.AddWorksheet("Cover"), document, sheetNames);
        for (var i = 0; i < document.Sections.Count; i++)
        {
            WriteSection(workbook.AddWorksheet(sheetNames[i]), document.Sections[i], document.IsWide);
        }

        workbook.SaveAs(output);
    }

    /// <summary>The workbook as bytes.</summary>
    public static byte[] Write(ReportDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return stream.ToArray();
    }

    private static void WriteCover(IXLWorksheet sheet, ReportDocument document, List<string> sheetNames)
    {
        sheet.Column(1).Width = 30;
        sheet.Column(2).Width = 90;
        sheet.Column(3).Width = 12;
        var row = 1;
        Text(sheet.Cell(row, 1), document.Title).Style.Font.SetBold(true).Font.SetFontSize(16);
        Text(sheet.Cell(++row, 1), document.Subtitle);
        row++;
        Field(sheet, ++row, "Generated", ReportText.Instant(document.GeneratedAt));
        foreach (var field in document.Metadata)
        {
            Field(sheet, ++row, field.Name, field.Value);
        }

        row++;
        Text(sheet.Cell(++row, 1), "Sheets").Style.Font.SetBold(true);
        for (var i = 0; i < document.Sections.Count; i++)
        {
            var section = document.Sections[i];
            Field(sheet, ++row, sheetNames[i], $"{section.Heading}: {section.Table.Rows.Count} rows" + (section.Paragraph is null ? "" : $". {section.Paragraph}"));
        }

        foreach (var chart in document.Sections.SelectMany(s => s.Charts))
        {
            row++;
            Text(sheet.Cell(++row, 1), chart.Title).Style.Font.SetBold(true);
            foreach (var point in chart.Points)
            {
                Text(sheet.Cell(++row, 1), point.Label);
                sheet.Cell(row, 3).SetValue(point.Value);
                var max = chart.Points.Max(p => p.Value);
                Text(sheet.Cell(row, 2), new string('█', max <= 0 ? 0 : (int)Math.Round(40 * point.Value / max)));
            }
        }

        sheet.Column(2).Style.Alignment.SetWrapText(true);
        sheet.Range(1, 1, row, 3).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.FitToPages(1, 0);
    }

    private static void Field(IXLWorksheet sheet, int row, string name, string value)
    {
        Text(sheet.Cell(row, 1), name).Style.Font.SetBold(true);
        Text(sheet.Cell(row, 2), value);
    }

    private static void WriteSection(IXLWorksheet sheet, ReportSection section, bool wide)
    {
        var table = section.Table;
        var columns = table.Columns.Count;
        var widths = Widths(table.Columns, wide);
        for (var c = 0; c < columns; c++)
        {
            Text(sheet.Cell(1, c + 1), table.Columns[c].Header);
            sheet.Column(c + 1).Width = widths[c];
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var cells = table.Rows[r];
            for (var c = 0; c < columns; c++)
            {
                Text(sheet.Cell(r + 2, c + 1), cells[c]);
            }
        }

        var lastRow = table.Rows.Count + 1;
        var used = sheet.Range(1, 1, lastRow, columns);
        used.Style.Alignment.SetWrapText(true).Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        for (var c = 0; c < columns; c++)
        {
            var horizontal = table.Columns[c].Alignment switch
            {
                ColumnAlignment.Center => XLAlignmentHorizontalValues.Center,
                ColumnAlignment.Right => XLAlignmentHorizontalValues.Right,
                _ => XLAlignmentHorizontalValues.Left,
            };
            sheet.Range(1, c + 1, lastRow, c + 1).Style.Alignment.SetHorizontal(horizontal);
        }

        var header = sheet.Range(1, 1, 1, columns);
        header.Style.Font.SetBold(true).Fill.SetBackgroundColor(HeaderFill).Border.SetBottomBorder(XLBorderStyleValues.Thin);
        sheet.SheetView.FreezeRows(1);
        used.SetAutoFilter();

        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = wide ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
        sheet.PageSetup.SetRowsToRepeatAtTop(1, 1);
        sheet.PageSetup.FitToPages(1, 0);
    }

    /// <summary>Column widths in characters: the relative widths share a total that grows with the column count.</summary>
    private static double[] Widths(IReadOnlyList<ReportColumn> columns, bool wide)
    {
        var total = Math.Clamp(18.0 * columns.Count, 60, wide ? 220 : 140);
        var sum = columns.Sum(c => Math.Max(c.Width, 0.1));
        return columns.Select(c => Math.Clamp(
            Math.Max(total * Math.Max(c.Width, 0.1) / sum, c.Header.Length + 3), // room for the header and its filter button
            8,
            100)).ToArray();
    }

    /// <summary>Writes neutralized text as a text cell (SetValue keeps a leading apostrophe; Value= would strip it).</summary>
    private static IXLCell Text(IXLCell cell, string? value)
    {
        var text = ReportText.Clean(SpreadsheetText.Neutralize(value));
        if (text.Length > MaxCellLength)
        {
            text = string.Concat(text.AsSpan(0, MaxCellLength - 1), "…");
        }

        cell.SetValue(text);
        return cell;
    }

    /// <summary>A unique sheet name: at most 31 characters, none of <c>[]:*?/\</c>, no leading or trailing apostrophe.</summary>
    private static string SheetName(string heading, HashSet<string> used)
    {
        var chars = heading.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? ' ' : c).ToArray();
        var name = new string(chars).Trim().Trim('\'').Trim();
        if (name.Length == 0)
        {
            name = "Section";
        }

        name = name.Length > 31 ? name[..31].TrimEnd() : name;
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = (name.Length + suffix.Length > 31 ? name[..(31 - suffix.Length)] : name) + suffix;
        }

        return candidate;
    }
}
