using System.Collections;
using System.Reflection;

namespace Trellis.Testing;

/// <summary>
/// Structural comparison of immutable model graphs (records holding lists): public properties compared one by one,
/// sequences element-wise, everything else with <see cref="object.Equals(object?, object?)"/>. Records alone compare
/// lists by reference, which is not what a round-trip test means.
/// </summary>
public static class DeepEquality
{
    /// <summary>The path and values of the first difference, or null when the graphs are equal.</summary>
    public static string? FirstDifference(object? expected, object? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: expected {Show(expected)}, actual {Show(actual)}";
        }

        var type = expected.GetType();
        if (type != actual.GetType() && !(expected is IEnumerable && actual is IEnumerable && expected is not string))
        {
            return $"{path}: expected type {type.Name}, actual {actual.GetType().Name}";
        }

        if (expected is string || type.IsPrimitive || type.IsEnum || expected is DateOnly or DateTimeOffset or DateTime or decimal or TimeSpan)
        {
            return Equals(expected, actual) ? null : $"{path}: expected {Show(expected)}, actual {Show(actual)}";
        }

        if (expected is IEnumerable e && actual is IEnumerable a)
        {
            var left = e.Cast<object?>().ToList();
            var right = a.Cast<object?>().ToList();
            for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
            {
                if (FirstDifference(left[i], right[i], $"{path}[{i}]") is { } d)
                {
                    return d;
                }
            }

            return left.Count == right.Count ? null : $"{path}: expected {left.Count} items, actual {right.Count}";
        }

        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            if (FirstDifference(p.GetValue(expected), p.GetValue(actual), $"{path}.{p.Name}") is { } d)
            {
                return d;
            }
        }

        return null;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => value.ToString() ?? "",
    };
}
