using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Trellis.Exchange.Reports.Writers;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as JSON (camelCase): kind, title, subtitle, generatedAt, metadata
/// (name/value pairs in order) and sections, each with its columns and its rows as objects keyed by column key.
/// Unpaired surrogates and control characters other than tab, CR and LF become U+FFFD; non-ASCII text is kept readable; <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes are escaped so the JSON is
/// safe to embed in HTML.
/// </summary>
public static class JsonReportWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Writes the JSON to <paramref name="output"/>.</summary>
    public static void Write(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteString("kind", ReportText.Clean(document.Kind));
        json.WriteString("title", ReportText.Clean(document.Title));
        json.WriteString("subtitle", ReportText.Clean(document.Subtitle));
        json.WriteString("generatedAt", document.GeneratedAt.ToUniversalTime());
        json.WriteStartArray("metadata");
        foreach (var field in document.Metadata)
        {
            json.WriteStartObject();
            json.WriteString("name", ReportText.Clean(field.Name));
            json.WriteString("value", ReportText.Clean(field.Value));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("sections");
        foreach (var section in document.Sections)
        {
            WriteSection(json, section);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The JSON as UTF-8 bytes.</summary>
    public static byte[] Write(ReportDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return stream.ToArray();
    }

    private static void WriteSection(Utf8JsonWriter json, ReportSection section)
    {
        json.WriteStartObject();
        json.WriteString("heading", ReportText.Clean(section.Heading));
        if (section.Paragraph is null)
        {
            json.WriteNull("paragraph");
        }
        else
        {
            json.WriteString("paragraph", ReportText.Clean(section.Paragraph));
        }

        json.WriteStartArray("columns");
        foreach (var column in section.Table.Columns)
        {
            json.WriteStartObject();
            json.WriteString("key", ReportText.Clean(column.Key));
            json.WriteString("header", ReportText.Clean(column.Header));
            json.WriteNumber("width", column.Width);
            json.WriteString("alignment", column.Alignment.ToWire());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("rows");
        foreach (var row in section.Table.Rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < row.Count; i++)
            {
                json.WriteString(section.Table.Columns[i].Key, ReportText.Clean(row[i]));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("charts");
        foreach (var chart in section.Charts)
        {
            json.WriteStartObject();
            json.WriteString("title", ReportText.Clean(chart.Title));
            json.WriteStartArray("points");
            foreach (var point in chart.Points)
            {
                json.WriteStartObject();
                json.WriteString("label", ReportText.Clean(point.Label));
                json.WriteNumber("value", point.Value);
                json.WriteString("tone", point.Tone.ToWire());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
