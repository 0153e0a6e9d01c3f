using ClosedXML.Excel;
using Trellis.Core.Advice;
using Trellis.Core.Crosswalk;

namespace Trellis.Exchange.Spreadsheets;

/// <summary>
/// Writes a roadmap as an .xlsx workbook: sheet "Roadmap" (one row per task) and sheet "Evidence reuse".
/// Every text cell is neutralized against formula injection; column widths are fixed because ClosedXML 0.95's
/// AdjustToContents needs libgdiplus (not installed on CI machines).
/// </summary>
public static class RoadmapWorkbook
{
    /// <summary>Header of the "Roadmap" sheet (a stable contract for people filtering the sheet).</summary>
    public static readonly string[] TaskHeader = ["step", "id", "title", "produces", "satisfies", "status", "basis"];

    /// <summary>Header of the "Evidence reuse" sheet.</summary>
    public static readonly string[] ReuseHeader = ["iso requirement", "soc2 criterion", "relationship", "evidence counts"];

    private static readonly double[] TaskWidths = [6, 30, 55, 80, 45, 13, 70];
    private static readonly double[] ReuseWidths = [18, 16, 16, 18];

    /// <summary>Saves the workbook to <paramref name="path"/>, replacing any file there.</summary>
    public static void Save(Roadmap roadmap, string path)
    {
        using var workbook = new XLWorkbook();
        Sheet(
            workbook, "Roadmap", TaskHeader, TaskWidths,
            roadmap.Tasks.Select(t => (IReadOnlyList<object>)
            [
                t.Step, t.Id, t.Title, t.Produces, string.Join(" ", t.Satisfies.Select(r => r.ToString())), t.Status.ToWire(), t.Basis,
            ]));
        Sheet(
            workbook, "Evidence reuse", ReuseHeader, ReuseWidths,
            roadmap.Reuse.Select(r => (IReadOnlyList<object>)
            [
                r.Iso.Requirement, r.Criterion.Requirement, r.Relationship.ToWire(), r.CountsFully ? "fully" : "supporting",
            ]));
        workbook.SaveAs(path);
    }

    private static void Sheet(XLWorkbook workbook, string name, string[] header, double[] widths, IEnumerable<IReadOnlyList<object>> rows)
    {
        var sheet = workbook.AddWorksheet(name);
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(header[c]);
            sheet.Column(c + 1).Width = widths[c];
        }

        var row = 1;
        foreach (var values in rows)
        {
            row++;
            for (var c = 0; c < values.Count; c++)
            {
                var cell = sheet.Cell(row, c + 1);
                if (values[c] is int number)
                {
                    cell.SetValue(number);
                }
                else
                {
                    // SetValue<string> keeps text as text (the Value setter would turn "1.5" into a number).
                    cell.SetValue(SpreadsheetText.Neutralize(values[c] as string));
                }
            }
        }

        var headerRow = sheet.Row(1);
        headerRow.Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, row, header.Length).SetAutoFilter();
        sheet.Columns(1, header.Length).Style.Alignment.WrapText = true;
        sheet.Columns(1, header.Length).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }
}
