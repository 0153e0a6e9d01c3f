namespace Trellis.Exchange.Spreadsheets;

/// <summary>
/// Neutralizes cell text that a spreadsheet would evaluate (CSV/formula injection, OWASP): values starting
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab, carriage return or NUL get a leading apostrophe.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>Returns the value safe to place in a spreadsheet or CSV cell.</summary>
    public static string Neutralize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? string.Empty;
        }

        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\0' ? "'" + value : value;
    }
}
