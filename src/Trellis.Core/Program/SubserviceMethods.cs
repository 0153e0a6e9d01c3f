using Trellis.Core.Common;

namespace Trellis.Core.Program;

/// <summary>Wire names of <see cref="SubserviceMethod"/> (AICPA DC 200: carve-out or inclusive method).</summary>
public static class SubserviceMethods
{
    private static readonly WireNames<SubserviceMethod> Wire = new(new Dictionary<SubserviceMethod, string>
    {
        [SubserviceMethod.CarveOut] = "carve-out",
        [SubserviceMethod.Inclusive] = "inclusive",
    });

    /// <summary>All wire names: <c>carve-out</c>, <c>inclusive</c>.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>Wire name: <c>carve-out</c> or <c>inclusive</c>.</summary>
    public static string ToWire(this SubserviceMethod method) => Wire[method];

    /// <summary>Parses a wire name (exact, lowercase); false when unknown.</summary>
    public static bool TryParse(string? text, out SubserviceMethod method) => Wire.TryParse(text, out method);
}
