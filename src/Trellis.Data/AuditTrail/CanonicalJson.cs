using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Trellis.Data.AuditTrail;

/// <summary>
/// Canonical JSON in the spirit of RFC 8785 (JCS): object members sorted by ordinal key, no insignificant
/// whitespace, the same escaping every time. The same value always gives the same bytes, so a hash over it
/// changes exactly when the content does.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>Serializes a value (camelCase, enums as wire names) to canonical JSON; null becomes <c>{}</c>.</summary>
    public static string Serialize(object? value)
    {
        if (value is null)
        {
            return "{}";
        }

        using var doc = JsonSerializer.SerializeToDocument(value, value.GetType(), Options);
        return Write(doc.RootElement);
    }

    /// <summary>Rewrites a JSON element canonically.</summary>
    public static string Write(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            Write(writer, element);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var p in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(p.Name);
                    Write(writer, p.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            default:
                writer.WriteRawValue(element.GetRawText(), skipInputValidation: true);
                break;
        }
    }

    /// <summary>
    /// Trellis's JSON conventions, on the wire, in the CLI and in the audit trail alike: camelCase members, enums as
    /// their wire names (<see cref="Trellis.Core.Common.WireNames{T}"/>).
    /// </summary>
    public static void ApplyConventions(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new Trellis.Core.Common.WireNamesJsonConverter());
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApplyConventions(o);
        return o;
    }
}
