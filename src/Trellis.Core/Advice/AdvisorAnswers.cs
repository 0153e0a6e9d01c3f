namespace Trellis.Core.Advice;

/// <summary>Who the organization sells to (guide, Strategic Decision Criteria: "Target Market").</summary>
public enum TargetMarket
{
    /// <summary>U.S.-based enterprises (wire name <c>us</c>).</summary>
    Us,

    /// <summary>Customers worldwide (wire name <c>global</c>).</summary>
    Global,

    /// <summary>Regulated verticals such as finance, health or the public sector (wire name <c>regulated</c>).</summary>
    Regulated,
}

/// <summary>What buyers ask for (guide, Strategic Decision Criteria: "Buyer Expectations").</summary>
public enum BuyerExpectation
{
    /// <summary>Buyers request a SOC 2 Type 2 report (wire name <c>type2</c>).</summary>
    Type2,

    /// <summary>Buyers prefer an ISO/IEC 27001 certificate (wire name <c>iso</c>).</summary>
    Iso,

    /// <summary>Buyers ask for both (wire name <c>both</c>).</summary>
    Both,

    /// <summary>No clear buyer signal yet (wire name <c>unknown</c>).</summary>
    Unknown,
}

/// <summary>Where the security programme stands (guide, Strategic Decision Criteria: "Organizational Maturity").</summary>
public enum OrganizationalMaturity
{
    /// <summary>Security practices are being scaled up (wire name <c>scaling</c>).</summary>
    Scaling,

    /// <summary>Formalized enterprise security management is wanted (wire name <c>formal</c>).</summary>
    Formal,
}

/// <summary>What the programme must cover (guide, Strategic Decision Criteria: "Product Architecture").</summary>
public enum ProductArchitecture
{
    /// <summary>A SaaS product or service (wire name <c>saas</c>).</summary>
    Saas,

    /// <summary>An ISMS across several business units (wire name <c>multi-unit</c>).</summary>
    MultiUnit,
}

/// <summary>An assurance report or certificate the organization already holds.</summary>
public enum ExistingAssurance
{
    /// <summary>A SOC 2 Type 1 report: design as of a date (docs/audit-cycle.md §1.1). Wire name <c>soc2-type1</c>.</summary>
    Soc2Type1,

    /// <summary>A SOC 2 Type 2 report: design and operating effectiveness over a period (§1.1). Wire name <c>soc2-type2</c>.</summary>
    Soc2Type2,

    /// <summary>An ISO/IEC 27001:2022 certificate (§2.2). Wire name <c>iso27001</c>.</summary>
    Iso27001,
}

/// <summary>
/// The answers to the advisor's questionnaire: the guide's four strategic decision criteria, plus an
/// optional deadline and the reports or certificates already held.
/// </summary>
public sealed record AdvisorAnswers
{
    /// <summary>Target market.</summary>
    public required TargetMarket Market { get; init; }

    /// <summary>Buyer expectations.</summary>
    public required BuyerExpectation Buyers { get; init; }

    /// <summary>Organizational maturity.</summary>
    public required OrganizationalMaturity Maturity { get; init; }

    /// <summary>Product architecture.</summary>
    public required ProductArchitecture Architecture { get; init; }

    /// <summary>The date by which buyers need the first report or certificate, or null when there is none.</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>Reports and certificates already held. The default is none.</summary>
    public IReadOnlySet<ExistingAssurance> Existing { get; init; } = new HashSet<ExistingAssurance>();
}

/// <summary>Wire names of the advisor's answers, as the CLI and API accept them.</summary>
public static class AdvisorWire
{
    /// <summary>Wire names of <see cref="TargetMarket"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Markets { get; } = ["us", "global", "regulated"];

    /// <summary>Wire names of <see cref="BuyerExpectation"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Buyers { get; } = ["type2", "iso", "both", "unknown"];

    /// <summary>Wire names of <see cref="OrganizationalMaturity"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Maturities { get; } = ["scaling", "formal"];

    /// <summary>Wire names of <see cref="ProductArchitecture"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Architectures { get; } = ["saas", "multi-unit"];

    /// <summary>Wire names of <see cref="ExistingAssurance"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Existing { get; } = ["soc2-type1", "soc2-type2", "iso27001"];

    /// <summary>The wire name of a target market.</summary>
    public static string ToWire(this TargetMarket value) => Markets[(int)value];

    /// <summary>The wire name of a buyer expectation.</summary>
    public static string ToWire(this BuyerExpectation value) => Buyers[(int)value];

    /// <summary>The wire name of an organizational maturity.</summary>
    public static string ToWire(this OrganizationalMaturity value) => Maturities[(int)value];

    /// <summary>The wire name of a product architecture.</summary>
    public static string ToWire(this ProductArchitecture value) => Architectures[(int)value];

    /// <summary>The wire name of an existing report or certificate.</summary>
    public static string ToWire(this ExistingAssurance value) => Existing[(int)value];

    /// <summary>Parses a wire name into its enum value (exact, lowercase); false when unknown.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        var names = typeof(T) switch
        {
            var t when t == typeof(TargetMarket) => Markets,
            var t when t == typeof(BuyerExpectation) => Buyers,
            var t when t == typeof(OrganizationalMaturity) => Maturities,
            var t when t == typeof(ProductArchitecture) => Architectures,
            var t when t == typeof(ExistingAssurance) => Existing,
            _ => throw new ArgumentException($"{typeof(T).Name} is not an advisor answer"),
        };
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], text, StringComparison.Ordinal))
            {
                value = (T)Enum.ToObject(typeof(T), i);
                return true;
            }
        }

        value = default;
        return false;
    }
}
