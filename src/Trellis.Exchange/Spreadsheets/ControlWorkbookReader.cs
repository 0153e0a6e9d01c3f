using System.Globalization;
using ClosedXML.Excel;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;

namespace Trellis.Exchange.Spreadsheets;

/// <summary>
/// Reads the controls workbook written by <see cref="ControlTemplate"/> (or edited from it) into
/// <see cref="Control"/> records, or reports every problem (up to <see cref="WorkbookLimits.MaxErrors"/>), each
/// naming sheet, cell and column, e.g. <c>Controls!E7 (cadence): 'fortnightly' is not a cadence; expected one of
/// …</c>. The file is first checked as a zip (size, entries, zip bombs, encryption, macros, DTDs; see
/// <see cref="WorkbookPackage"/>) and only then opened with ClosedXML. Formulas are never evaluated: a formula
/// cell is an error (see <see cref="CellReading"/>). Row 1 of sheet "Controls" must hold all seven columns of
/// <see cref="ControlSheet.Columns"/> (any order, any case) and no others, so a missing or misspelt column cannot
/// silently blank a field; fully empty rows are skipped; other sheets are ignored. IDs must be unique; mappings
/// must name requirements of <paramref name="catalog"/> once each, with a relationship other than no-relationship.
/// </summary>
public static class ControlWorkbookReader
{
    /// <summary>Longest control ID (the database column's length).</summary>
    public const int MaxIdLength = 200;

    /// <summary>Reads the workbook at <paramref name="path"/>; errors about the file are located at the path as given.</summary>
    /// <param name="path">The .xlsx file.</param>
    /// <param name="catalog">Frameworks mappings are checked against; shipped and imported.</param>
    /// <param name="limits">Size and error limits; the default is <see cref="WorkbookLimits"/>'s defaults.</param>
    public static ControlWorkbookReadResult Read(string path, FrameworkCatalog catalog, WorkbookLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        limits ??= new WorkbookLimits();
        if (!File.Exists(path))
        {
            return Fail(new Error(ErrorCodes.MissingFile, $"'{path}' does not exist", path));
        }

        var size = new FileInfo(path).Length;
        if (size > limits.MaxFileBytes)
        {
            return Fail(new Error(ErrorCodes.TooLarge, $"the file has {size.ToString(CultureInfo.InvariantCulture)} bytes; the limit is {limits.MaxFileBytes.ToString(CultureInfo.InvariantCulture)}", path));
        }

        return Read(File.ReadAllBytes(path), path, catalog, limits);
    }

    /// <summary>Reads a workbook held in memory; <paramref name="source"/> names it in file-level errors.</summary>
    public static ControlWorkbookReadResult Read(byte[] workbook, string source, FrameworkCatalog catalog, WorkbookLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        limits ??= new WorkbookLimits();
        ArgumentNullException.ThrowIfNull(catalog);
        var packageErrors = WorkbookPackage.Check(workbook, source, limits);
        if (packageErrors.Count > 0)
        {
            return ControlWorkbookReadResult.Fail(packageErrors);
        }

        XLWorkbook book;
        try
        {
            book = new XLWorkbook(new MemoryStream(workbook, writable: false));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Parsing untrusted bytes: whatever the library throws means "not a workbook it can read".
            return Fail(new Error(ErrorCodes.UnreadableWorkbook, $"the workbook cannot be read ({ex.GetType().Name}: {ex.Message.Split('\n')[0]}); open it in a spreadsheet program and save it as .xlsx again", source));
        }

        using (book)
        {
            if (!book.TryGetWorksheet(ControlSheet.ControlsSheet, out var sheet))
            {
                var names = string.Join(", ", book.Worksheets.Select(w => w.Name));
                return Fail(new Error(ErrorCodes.MissingSheet, $"the workbook has no sheet named '{ControlSheet.ControlsSheet}' (it has: {names})", source));
            }

            var cells = new CellReading(limits.MaxErrors);
            var controls = ReadSheet(sheet, cells, catalog, limits);
            return cells.Errors.Count == 0 ? ControlWorkbookReadResult.Ok(controls) : ControlWorkbookReadResult.Fail(cells.Errors);
        }
    }

    private static List<Control> ReadSheet(IXLWorksheet sheet, CellReading cells, FrameworkCatalog catalog, WorkbookLimits limits)
    {
        var controls = new List<Control>();
        var columns = ControlHeader.Read(sheet, cells);
        if (columns is null)
        {
            return controls;
        }

        var lastRow = sheet.LastRowUsed(XLCellsUsedOptions.Contents)?.RowNumber() ?? 1;
        if (lastRow - 1 > limits.MaxRows)
        {
            cells.Fail(ErrorCodes.TooManyRows, $"the sheet has rows down to {lastRow.ToString(CultureInfo.InvariantCulture)}; the limit is {limits.MaxRows.ToString(CultureInfo.InvariantCulture)} controls", $"{sheet.Name}!A{lastRow.ToString(CultureInfo.InvariantCulture)}");
            return controls;
        }

        var rows = new ControlRowReader(sheet, columns, cells, catalog);
        for (var row = 2; row <= lastRow && !cells.Full; row++)
        {
            if (rows.Read(row) is { } control)
            {
                controls.Add(control);
            }
        }

        if (controls.Count == 0 && cells.Errors.Count == 0)
        {
            cells.Fail(ErrorCodes.NoControls, "the sheet has no controls below the header row", $"{sheet.Name}!A2");
        }

        return controls;
    }

    private static ControlWorkbookReadResult Fail(Error error) => ControlWorkbookReadResult.Fail([error]);
}
