namespace Trellis.Data.Rows;

/// <summary>
/// The single row (<see cref="SingletonId"/>) holding the program-wide settings: organization, scope (JSON),
/// risk matrix (JSON) and the SoA approval block. Seeded by the initial migration so it always exists.
/// </summary>
public sealed class ProgramSettingsRow
{
    /// <summary>The only valid <see cref="Id"/>.</summary>
    public const int SingletonId = 1;

    /// <summary>Always <see cref="SingletonId"/>.</summary>
    public int Id { get; set; } = SingletonId;

    /// <summary>Organization name.</summary>
    public string Organization { get; set; } = "";

    /// <summary><c>ProgramScope</c> as JSON (camelCase, kebab-case enum names).</summary>
    public string ScopeJson { get; set; } = "{}";

    /// <summary><c>RiskMatrix</c> as JSON; <c>{}</c> is the default 5 × 5 matrix.</summary>
    public string RiskMatrixJson { get; set; } = "{}";

    /// <summary>SoA version label; null when the SoA has no approval block.</summary>
    public string? SoaVersion { get; set; }

    /// <summary>SoA approver.</summary>
    public string? SoaApprovedBy { get; set; }

    /// <summary>SoA approval date; the approval block exists exactly when this is not null.</summary>
    public DateOnly? SoaApprovedOn { get; set; }

    /// <summary>
    /// The IDs of the frameworks the program pursues, as a JSON array of strings; null means every shipped framework
    /// (the default). Not part of program-as-code: a replace of the program keeps it.
    /// </summary>
    public string? PursuedFrameworksJson { get; set; }

    /// <summary>
    /// The program's revision: incremented by every write to any part of the program, inside that write's transaction
    /// (see <c>ProgramStore.RevisionAsync</c>).
    /// </summary>
    public int Version { get; set; } = 1;
}
