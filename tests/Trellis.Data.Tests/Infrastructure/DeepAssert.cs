using System.Collections;
using Xunit.Sdk;

namespace Trellis.Data.Tests.Infrastructure;

/// <summary>
/// Structural equality of Core records: record equality where it holds; where it does not (records hold
/// lists, which compare by reference) the properties are compared one by one and lists element by element,
/// and the first difference is reported with its path (e.g. <c>Evidence[3].Versions[1].EffectiveTo</c>).
/// </summary>
public static class DeepAssert
{
    public static void Equal(object? expected, object? actual, string path = "program")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {Show(expected)}, got {Show(actual)}");
            return;
        }

        if (Equals(expected, actual))
        {
            return;
        }

        if (expected is IEnumerable e && actual is IEnumerable a && expected is not string)
        {
            var el = e.Cast<object?>().ToList();
            var al = a.Cast<object?>().ToList();
            Assert.True(el.Count == al.Count, $"{path}: expected {el.Count} elements, got {al.Count}");
            for (var i = 0; i < el.Count; i++)
            {
                Equal(el[i], al[i], $"{path}[{i}]");
            }

            return;
        }

        var type = expected.GetType();
        var properties = type.GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").ToList();
        if (type != actual.GetType() || type.IsPrimitive || type.IsEnum || properties.Count == 0 || expected is string)
        {
            throw new XunitException($"{path}: expected {Show(expected)}, got {Show(actual)}");
        }

        foreach (var p in properties)
        {
            Equal(p.GetValue(expected), p.GetValue(actual), $"{path}.{p.Name}");
        }
    }

    private static string Show(object? o) => o is null ? "null" : $"'{o}' ({o.GetType().Name})";
}
