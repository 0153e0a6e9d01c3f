using ClosedXML.Excel;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;

namespace Trellis.Exchange.Spreadsheets;

/// <summary>
/// Writes the controls workbook that <see cref="ControlWorkbookReader"/> reads back: sheet "Controls" (a bold,
/// frozen header row with filters, fixed column widths, drop-down lists for cadence and status), optionally
/// filled with the program's controls; sheet "Instructions"; and a hidden sheet "Lists" with the valid cadences,
/// statuses, relationships and framework IDs. Text is neutralized against formula injection
/// (<see cref="SpreadsheetText.Neutralize"/>: a leading apostrophe the reader removes again) and always stored
/// as text, never as a formula or a number. Column widths are fixed because ClosedXML's AdjustToContents needs
/// libgdiplus (not installed on CI machines).
/// </summary>
public static class ControlTemplate
{
    /// <summary>Rows below the header that get the drop-down lists (and so can be filled in with them).</summary>
    public const int ValidatedRows = 2000;

    private static readonly double[] Widths = [12, 40, 60, 28, 14, 16, 70];
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDE3EA");

    /// <summary>Writes the workbook to <paramref name="output"/>.</summary>
    /// <param name="controls">Controls to pre-fill, in order; empty for a blank template.</param>
    /// <param name="output">Where the .xlsx goes.</param>
    /// <param name="generatedAt">Recorded as the workbook's creation time.</param>
    /// <param name="catalog">Frameworks whose IDs are listed for mappings (shipped and imported).</param>
    public static void Write(IReadOnlyList<Control> controls, Stream output, DateTimeOffset generatedAt, FrameworkCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(controls);
        ArgumentNullException.ThrowIfNull(catalog);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = "Trellis controls";
        workbook.Properties.Author = "Trellis";
        workbook.Properties.Created = generatedAt.UtcDateTime;
        workbook.Properties.Modified = generatedAt.UtcDateTime;

        var sheet = workbook.AddWorksheet(ControlSheet.ControlsSheet);
        var instructions = workbook.AddWorksheet(ControlSheet.InstructionsSheet);
        var lists = workbook.AddWorksheet(ControlSheet.ListsSheet);
        var frameworks = catalog.Frameworks.Select(f => f.Id).ToList();
        var cadences = Column(lists, 1, "cadence", Cadences.WireNames.ToList());
        var statuses = Column(lists, 2, "status", ImplementationStatuses.WireNames);
        Column(lists, 3, "relationship", ControlSheet.MappingRelationshipNames);
        Column(lists, 4, "framework", frameworks);
        lists.Visibility = XLWorksheetVisibility.Hidden;

        WriteControls(sheet, controls, cadences, statuses);
        InstructionsText.Write(instructions, frameworks);
        sheet.SetTabActive();
        workbook.SaveAs(output);
    }

    /// <summary>The workbook as bytes.</summary>
    public static byte[] Write(IReadOnlyList<Control> controls, DateTimeOffset generatedAt, FrameworkCatalog catalog)
    {
        using var stream = new MemoryStream();
        Write(controls, stream, generatedAt, catalog);
        return stream.ToArray();
    }

    private static void WriteControls(IXLWorksheet sheet, IReadOnlyList<Control> controls, IXLRange cadences, IXLRange statuses)
    {
        var columns = ControlSheet.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            Text(sheet.Cell(1, c + 1), columns[c]);
            sheet.Column(c + 1).Width = Widths[c];
        }

        for (var r = 0; r < controls.Count; r++)
        {
            var control = controls[r];
            string[] values =
            [
                control.Id, control.Title, control.Description, control.Owner, control.Cadence.ToWire(), control.Status.ToWire(),
                ControlSheet.FormatMappings(control.Mappings),
            ];
            for (var c = 0; c < values.Length; c++)
            {
                Text(sheet.Cell(r + 2, c + 1), values[c]);
            }
        }

        var lastRow = Math.Max(controls.Count + 1, ValidatedRows + 1);
        var body = sheet.Range(2, 1, lastRow, columns.Count);
        body.Style.NumberFormat.Format = "@"; // typed values stay text (an ID such as 0101 keeps its zero)
        body.Style.Alignment.SetWrapText(true).Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        DropDown(sheet.Range(2, Index("cadence"), lastRow, Index("cadence")), cadences, "cadence");
        DropDown(sheet.Range(2, Index("status"), lastRow, Index("status")), statuses, "status");

        var header = sheet.Range(1, 1, 1, columns.Count);
        header.Style.Font.SetBold(true).Fill.SetBackgroundColor(HeaderFill).Border.SetBottomBorder(XLBorderStyleValues.Thin);
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Math.Max(controls.Count + 1, 2), columns.Count).SetAutoFilter();
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.SetRowsToRepeatAtTop(1, 1);
    }

    private static void DropDown(IXLRange range, IXLRange values, string field)
    {
        var validation = range.SetDataValidation();
        validation.List(values, true);
        validation.IgnoreBlanks = true;
        validation.ErrorStyle = XLErrorStyle.Stop;
        validation.ErrorTitle = $"Not a {field}";
        validation.ErrorMessage = $"Pick a {field} from the list (see the Instructions sheet).";
    }

    /// <summary>Writes a header and values down one column of the Lists sheet; returns the range of the values.</summary>
    private static IXLRange Column(IXLWorksheet lists, int column, string header, IReadOnlyList<string> values)
    {
        Text(lists.Cell(1, column), header).Style.Font.SetBold(true);
        for (var i = 0; i < values.Count; i++)
        {
            Text(lists.Cell(i + 2, column), values[i]);
        }

        lists.Column(column).Width = 22;
        return lists.Range(2, column, values.Count + 1, column);
    }

    private static int Index(string column) => ControlSheet.Columns.ToList().IndexOf(column) + 1;

    /// <summary>Writes neutralized text as a text cell (SetValue keeps a leading apostrophe; the Value setter would strip it).</summary>
    internal static IXLCell Text(IXLCell cell, string? value)
    {
        cell.SetValue(SpreadsheetText.Neutralize(value));
        return cell;
    }
}
