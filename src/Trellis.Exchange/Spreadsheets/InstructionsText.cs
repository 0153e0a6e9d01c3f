using ClosedXML.Excel;
using Trellis.Core.Program;

namespace Trellis.Exchange.Spreadsheets;

/// <summary>The Instructions sheet of the controls template.</summary>
internal static class InstructionsText
{
    public static void Write(IXLWorksheet sheet, IReadOnlyList<string> frameworks)
    {
        (string Field, string Text)[] rows =
        [
            ("How this works", "Fill in one control per row on the Controls sheet and import the file with: trellis controls import FILE.xlsx (add --dry-run to check it first). A control whose id is already in Trellis is replaced by its row; a new id adds a control; controls not in the file are left as they are. If any row has a problem, nothing is imported and every problem is listed with its cell, e.g. Controls!E7."),
            ("Header row", "Keep row 1 as it is: the columns id, title, description, owner, cadence, status and mappings must all be there (in any order). Columns with other headers are refused, so a misspelt header cannot silently drop data."),
            ("id", "Required. Your own control ID, unique in the file and at most 200 characters, e.g. AC-01."),
            ("title", "Required. A short name for the control."),
            ("description", "What the control does, in your words. Optional."),
            ("owner", "The accountable person (name or e-mail). Optional."),
            ("cadence", $"Required. How often the control operates: {string.Join(", ", Cadences.WireNames)}."),
            ("status", $"Required. {string.Join(", ", ImplementationStatuses.WireNames)}."),
            ("mappings", $"The requirements the control addresses, as framework:requirement=relationship, separated by semicolons or line breaks, e.g. iso27001-2022:A.5.15=equal; soc2-2017:CC6.1=subset-of. Relationships say what the control is to the requirement: {string.Join(", ", ControlSheet.MappingRelationshipNames)}. Leave the cell empty for a control without mappings."),
            ("Frameworks", string.Join(", ", frameworks)),
            ("Formulas", "Type values, not formulas: a cell holding a formula is refused (Trellis never calculates them). Text that starts with =, +, -, or @ must start with an apostrophe (') so spreadsheets keep it as text; the apostrophe is not imported."),
            ("File", "Save as an Excel workbook (.xlsx) without a password and without macros."),
        ];

        ControlTemplate.Text(sheet.Cell(1, 1), "Trellis controls template").Style.Font.SetBold(true).Font.SetFontSize(14);
        for (var i = 0; i < rows.Length; i++)
        {
            ControlTemplate.Text(sheet.Cell(i + 3, 1), rows[i].Field).Style.Font.SetBold(true);
            ControlTemplate.Text(sheet.Cell(i + 3, 2), rows[i].Text);
        }

        sheet.Column(1).Width = 18;
        sheet.Column(2).Width = 110;
        sheet.Column(2).Style.Alignment.SetWrapText(true);
        sheet.Range(1, 1, rows.Length + 2, 2).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
    }
}
