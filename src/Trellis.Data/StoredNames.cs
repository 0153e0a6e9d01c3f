using Trellis.Core.Common;

namespace Trellis.Data;

/// <summary>
/// Enums are stored as the wire names Core declares (<see cref="WireNames{T}"/>), so hand-written SQL reads
/// <c>status = 'implemented'</c>. An unknown stored value is a corrupt database, hence an exception.
/// </summary>
internal static class StoredNames
{
    public static T Parse<T>(string text)
        where T : struct, Enum =>
        WireNames.Of<T>().TryParse(text, out var value) ? value : throw new InvalidOperationException($"The database holds an unknown {typeof(T).Name} '{text}'.");
}
