using Trellis.Core.Common;

namespace Trellis.Core.Program;

/// <summary>Wire names of <see cref="InclusionReason"/> (ISO/IEC 27001 6.1.3 d).</summary>
public static class InclusionReasons
{
    private static readonly WireNames<InclusionReason> Wire = new(new Dictionary<InclusionReason, string>
    {
        [InclusionReason.Risk] = "risk",
        [InclusionReason.Legal] = "legal",
        [InclusionReason.Contractual] = "contractual",
        [InclusionReason.Business] = "business",
    });

    /// <summary>All wire names, in declaration order: <c>risk</c>, <c>legal</c>, <c>contractual</c>, <c>business</c>.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>Wire name: <c>risk</c>, <c>legal</c>, <c>contractual</c> or <c>business</c>.</summary>
    public static string ToWire(this InclusionReason reason) => Wire[reason];

    /// <summary>Parses a wire name (exact, lowercase); false when unknown.</summary>
    public static bool TryParse(string? text, out InclusionReason reason) => Wire.TryParse(text, out reason);
}
