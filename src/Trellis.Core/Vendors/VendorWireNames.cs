using Trellis.Core.Common;

namespace Trellis.Core.Vendors;

/// <summary>Wire names of <see cref="VendorCriticality"/>: <c>low</c>, <c>medium</c>, <c>high</c>, <c>critical</c>.</summary>
public static class VendorCriticalities
{
    private static readonly WireNames<VendorCriticality> Wire = new(new Dictionary<VendorCriticality, string>
    {
        [VendorCriticality.Low] = "low",
        [VendorCriticality.Medium] = "medium",
        [VendorCriticality.High] = "high",
        [VendorCriticality.Critical] = "critical",
    });

    /// <summary>All wire names.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>Wire name.</summary>
    public static string ToWire(this VendorCriticality value) => Wire[value];

    /// <summary>Parses a wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out VendorCriticality value) => Wire.TryParse(text, out value);
}

/// <summary>Wire names of <see cref="Soc2ReportType"/>: <c>type1</c>, <c>type2</c>.</summary>
public static class Soc2ReportTypes
{
    private static readonly WireNames<Soc2ReportType> Wire = new(new Dictionary<Soc2ReportType, string>
    {
        [Soc2ReportType.Type1] = "type1",
        [Soc2ReportType.Type2] = "type2",
    });

    /// <summary>All wire names.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>Wire name.</summary>
    public static string ToWire(this Soc2ReportType value) => Wire[value];

    /// <summary>Parses a wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out Soc2ReportType value) => Wire.TryParse(text, out value);
}

/// <summary>Wire names of <see cref="AuditOpinion"/>: <c>unqualified</c>, <c>qualified</c>, <c>adverse</c>, <c>disclaimer</c>.</summary>
public static class AuditOpinions
{
    private static readonly WireNames<AuditOpinion> Wire = new(new Dictionary<AuditOpinion, string>
    {
        [AuditOpinion.Unqualified] = "unqualified",
        [AuditOpinion.Qualified] = "qualified",
        [AuditOpinion.Adverse] = "adverse",
        [AuditOpinion.Disclaimer] = "disclaimer",
    });

    /// <summary>All wire names.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>Wire name.</summary>
    public static string ToWire(this AuditOpinion value) => Wire[value];

    /// <summary>Parses a wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out AuditOpinion value) => Wire.TryParse(text, out value);
}
