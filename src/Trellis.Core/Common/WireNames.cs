namespace Trellis.Core.Common;

/// <summary>
/// The names an enum's values have in files, on the command line and on the wire (e.g. <c>semi-annual</c>), both
/// ways: one table per enum instead of a lookup and a parse loop each.
/// </summary>
/// <typeparam name="T">The enum.</typeparam>
public sealed class WireNames<T>
    where T : struct, Enum
{
    private readonly Dictionary<T, string> _names;
    private readonly Dictionary<string, T> _values;

    /// <summary>Builds the table; every value needs a distinct name.</summary>
    public WireNames(IReadOnlyDictionary<T, string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = new Dictionary<T, string>(names);
        _values = names.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
    }

    /// <summary>All names, in table order.</summary>
    public IReadOnlyCollection<string> All => _names.Values;

    /// <summary>The name of a value.</summary>
    public string this[T value] => _names[value];

    /// <summary>Parses a name (exact, case-sensitive).</summary>
    public bool TryParse(string? text, out T value)
    {
        if (text is not null && _values.TryGetValue(text, out value))
        {
            return true;
        }

        value = default;
        return false;
    }
}
