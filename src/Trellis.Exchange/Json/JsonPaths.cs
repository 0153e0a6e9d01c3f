using System.Globalization;
using System.Text.Json;

namespace Trellis.Exchange.Json;

/// <summary>
/// Writes locations in a JSON document as JSONPath (RFC 9535 normalized form, with dot notation for plain names):
/// <c>$.catalog.groups[2].controls[0].id</c>. Used in every error about a JSON input.
/// </summary>
public static class JsonPaths
{
    /// <summary>The path of the root value.</summary>
    public const string Root = "$";

    /// <summary>Appends a property name: <c>.name</c> for plain names (letters, digits, <c>_</c>, <c>-</c>), else <c>['name']</c>.</summary>
    public static string Property(string path, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IsPlain(name) ? $"{path}.{name}" : $"{path}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";
    }

    /// <summary>Appends an array index: <c>[i]</c>.</summary>
    public static string Index(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>
    /// Converts a JSON Pointer (RFC 6901, e.g. <c>/catalog/groups/0/id</c>, as reported by schema validators) to a
    /// JSONPath, reading <paramref name="root"/> to tell array indexes from property names.
    /// </summary>
    public static string FromPointer(string pointer, JsonElement root)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        var text = pointer.StartsWith('#') ? Uri.UnescapeDataString(pointer[1..]) : pointer;
        var path = Root;
        var current = (JsonElement?)root;
        foreach (var raw in text.Split('/').Skip(1))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current is { ValueKind: JsonValueKind.Array } array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                path = Index(path, index);
                current = index < array.GetArrayLength() ? array[index] : null;
            }
            else
            {
                path = Property(path, segment);
                current = current is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(segment, out var child) ? child : null;
            }
        }

        return path;
    }

    private static bool IsPlain(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]) || name[0] == '-')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '-')
            {
                return false;
            }
        }

        return true;
    }
}
