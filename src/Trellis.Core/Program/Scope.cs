namespace Trellis.Core.Program;

/// <summary>How a subservice organization's controls are presented in a SOC 2 report.</summary>
public enum SubserviceMethod
{
    /// <summary>Its controls are excluded; the report relies on its own assurance.</summary>
    CarveOut,

    /// <summary>Its controls are included in the description and testing.</summary>
    Inclusive,
}

/// <summary>A subservice organization (e.g. the cloud provider).</summary>
/// <param name="Name">Organization name.</param>
/// <param name="Service">What it provides.</param>
/// <param name="Method">Carve-out or inclusive.</param>
/// <param name="ComplementaryControls">Controls the service organization expects it to operate (CSOCs).</param>
public sealed record SubserviceOrganization(string Name, string Service, SubserviceMethod Method, IReadOnlyList<string> ComplementaryControls);

/// <summary>The ISMS scope (ISO/IEC 27001 4.3): organization-wide with boundaries and exclusions.</summary>
public sealed record IsmsScope
{
    /// <summary>The scope statement.</summary>
    public string Statement { get; init; } = "";

    /// <summary>Physical, organizational and technical boundaries.</summary>
    public IReadOnlyList<string> Boundaries { get; init; } = [];

    /// <summary>What is excluded, with why.</summary>
    public IReadOnlyList<string> Exclusions { get; init; } = [];

    /// <summary>Interfaces and dependencies with activities outside the scope (4.3 c).</summary>
    public IReadOnlyList<string> Interfaces { get; init; } = [];
}

/// <summary>The components of the system described in a SOC 2 report (DC 2018 description criteria).</summary>
public sealed record SystemComponents
{
    /// <summary>Infrastructure.</summary>
    public IReadOnlyList<string> Infrastructure { get; init; } = [];

    /// <summary>Software.</summary>
    public IReadOnlyList<string> Software { get; init; } = [];

    /// <summary>People.</summary>
    public IReadOnlyList<string> People { get; init; } = [];

    /// <summary>Data.</summary>
    public IReadOnlyList<string> Data { get; init; } = [];

    /// <summary>Procedures.</summary>
    public IReadOnlyList<string> Procedures { get; init; } = [];
}

/// <summary>The SOC 2 system description: services, commitments, components, subservice organizations, CUECs.</summary>
public sealed record SystemDescription
{
    /// <summary>System name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Services provided.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Service commitments made to customers (contracts, SLAs, public statements).</summary>
    public IReadOnlyList<string> ServiceCommitments { get; init; } = [];

    /// <summary>System requirements needed to meet the commitments.</summary>
    public IReadOnlyList<string> SystemRequirements { get; init; } = [];

    /// <summary>System components.</summary>
    public SystemComponents Components { get; init; } = new();

    /// <summary>Subservice organizations.</summary>
    public IReadOnlyList<SubserviceOrganization> Subservices { get; init; } = [];

    /// <summary>Complementary user-entity controls customers are expected to operate.</summary>
    public IReadOnlyList<string> UserEntityControls { get; init; } = [];
}

/// <summary>The Trust Services Criteria categories a SOC 2 report covers. Security is always in scope.</summary>
public static class TscCategories
{
    /// <summary>security, availability, confidentiality, processing-integrity, privacy.</summary>
    public static IReadOnlyList<string> All { get; } = ["security", "availability", "confidentiality", "processing-integrity", "privacy"];

    /// <summary>Normalizes a selection: known names only, Security added, TSC order.</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> categories)
    {
        var set = categories.Append("security").ToHashSet(StringComparer.Ordinal);
        return All.Where(set.Contains).ToList();
    }
}

/// <summary>Both scopes of the program.</summary>
public sealed record ProgramScope
{
    /// <summary>The ISMS scope.</summary>
    public IsmsScope Isms { get; init; } = new();

    /// <summary>The SOC 2 system description.</summary>
    public SystemDescription System { get; init; } = new();

    /// <summary>TSC categories in scope; always contains security.</summary>
    public IReadOnlyList<string> TscCategories { get; init; } = ["security"];
}
