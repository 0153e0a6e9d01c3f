using Trellis.Core.Common;

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
    private static readonly WireNames<TargetMarket> MarketNames = new(new Dictionary<TargetMarket, string>
    {
        [TargetMarket.Us] = "us",
        [TargetMarket.Global] = "global",
        [TargetMarket.Regulated] = "regulated",
    });

    private static readonly WireNames<BuyerExpectation> BuyerNames = new(new Dictionary<BuyerExpectation, string>
    {
        [BuyerExpectation.Type2] = "type2",
        [BuyerExpectation.Iso] = "iso",
        [BuyerExpectation.Both] = "both",
        [BuyerExpectation.Unknown] = "unknown",
    });

    private static readonly WireNames<OrganizationalMaturity> MaturityNames = new(new Dictionary<OrganizationalMaturity, string>
    {
        [OrganizationalMaturity.Scaling] = "scaling",
        [OrganizationalMaturity.Formal] = "formal",
    });

    private static readonly WireNames<ProductArchitecture> ArchitectureNames = new(new Dictionary<ProductArchitecture, string>
    {
        [ProductArchitecture.Saas] = "saas",
        [ProductArchitecture.MultiUnit] = "multi-unit",
    });

    private static readonly WireNames<ExistingAssurance> ExistingNames = new(new Dictionary<ExistingAssurance, string>
    {
        [ExistingAssurance.Soc2Type1] = "soc2-type1",
        [ExistingAssurance.Soc2Type2] = "soc2-type2",
        [ExistingAssurance.Iso27001] = "iso27001",
    });

    /// <summary>Wire names of <see cref="TargetMarket"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Markets => MarketNames.All;

    /// <summary>Wire names of <see cref="BuyerExpectation"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Buyers => BuyerNames.All;

    /// <summary>Wire names of <see cref="OrganizationalMaturity"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Maturities => MaturityNames.All;

    /// <summary>Wire names of <see cref="ProductArchitecture"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Architectures => ArchitectureNames.All;

    /// <summary>Wire names of <see cref="ExistingAssurance"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Existing => ExistingNames.All;

    /// <summary>The wire name of a target market.</summary>
    public static string ToWire(this TargetMarket value) => MarketNames[value];

    /// <summary>The wire name of a buyer expectation.</summary>
    public static string ToWire(this BuyerExpectation value) => BuyerNames[value];

    /// <summary>The wire name of an organizational maturity.</summary>
    public static string ToWire(this OrganizationalMaturity value) => MaturityNames[value];

    /// <summary>The wire name of a product architecture.</summary>
    public static string ToWire(this ProductArchitecture value) => ArchitectureNames[value];

    /// <summary>The wire name of an existing report or certificate.</summary>
    public static string ToWire(this ExistingAssurance value) => ExistingNames[value];

    /// <summary>Parses a target market wire name (exact, lowercase); false when unknown.</summary>
    public static bool TryParse(string? text, out TargetMarket value) => MarketNames.TryParse(text, out value);

    /// <summary>Parses a buyer expectation wire name (exact, lowercase); false when unknown.</summary>
    public static bool TryParse(string? text, out BuyerExpectation value) => BuyerNames.TryParse(text, out value);

    /// <summary>Parses an organizational maturity wire name (exact, lowercase); false when unknown.</summary>
    public static bool TryParse(string? text, out OrganizationalMaturity value) => MaturityNames.TryParse(text, out value);

    /// <summary>Parses a product architecture wire name (exact, lowercase); false when unknown.</summary>
    public static bool TryParse(string? text, out ProductArchitecture value) => ArchitectureNames.TryParse(text, out value);

    /// <summary>Parses an existing report or certificate wire name (exact, lowercase); false when unknown.</summary>
    public static bool TryParse(string? text, out ExistingAssurance value) => ExistingNames.TryParse(text, out value);
}
