namespace Trellis.Core.Program;

/// <summary>Wire names of <see cref="InclusionReason"/> (ISO/IEC 27001 6.1.3 d).</summary>
public static class InclusionReasons
{
    /// <summary>All wire names, in declaration order: <c>risk</c>, <c>legal</c>, <c>contractual</c>, <c>business</c>.</summary>
    public static IReadOnlyList<string> WireNames { get; } = Enum.GetValues<InclusionReason>().Select(r => r.ToWire()).ToArray();

    /// <summary>Wire name: <c>risk</c>, <c>legal</c>, <c>contractual</c> or <c>business</c>.</summary>
    public static string ToWire(this InclusionReason reason) => reason switch
    {
        InclusionReason.Risk => "risk",
        InclusionReason.Legal => "legal",
        InclusionReason.Contractual => "contractual",
        InclusionReason.Business => "business",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    /// <summary>Parses a wire name (exact, lowercase); false when unknown.</summary>
    public static bool TryParse(string? text, out InclusionReason reason)
    {
        foreach (var r in Enum.GetValues<InclusionReason>())
        {
            if (string.Equals(r.ToWire(), text, StringComparison.Ordinal))
            {
                reason = r;
                return true;
            }
        }

        reason = default;
        return false;
    }
}
