using System.Globalization;
using ClosedXML.Excel;
using Trellis.Core.Common;

namespace Trellis.Exchange.Spreadsheets;

/// <summary>
/// Reads the literal text of a cell without ever evaluating anything, and collects located problems up to a cap.
/// A formula cell is an error (its cached result is not trusted and the formula is not run). Text that a
/// spreadsheet would treat as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab, carriage
/// return or NUL) must be marked as text: by a leading apostrophe, which is how
/// <see cref="SpreadsheetText.Neutralize"/> writes it and which is removed here, or by Excel's quote prefix (what
/// typing an apostrophe in Excel stores). Unmarked, it is an error, so no formula text enters the program.
/// </summary>
internal sealed class CellReading(int maxErrors)
{
    private readonly List<Error> _errors = [];

    public IReadOnlyList<Error> Errors => _errors;

    /// <summary>Problems found so far, including those past the cap that were not kept.</summary>
    public int Failures { get; private set; }

    /// <summary>True once the cap is reached; reading should stop.</summary>
    public bool Full => _errors.Count > maxErrors;

    public static string Where(IXLCell cell, string? field = null)
    {
        var at = $"{cell.Worksheet.Name}!{cell.Address.ColumnLetter}{cell.Address.RowNumber.ToString(CultureInfo.InvariantCulture)}";
        return field is null ? at : $"{at} ({field})";
    }

    public void Fail(string code, string message, string location)
    {
        Failures++;
        if (_errors.Count < maxErrors)
        {
            _errors.Add(new Error(code, message, location));
        }
        else if (_errors.Count == maxErrors)
        {
            _errors.Add(new Error(ErrorCodes.TooManyErrors, $"stopped after {maxErrors.ToString(CultureInfo.InvariantCulture)} problems; fix these and import again", location));
        }
    }

    public void Fail(IXLCell cell, string field, string code, string message) => Fail(code, message, Where(cell, field));

    /// <summary>The cell's text ("" when empty), or null after reporting why it cannot be read as text.</summary>
    public string? Text(IXLCell cell, string field)
    {
        if (cell.HasFormula)
        {
            Fail(cell, field, ErrorCodes.Formula, $"the cell holds a formula ({Shorten("=" + cell.FormulaA1)}); Trellis does not calculate formulas, type the value itself");
            return null;
        }

        switch (cell.DataType)
        {
            case XLDataType.Number:
                return cell.GetDouble().ToString(CultureInfo.InvariantCulture);
            case XLDataType.Boolean or XLDataType.DateTime or XLDataType.TimeSpan:
                Fail(cell, field, ErrorCodes.NotText, $"the cell holds a {(cell.DataType == XLDataType.Boolean ? "TRUE/FALSE value" : "date or time")}; type the value as text");
                return null;
        }

        var text = cell.GetString();
        if (text.Length > 1 && text[0] == '\'' && IsFormulaStart(text[1]))
        {
            return text[1..];
        }

        if (text.Length > 0 && IsFormulaStart(text[0]) && !cell.Style.IncludeQuotePrefix)
        {
            Fail(cell, field, ErrorCodes.FormulaText, $"'{Shorten(text)}' starts with '{Visible(text[0])}', which spreadsheets run as a formula; start the cell with an apostrophe (') to keep it as text");
            return null;
        }

        return text;
    }

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r' or '\0';

    private static string Visible(char c) => c switch
    {
        '\t' => "\\t",
        '\r' => "\\r",
        '\0' => "\\0",
        _ => c.ToString(),
    };

    internal static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
