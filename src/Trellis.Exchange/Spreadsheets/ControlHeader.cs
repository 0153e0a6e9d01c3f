using ClosedXML.Excel;
using Trellis.Core.Common;

namespace Trellis.Exchange.Spreadsheets;

/// <summary>Finds the columns of the Controls sheet from its header row (row 1).</summary>
internal static class ControlHeader
{
    /// <summary>Column number by field name, or null when a required column is missing or a header is wrong (all reported).</summary>
    public static Dictionary<string, int>? Read(IXLWorksheet sheet, CellReading cells)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var before = cells.Failures;
        var last = sheet.Row(1).LastCellUsed(XLCellsUsedOptions.Contents)?.Address.ColumnNumber ?? 0;
        for (var column = 1; column <= last; column++)
        {
            var cell = sheet.Cell(1, column);
            var text = cells.Text(cell, "header")?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue; // an empty header cell: nothing in that column is read
            }

            var name = ControlSheet.Columns.FirstOrDefault(c => c.Equals(text, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                var near = Suggestions.Nearest(text, ControlSheet.Columns, 1)[0];
                cells.Fail(cell, "header", ErrorCodes.UnknownColumn, $"column '{CellReading.Shorten(text)}' is not one Trellis reads (did you mean '{near}'?); the columns are {string.Join(", ", ControlSheet.Columns)}");
            }
            else if (!found.TryAdd(name, column))
            {
                var first = sheet.Cell(1, found[name]).Address.ColumnLetter;
                cells.Fail(cell, "header", ErrorCodes.DuplicateColumn, $"column '{name}' appears twice (also in column {first})");
            }
        }

        foreach (var missing in ControlSheet.Columns.Where(c => !found.ContainsKey(c)))
        {
            cells.Fail(
                ErrorCodes.MissingColumn,
                $"the header row has no '{missing}' column; row 1 must name all of {string.Join(", ", ControlSheet.Columns)}",
                $"{sheet.Name}!1:1 (header)");
        }

        return cells.Failures == before ? found : null;
    }
}
