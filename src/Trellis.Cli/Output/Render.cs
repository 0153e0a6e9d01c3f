using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;
using Trellis.Data.AuditTrail;
using Trellis.Exchange.Spreadsheets;

namespace Trellis.Cli.Output;

/// <summary>Writes command results as JSON, CSV or a text table.</summary>
internal static class Render
{
    /// <summary>
    /// JSON settings of every command: Trellis's conventions (camelCase, enums as wire names, as in the API),
    /// indented, nulls kept (a null parent is information).
    /// </summary>
    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        CanonicalJson.ApplyConventions(options);
        return options;
    }

    public static void WriteJson<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>RFC 4180 CSV with formula-looking cells neutralized.</summary>
    public static void WriteCsv(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        output.Write(string.Join(",", header.Select(Cell)) + "\n");
        foreach (var row in rows)
        {
            output.Write(string.Join(",", row.Select(c => Cell(SpreadsheetText.Neutralize(c)))) + "\n");
        }
    }

    /// <summary>A plain text table (no colour codes, stable for pipes).</summary>
    public static void WriteTable(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, string? title = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        var table = new Table().Border(TableBorder.Simple);
        if (title is not null)
        {
            table.Title = new TableTitle(title);
        }

        foreach (var h in header)
        {
            table.AddColumn(new TableColumn(Markup.Escape(h)));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c ?? string.Empty)).ToArray());
        }

        console.Write(table);
    }

    private static string Cell(string? value)
    {
        value ??= string.Empty;
        if (value.IndexOfAny([',', '"', '\n', '\r']) < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 2).Append('"');
        sb.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        return sb.Append('"').ToString();
    }
}
