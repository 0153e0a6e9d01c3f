using System.Text;
using Trellis.Exchange.Spreadsheets;

namespace Trellis.Exchange.Reports.Writers;

/// <summary>
/// Renders the tables of a <see cref="ReportDocument"/> as RFC 4180 CSV: CRLF line ends, fields quoted when they
/// hold a comma, quote, CR or LF, quotes doubled; UTF-8 without a byte-order mark. The header row holds the column
/// keys. A document with several sections becomes one table with a leading <c>section</c> column and the union of
/// the sections' columns (empty where a section lacks one), so every record has the same number of fields.
/// Every data cell is neutralized (<see cref="SpreadsheetText.Neutralize"/>).
/// </summary>
public static class CsvReportWriter
{
    /// <summary>Writes the CSV text.</summary>
    public static void Write(ReportDocument document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var several = document.Sections.Count > 1;
        var keys = document.Sections.SelectMany(s => s.Table.Columns.Select(c => c.Key)).Distinct(StringComparer.Ordinal).ToList();
        WriteRecord(output, several ? ["section", .. keys] : keys, neutralize: false);
        foreach (var section in document.Sections)
        {
            var index = section.Table.Columns.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
            foreach (var row in section.Table.Rows)
            {
                var cells = keys.Select(k => index.TryGetValue(k, out var i) ? row[i] : string.Empty);
                WriteRecord(output, several ? [section.Heading, .. cells] : [.. cells], neutralize: true);
            }
        }
    }

    /// <summary>The CSV as UTF-8 bytes.</summary>
    public static byte[] Write(ReportDocument document)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(document, writer);
        return new UTF8Encoding(false).GetBytes(writer.ToString());
    }

    private static void WriteRecord(TextWriter output, List<string> fields, bool neutralize)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                output.Write(',');
            }

            output.Write(Field(neutralize ? SpreadsheetText.Neutralize(fields[i]) : fields[i]));
        }

        output.Write("\r\n");
    }

    private static string Field(string value)
    {
        value = ReportText.Clean(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0
            ? value
            : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
