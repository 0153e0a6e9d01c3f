using System.Text.Encodings.Web;
using System.Text.Json;

namespace Trellis.Exchange.Json;

/// <summary>
/// Serializer settings for JSON built from checked input: input is limited to <see cref="JsonLimits.MaxDepth"/>
/// levels when read, but pieces combined from several documents (a profile's additions inside a deep control) may
/// nest deeper than the serializer's default of 64; they are checked again when the result is read back.
/// </summary>
internal static class JsonDefaults
{
    /// <summary>Compact output.</summary>
    public static readonly JsonSerializerOptions Deep = new() { MaxDepth = 1024 };

    /// <summary>Indented output with characters such as '—' and '&lt;' written as themselves.</summary>
    public static readonly JsonSerializerOptions Indented = new()
    {
        MaxDepth = 1024,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
