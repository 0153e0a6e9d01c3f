using Trellis.Core.Common;

namespace Trellis.Core.Risks;

/// <summary>Wire names of <see cref="RiskTreatment"/> (ISO/IEC 27005 treatment options).</summary>
public static class RiskTreatments
{
    private static readonly WireNames<RiskTreatment> Wire = new(new Dictionary<RiskTreatment, string>
    {
        [RiskTreatment.Modify] = "modify",
        [RiskTreatment.Retain] = "retain",
        [RiskTreatment.Avoid] = "avoid",
        [RiskTreatment.Share] = "share",
    });

    /// <summary>All wire names, in declaration order: <c>modify</c>, <c>retain</c>, <c>avoid</c>, <c>share</c>.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>Wire name: <c>modify</c>, <c>retain</c>, <c>avoid</c> or <c>share</c>.</summary>
    public static string ToWire(this RiskTreatment treatment) => Wire[treatment];

    /// <summary>Parses a wire name (exact, lowercase); false when unknown.</summary>
    public static bool TryParse(string? text, out RiskTreatment treatment) => Wire.TryParse(text, out treatment);
}
