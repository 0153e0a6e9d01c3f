namespace Trellis.Core.Serialization;

/// <summary>A node of a YAML document read by <see cref="SafeYaml"/>, with its position for error messages.</summary>
public abstract record YamlValue(int Line, int Column);

/// <summary>A scalar. <see cref="Plain"/> is false for quoted or block scalars (so "null" in quotes is a string).</summary>
public sealed record YamlScalar(string Value, bool Plain, int Line, int Column) : YamlValue(Line, Column)
{
    /// <summary>True for a plain <c>null</c>, <c>~</c> or empty scalar.</summary>
    public bool IsNull => Plain && Value is "" or "null" or "~" or "Null" or "NULL";
}

/// <summary>A sequence.</summary>
public sealed record YamlList(IReadOnlyList<YamlValue> Items, int Line, int Column) : YamlValue(Line, Column);

/// <summary>A mapping with scalar keys, in document order. Duplicate keys are rejected when read.</summary>
public sealed record YamlMap(IReadOnlyList<KeyValuePair<YamlScalar, YamlValue>> Entries, int Line, int Column) : YamlValue(Line, Column)
{
    /// <summary>The value of a key, or null when absent.</summary>
    public YamlValue? this[string key] => Entries.FirstOrDefault(e => e.Key.Value == key).Value;

    /// <summary>The keys in document order.</summary>
    public IEnumerable<string> Keys => Entries.Select(e => e.Key.Value);
}
