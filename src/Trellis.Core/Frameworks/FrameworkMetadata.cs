namespace Trellis.Core.Frameworks;

/// <summary>
/// What kind of assurance a framework gives and how it is obtained: the guide's overview and
/// key-differences tables as data. All values are short human-readable statements.
/// </summary>
public sealed record FrameworkMetadata
{
    /// <summary>Who publishes the framework.</summary>
    public string Issuer { get; init; } = "";

    /// <summary>certification, attestation or self-assessment.</summary>
    public string AssuranceModel { get; init; } = "";

    /// <summary>Who may audit or attest.</summary>
    public string Authority { get; init; } = "";

    /// <summary>What the scope is drawn around.</summary>
    public string ScopeModel { get; init; } = "";

    /// <summary>How controls are selected.</summary>
    public string ControlSelection { get; init; } = "";

    /// <summary>The report or certificate types.</summary>
    public IReadOnlyList<string> ReportTypes { get; init; } = [];

    /// <summary>The audit cycle.</summary>
    public string Cycle { get; init; } = "";

    /// <summary>What an audit examines and at what depth.</summary>
    public string LevelOfDetail { get; init; } = "";

    /// <summary>Who sees the result.</summary>
    public string Disclosure { get; init; } = "";

    /// <summary>What the framework is about.</summary>
    public string PrimaryFocus { get; init; } = "";

    /// <summary>Who it applies to.</summary>
    public string Applicability { get; init; } = "";
}
