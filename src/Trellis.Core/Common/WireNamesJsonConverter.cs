using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trellis.Core.Common;

/// <summary>
/// Writes and reads every enum as its wire name (<see cref="WireNames{T}"/>), as values and as dictionary keys: the
/// one spelling of enums in API JSON, CLI JSON, the audit trail and stored documents. An enum without a table
/// cannot be serialized (a bug, caught by the wire-name tests), rather than silently written as a number.
/// </summary>
/// <param name="acceptMemberNames">
/// Also read the C# member name (<c>Soc2Type2</c>, exact case), for documents stored before wire names were used
/// there. Never used when writing. The default is false.
/// </param>
public sealed class WireNamesJsonConverter(bool acceptMemberNames = false) : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return typeToConvert.IsEnum;
    }

    /// <inheritdoc />
    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(
            typeof(EnumConverter<>).MakeGenericType(typeToConvert),
            BindingFlags.Instance | BindingFlags.Public | BindingFlags.DoNotWrapExceptions,
            binder: null,
            [acceptMemberNames],
            culture: null);

    private sealed class EnumConverter<T>(bool acceptMemberNames) : JsonConverter<T>
        where T : struct, Enum
    {
        private readonly WireNames<T> _names = WireNames.Of<T>();

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? Parse(reader.GetString())
                : throw new JsonException($"expected a {typeof(T).Name} name, one of {string.Join(", ", _names.All)}");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(_names[value]);

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(_names[value]);

        private T Parse(string? text)
        {
            if (_names.TryParse(text, out var value))
            {
                return value;
            }

            // Documents stored before wire names carry the member name; digits alone would be a numeric value.
            if (acceptMemberNames && text is { Length: > 0 } && !char.IsAsciiDigit(text[0]) && text.All(char.IsAsciiLetterOrDigit)
                && Enum.TryParse(text, ignoreCase: false, out value) && Enum.IsDefined(value))
            {
                return value;
            }

            throw new JsonException($"unknown {typeof(T).Name} '{text}'; expected one of {string.Join(", ", _names.All)}");
        }
    }
}
