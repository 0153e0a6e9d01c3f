namespace Trellis.Core.Risks;

/// <summary>Wire names of <see cref="RiskTreatment"/> (ISO/IEC 27005 treatment options).</summary>
public static class RiskTreatments
{
    /// <summary>All wire names, in declaration order: <c>modify</c>, <c>retain</c>, <c>avoid</c>, <c>share</c>.</summary>
    public static IReadOnlyList<string> WireNames { get; } = Enum.GetValues<RiskTreatment>().Select(t => t.ToWire()).ToArray();

    /// <summary>Wire name: <c>modify</c>, <c>retain</c>, <c>avoid</c> or <c>share</c>.</summary>
    public static string ToWire(this RiskTreatment treatment) => treatment switch
    {
        RiskTreatment.Modify => "modify",
        RiskTreatment.Retain => "retain",
        RiskTreatment.Avoid => "avoid",
        RiskTreatment.Share => "share",
        _ => throw new ArgumentOutOfRangeException(nameof(treatment)),
    };

    /// <summary>Parses a wire name (exact, lowercase); false when unknown.</summary>
    public static bool TryParse(string? text, out RiskTreatment treatment)
    {
        foreach (var t in Enum.GetValues<RiskTreatment>())
        {
            if (string.Equals(t.ToWire(), text, StringComparison.Ordinal))
            {
                treatment = t;
                return true;
            }
        }

        treatment = default;
        return false;
    }
}
