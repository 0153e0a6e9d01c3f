using System.Text.Json;

namespace Trellis.Collectors.Checks;

/// <summary>JSON Pointer (RFC 6901) evaluation on a parsed document.</summary>
public static class JsonPointer
{
    /// <summary>The 0-based offset of a bad <c>~</c> escape in <paramref name="pointer"/>, or null when it is well formed.</summary>
    public static int? Check(string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        for (var i = 0; i < pointer.Length; i++)
        {
            if (pointer[i] == '~' && (i + 1 == pointer.Length || pointer[i + 1] is not ('0' or '1')))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// The value <paramref name="pointer"/> names in <paramref name="root"/>, or null when a reference token names no
    /// member or array element (RFC 6901 section 4: <c>~1</c> is <c>/</c>, <c>~0</c> is <c>~</c>; array indexes are
    /// decimal without leading zeros).
    /// </summary>
    public static JsonElement? Resolve(JsonElement root, string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        if (pointer.Length == 0)
        {
            return root;
        }

        var current = root;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object)
            {
                if (!current.TryGetProperty(token, out var next))
                {
                    return null;
                }

                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array)
            {
                if (token.Length == 0 || (token.Length > 1 && token[0] == '0') || !token.All(char.IsAsciiDigit)
                    || !int.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out var index) || index >= current.GetArrayLength())
                {
                    return null;
                }

                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }
}
