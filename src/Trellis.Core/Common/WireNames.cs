using System.Reflection;

namespace Trellis.Core.Common;

/// <summary>
/// The names an enum's values have in files, on the command line, on the wire and in the database (e.g.
/// <c>semi-annual</c>), both ways: one table per enum, declared once as a static field of the enum's companion
/// static class (<c>Cadences</c> for <c>Cadence</c>), instead of a lookup and a parse loop each. Names are
/// kebab-case (lowercase words joined by hyphens) and distinct.
/// </summary>
/// <typeparam name="T">The enum.</typeparam>
public sealed class WireNames<T>
    where T : struct, Enum
{
    private readonly Dictionary<T, string> _names;
    private readonly Dictionary<string, T> _values;
    private readonly string[] _all;

    /// <summary>
    /// Builds the table. Every value of <typeparamref name="T"/> needs exactly one distinct name; the table's order
    /// is the order of <see cref="All"/>. <paramref name="aliases"/> are further names <see cref="TryParse"/>
    /// accepts (a synonym from the field, e.g. <c>soc2-deviation</c>) but that are never written.
    /// </summary>
    /// <exception cref="ArgumentException">A value has no name, or two values share one (a bug in the declaration).</exception>
    public WireNames(IReadOnlyDictionary<T, string> names, IReadOnlyDictionary<string, T>? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        var missing = Enum.GetValues<T>().Where(v => !names.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"{typeof(T).Name} has no wire name for {string.Join(", ", missing)}", nameof(names));
        }

        _names = new Dictionary<T, string>(names);
        _all = [.. names.Values];
        _values = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (value, name) in names.Concat((aliases ?? new Dictionary<string, T>()).Select(a => KeyValuePair.Create(a.Value, a.Key))))
        {
            if (!_values.TryAdd(name, value))
            {
                throw new ArgumentException($"{typeof(T).Name} uses the wire name '{name}' twice", nameof(names));
            }
        }
    }

    /// <summary>All names, in table order (aliases excluded).</summary>
    public IReadOnlyList<string> All => _all;

    /// <summary>The name of a value.</summary>
    public string this[T value] => _names[value];

    /// <summary>Parses a name or an alias (exact, case-sensitive); false when unknown.</summary>
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

/// <summary>Finds the one <see cref="WireNames{T}"/> table declared for an enum.</summary>
public static class WireNames
{
    /// <summary>
    /// The table of <typeparamref name="T"/>: the one static field of type <see cref="WireNames{T}"/> declared by a
    /// static class of the enum's own assembly.
    /// </summary>
    /// <exception cref="NotSupportedException">The enum declares no table, or more than one (a bug).</exception>
    public static WireNames<T> Of<T>()
        where T : struct, Enum => Declared<T>.Table ?? throw new NotSupportedException($"{typeof(T).FullName} declares no wire names (WireNames<{typeof(T).Name}>)");

    /// <summary>True when <typeparamref name="T"/> declares a table.</summary>
    public static bool Exists<T>()
        where T : struct, Enum => Declared<T>.Table is not null;

    private static class Declared<T>
        where T : struct, Enum
    {
        public static readonly WireNames<T>? Table = Find();

        private static WireNames<T>? Find()
        {
            var fields = typeof(T).Assembly.GetTypes()
                .Where(t => t is { IsAbstract: true, IsSealed: true, IsGenericTypeDefinition: false })
                .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
                .Where(f => f.FieldType == typeof(WireNames<T>))
                .ToList();
            return fields.Count switch
            {
                0 => null,
                1 => (WireNames<T>?)fields[0].GetValue(null),
                _ => throw new NotSupportedException(
                    $"{typeof(T).FullName} declares {fields.Count} wire-name tables ({string.Join(", ", fields.Select(f => $"{f.DeclaringType!.Name}.{f.Name}"))}); one is the rule"),
            };
        }
    }
}
