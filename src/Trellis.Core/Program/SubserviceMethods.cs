namespace Trellis.Core.Program;

/// <summary>Wire names of <see cref="SubserviceMethod"/> (AICPA DC 200: carve-out or inclusive method).</summary>
public static class SubserviceMethods
{
    /// <summary>All wire names: <c>carve-out</c>, <c>inclusive</c>.</summary>
    public static IReadOnlyList<string> WireNames { get; } = Enum.GetValues<SubserviceMethod>().Select(m => m.ToWire()).ToArray();

    /// <summary>Wire name: <c>carve-out</c> or <c>inclusive</c>.</summary>
    public static string ToWire(this SubserviceMethod method) => method switch
    {
        SubserviceMethod.CarveOut => "carve-out",
        SubserviceMethod.Inclusive => "inclusive",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    /// <summary>Parses a wire name (exact, lowercase); false when unknown.</summary>
    public static bool TryParse(string? text, out SubserviceMethod method)
    {
        foreach (var m in Enum.GetValues<SubserviceMethod>())
        {
            if (string.Equals(m.ToWire(), text, StringComparison.Ordinal))
            {
                method = m;
                return true;
            }
        }

        method = default;
        return false;
    }
}
