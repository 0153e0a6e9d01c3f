using System.Globalization;
using System.Text.RegularExpressions;
using Trellis.Core.Common;
using Trellis.Core.Serialization;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>Typed fields program.yaml needs beyond <see cref="YamlFields"/>: long integers, UTC instants, wire-named enums.</summary>
internal static partial class FieldReading
{
    /// <summary>The one instant format the writer uses: UTC, seconds, up to seven fraction digits, trailing zeros trimmed.</summary>
    public const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public delegate bool WireParser<T>(string? text, out T value);

    public static long? Long(this YamlFields f, YamlMap map, string key, long min, long max)
    {
        var text = f.String(map, key);
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            f.Fail(map[key]!.Line, ErrorCodes.InvalidNumber, $"field '{key}' must be a whole number from {min} to {max}, not '{text}'");
            return null;
        }

        return n;
    }

    /// <summary>An ISO 8601 instant with an explicit offset (<c>Z</c> or <c>±hh:mm</c>), returned in UTC; rejects dates that do not exist.</summary>
    public static DateTimeOffset? Instant(this YamlFields f, YamlMap map, string key, bool required = false)
    {
        var text = f.String(map, key, required);
        if (text is null)
        {
            return null;
        }

        if (!InstantShape().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var instant))
        {
            f.Fail(map[key]!.Line, ErrorCodes.InvalidInstant, $"field '{key}' must be a real instant as YYYY-MM-DDThh:mm:ssZ (UTC, or with an offset), not '{text}'");
            return null;
        }

        return instant.ToUniversalTime();
    }

    public static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture).Replace(".Z", "Z", StringComparison.Ordinal);

    /// <summary>A wire-named enum value; reports an unknown name with the valid ones.</summary>
    public static T? Wire<T>(this YamlFields f, YamlMap map, string key, WireParser<T> parse, IEnumerable<string> names, bool required = false)
        where T : struct
    {
        var text = f.String(map, key, required);
        if (text is null)
        {
            return null;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        f.Fail(map[key]!.Line, ErrorCodes.UnknownValue, $"field '{key}' is '{text}'; expected one of {string.Join(", ", names)}");
        return null;
    }

    /// <summary>A list of wire-named enum values.</summary>
    public static IReadOnlyList<T> WireList<T>(this YamlFields f, YamlMap map, string key, WireParser<T> parse, IEnumerable<string> names)
    {
        var result = new List<T>();
        foreach (var text in f.Strings(map, key))
        {
            if (parse(text, out var value))
            {
                result.Add(value);
            }
            else
            {
                f.Fail(map[key]!.Line, ErrorCodes.UnknownValue, $"'{key}' contains '{text}'; expected any of {string.Join(", ", names)}");
            }
        }

        return result;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantShape();
}
