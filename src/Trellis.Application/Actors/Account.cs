using Trellis.Core.Evidence;
using Trellis.Core.Program;

namespace Trellis.Application.Actors;

/// <summary>
/// What an auditor account may see: the frameworks of its engagement and the evidence effective inside its
/// window (a version counts when its effective period overlaps the window, i.e. it speaks for a day of it).
/// </summary>
/// <param name="EngagementId">The engagement, when known.</param>
/// <param name="Frameworks">Framework IDs in scope; empty means none.</param>
/// <param name="From">First day of the window, or null for no lower bound.</param>
/// <param name="To">Last day of the window, or null for no upper bound.</param>
public sealed record AuditorScope(string? EngagementId, IReadOnlySet<string> Frameworks, DateOnly? From, DateOnly? To)
{
    /// <summary>True when the framework belongs to the engagement.</summary>
    public bool SeesFramework(string framework) => Frameworks.Contains(framework);

    /// <summary>True when the version's effective period overlaps the window.</summary>
    public bool SeesVersion(EvidenceVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return (From is null || version.EffectiveEnd >= From) && (To is null || version.EffectiveFrom <= To);
    }
}

/// <summary>The signed-in account as checked on this request (see <see cref="AccountGate"/>).</summary>
/// <param name="UserId">Account ID.</param>
/// <param name="Email">E-mail (also the name controls use as owner).</param>
/// <param name="Role">One of <see cref="Roles.All"/>.</param>
/// <param name="Scope">The engagement scope of an auditor; null for every other role.</param>
public sealed record Account(string UserId, string Email, string Role, AuditorScope? Scope)
{
    /// <summary>Trellis itself (start-up work such as loading the demo into an empty database), with every right.</summary>
    public static Account System { get; } = new("system", "system", Roles.Admin, null);

    /// <summary>
    /// The person at the command line: <c>cli:&lt;operating-system user&gt;</c> with every right (whoever can open the
    /// database file or connection string can change it anyway); the name is what the audit trail shows.
    /// </summary>
    public static Account Operator(string userName) => new("cli", "cli:" + userName, Roles.Admin, null);

    /// <summary>True when the account may change everything in the program.</summary>
    public bool ManagesProgram => Role is Roles.Admin or Roles.ComplianceManager;

    /// <summary>True when the account sees the framework.</summary>
    public bool SeesFramework(string framework) => Scope is null || Scope.SeesFramework(framework);

    /// <summary>
    /// True when the control is mapped to a framework the account sees (everyone but an auditor sees every control).
    /// An auditor's whole view, which adds the controls a judgement of its frameworks relies on, is
    /// <c>ProgramService.ViewAsync</c>.
    /// </summary>
    public bool SeesControl(Control control)
    {
        ArgumentNullException.ThrowIfNull(control);
        return Scope is null || control.Mappings.Any(m => Scope.SeesFramework(m.Requirement.Framework));
    }

    /// <summary>True when the account may edit the control: managers always, a control owner when it owns it.</summary>
    public bool EditsControl(Control control)
    {
        ArgumentNullException.ThrowIfNull(control);
        return ManagesProgram || (Role == Roles.ControlOwner && string.Equals(control.Owner, Email, StringComparison.OrdinalIgnoreCase));
    }
}
