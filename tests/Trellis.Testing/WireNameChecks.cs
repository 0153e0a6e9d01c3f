using System.Reflection;
using System.Text.RegularExpressions;
using Trellis.Core.Common;

namespace Trellis.Testing;

/// <summary>Checks of the <see cref="WireNames{T}"/> tables an assembly declares, by reflection.</summary>
public static partial class WireNameChecks
{
    /// <summary>The public enums of an assembly, by full name.</summary>
    public static IReadOnlyList<Type> PublicEnums(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return [.. assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic).OrderBy(t => t.FullName, StringComparer.Ordinal)];
    }

    /// <summary>True when the enum declares a wire-name table.</summary>
    public static bool HasTable(Type enumType) => (bool)Generic(nameof(WireNames.Exists), typeof(WireNames), enumType).Invoke(null, null)!;

    /// <summary>The wire name of every member, in declaration order.</summary>
    public static IReadOnlyList<string> NamesInDeclarationOrder(Type enumType) =>
        (IReadOnlyList<string>)Generic(nameof(Names), typeof(WireNameChecks), enumType).Invoke(null, null)!;

    /// <summary>
    /// What is wrong with an enum's table: a member without a kebab-case name, two members sharing one, a name that
    /// does not parse back to its member. Empty when the table is sound.
    /// </summary>
    public static IReadOnlyList<string> Problems(Type enumType) =>
        (IReadOnlyList<string>)Generic(nameof(ProblemsOf), typeof(WireNameChecks), enumType).Invoke(null, null)!;

    private static List<string> Names<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => WireNames.Of<T>()[v])];

    private static List<string> ProblemsOf<T>()
        where T : struct, Enum
    {
        var table = WireNames.Of<T>();
        var problems = new List<string>();
        var seen = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var value in Enum.GetValues<T>())
        {
            var name = table[value];
            if (!KebabCase().IsMatch(name))
            {
                problems.Add($"{typeof(T).Name}.{value}: '{name}' is not kebab-case");
            }

            if (!seen.TryAdd(name, value))
            {
                problems.Add($"{typeof(T).Name}.{value}: '{name}' is also the name of {seen[name]}");
            }

            if (!table.TryParse(name, out var parsed) || !parsed.Equals(value))
            {
                problems.Add($"{typeof(T).Name}.{value}: '{name}' parses to {parsed}");
            }
        }

        return problems;
    }

    private static MethodInfo Generic(string name, Type owner, Type enumType) =>
        owner.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(enumType);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
