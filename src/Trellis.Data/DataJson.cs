using System.Text.Json;
using Trellis.Core.Common;

namespace Trellis.Data;

/// <summary>
/// JSON used for the few values stored as text (scope, risk matrix, string lists, imported mapping links):
/// camelCase properties, enums as their wire names (<c>carve-out</c>). A missing property keeps the Core default, so <c>{}</c> is a
/// valid default scope or matrix.
/// </summary>
internal static class DataJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new WireNamesJsonConverter() },
        RespectNullableAnnotations = true,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"The database holds null for a {typeof(T).Name}.");
}
