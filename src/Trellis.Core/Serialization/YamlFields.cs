using System.Globalization;
using Trellis.Core.Common;

namespace Trellis.Core.Serialization;

/// <summary>
/// Typed access to fields of a <see cref="YamlMap"/> that collects every problem as an <see cref="Error"/>
/// naming the file, line and field, so one pass reports all mistakes in a data file.
/// </summary>
/// <param name="source">File name used in error locations.</param>
public sealed class YamlFields(string source)
{
    private readonly List<Error> _errors = [];

    /// <summary>The file name used in error locations.</summary>
    public string Source { get; } = source;

    /// <summary>Problems found so far, in document order of discovery.</summary>
    public IReadOnlyList<Error> Errors => _errors;

    /// <summary>Records a problem at a line.</summary>
    public void Fail(int line, string code, string message) => _errors.Add(new Error(code, message, $"{Source}:{line}"));

    /// <summary>Requires the value to be a mapping.</summary>
    public YamlMap? AsMap(YamlValue? value, string what)
    {
        if (value is YamlMap m)
        {
            return m;
        }

        if (value is not null)
        {
            Fail(value.Line, ErrorCodes.InvalidType, $"{what} must be a mapping");
        }

        return null;
    }

    /// <summary>A string field; reports a missing required one.</summary>
    public string? String(YamlMap map, string key, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(map);
        var v = map[key];
        switch (v)
        {
            case null:
            case YamlScalar { IsNull: true }:
                if (required)
                {
                    Fail(v?.Line ?? map.Line, ErrorCodes.MissingField, $"required field '{key}' is missing");
                }

                return null;
            case YamlScalar s:
                return s.Value;
            default:
                Fail(v.Line, ErrorCodes.InvalidType, $"field '{key}' must be a single value");
                return null;
        }
    }

    /// <summary>An integer field within bounds.</summary>
    public int? Int(YamlMap map, string key, int min, int max, bool required = false)
    {
        var text = String(map, key, required);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            Fail(map[key]!.Line, ErrorCodes.InvalidNumber, $"field '{key}' must be a whole number from {min} to {max}, not '{text}'");
            return null;
        }

        return n;
    }

    /// <summary>A boolean field.</summary>
    public bool? Bool(YamlMap map, string key)
    {
        var text = String(map, key);
        if (text is null)
        {
            return null;
        }

        if (text is "true" or "false")
        {
            return text == "true";
        }

        Fail(map[key]!.Line, ErrorCodes.InvalidBoolean, $"field '{key}' must be true or false, not '{text}'");
        return null;
    }

    /// <summary>A calendar date field in ISO 8601 (YYYY-MM-DD); rejects dates that do not exist.</summary>
    public DateOnly? Date(YamlMap map, string key, bool required = false)
    {
        var text = String(map, key, required);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            Fail(map[key]!.Line, ErrorCodes.InvalidDate, $"field '{key}' must be a real date as YYYY-MM-DD, not '{text}'");
            return null;
        }

        return d;
    }

    /// <summary>A list of strings (or a single string read as a one-item list).</summary>
    public IReadOnlyList<string> Strings(YamlMap map, string key)
    {
        ArgumentNullException.ThrowIfNull(map);
        switch (map[key])
        {
            case null:
            case YamlScalar { IsNull: true }:
                return [];
            case YamlScalar s:
                return [s.Value];
            case YamlList l:
                var result = new List<string>();
                foreach (var item in l.Items)
                {
                    if (item is YamlScalar si)
                    {
                        result.Add(si.Value);
                    }
                    else
                    {
                        Fail(item.Line, ErrorCodes.InvalidType, $"items of '{key}' must be single values");
                    }
                }

                return result;
            case var other:
                Fail(other.Line, ErrorCodes.InvalidType, $"field '{key}' must be a list");
                return [];
        }
    }

    /// <summary>A list of mappings.</summary>
    public IReadOnlyList<YamlMap> Maps(YamlMap map, string key, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(map);
        switch (map[key])
        {
            case null:
            case YamlScalar { IsNull: true }:
                if (required)
                {
                    Fail(map.Line, ErrorCodes.MissingField, $"required list '{key}' is missing");
                }

                return [];
            case YamlList l:
                var result = new List<YamlMap>();
                foreach (var item in l.Items)
                {
                    if (AsMap(item, $"each item of '{key}'") is { } m)
                    {
                        result.Add(m);
                    }
                }

                return result;
            case var other:
                Fail(other.Line, ErrorCodes.InvalidType, $"field '{key}' must be a list");
                return [];
        }
    }

    /// <summary>Reports keys not in <paramref name="allowed"/> (a typo would otherwise be silently ignored).</summary>
    public void OnlyKeys(YamlMap map, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(map);
        foreach (var e in map.Entries)
        {
            if (!allowed.Contains(e.Key.Value, StringComparer.Ordinal))
            {
                var near = Suggestions.Nearest(e.Key.Value, allowed, 1);
                var suggestion = near.Count > 0 ? near[0] : "";
                Fail(e.Key.Line, ErrorCodes.UnknownField, $"unknown field '{e.Key.Value}' (did you mean '{suggestion}'?)");
            }
        }
    }
}
