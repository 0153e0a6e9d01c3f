namespace Trellis.Application.Actors;

/// <summary>The roles of Trellis. Every account has exactly one.</summary>
public static class Roles
{
    /// <summary>Everything, including accounts and the audit trail.</summary>
    public const string Admin = "admin";

    /// <summary>Reads everything and edits the program: controls, evidence, risks, SoA, engagements.</summary>
    public const string ComplianceManager = "compliance-manager";

    /// <summary>Reads the program; edits only the controls (and their evidence) whose owner is their e-mail.</summary>
    public const string ControlOwner = "control-owner";

    /// <summary>Reads the program.</summary>
    public const string Viewer = "viewer";

    /// <summary>
    /// External auditor: read-only, scoped to one engagement (its frameworks, and only evidence effective inside
    /// its window); the account expires, after which every request answers 401.
    /// </summary>
    public const string Auditor = "auditor";

    /// <summary>All roles, most powerful first.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, ComplianceManager, ControlOwner, Viewer, Auditor];

    /// <summary>True when <paramref name="role"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
