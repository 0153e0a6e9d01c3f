using Microsoft.AspNetCore.Authorization;
using Trellis.Application.Actors;

namespace Trellis.Web.Auth;

/// <summary>
/// Authorization, decided here and only here: one policy per area and kind of access. Every endpoint names
/// one of these (or is explicitly anonymous); a test checks every endpoint against every role. Resource rules
/// that depend on the data (a control owner's own controls, an auditor's engagement scope) are in
/// <see cref="ResourceAccess"/>.
/// </summary>
public static class Policies
{
    /// <summary>Framework catalogs, crosswalk and coverage: any signed-in account (auditors see their frameworks).</summary>
    public const string CatalogRead = "catalog.read";

    /// <summary>The program (controls, evidence, risks, SoA, readiness, engagements): any signed-in account, auditors scoped.</summary>
    public const string ProgramRead = "program.read";

    /// <summary>Internal planning views (the calendar): every role but auditor.</summary>
    public const string InternalRead = "internal.read";

    /// <summary>Create and edit controls: admin, compliance manager, and control owners for their own controls.</summary>
    public const string ControlsWrite = "controls.write";

    /// <summary>Upload evidence: admin, compliance manager, and control owners for their own controls.</summary>
    public const string EvidenceWrite = "evidence.write";

    /// <summary>Edit risks: admin and compliance manager.</summary>
    public const string RisksWrite = "risks.write";

    /// <summary>Edit SoA decisions: admin and compliance manager.</summary>
    public const string SoaWrite = "soa.write";

    /// <summary>Record and withdraw judgements of sufficiency and relevance: admin and compliance manager.</summary>
    public const string JudgementsWrite = "judgements.write";

    /// <summary>Create and edit engagements: admin and compliance manager.</summary>
    public const string EngagementsWrite = "engagements.write";

    /// <summary>Raise requests, accept and flag their answers (issue 16): the auditor, admin and compliance manager.</summary>
    public const string RequestsReview = "requests.review";

    /// <summary>Comment on requests: every role but viewer.</summary>
    public const string RequestsComment = "requests.comment";

    /// <summary>Change the program's settings (the frameworks it pursues): admin and compliance manager.</summary>
    public const string ProgramSettingsWrite = "program-settings.write";

    /// <summary>Read the audit trail: admin and compliance manager.</summary>
    public const string AuditTrailRead = "audit-trail.read";
    /// <summary>Write policies (adopt, create, edit drafts, submit, publish): admin and compliance manager.</summary>
    public const string PoliciesWrite = "policies.write";
    /// <summary>Approve (as a named approver) and acknowledge policies: every role but auditor.</summary>
    public const string PoliciesSign = "policies.sign";

    /// <summary>Manage accounts: admin.</summary>
    public const string UsersManage = "users.manage";

    /// <summary>Own API tokens: any signed-in account.</summary>
    public const string TokensOwn = "tokens.own";

    /// <summary>Which roles each policy admits.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> RolesOf { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [CatalogRead] = Roles.All,
        [ProgramRead] = Roles.All,
        [InternalRead] = [Roles.Admin, Roles.ComplianceManager, Roles.ControlOwner, Roles.Viewer],
        [ControlsWrite] = [Roles.Admin, Roles.ComplianceManager, Roles.ControlOwner],
        [EvidenceWrite] = [Roles.Admin, Roles.ComplianceManager, Roles.ControlOwner],
        [RisksWrite] = [Roles.Admin, Roles.ComplianceManager],
        [SoaWrite] = [Roles.Admin, Roles.ComplianceManager],
        [JudgementsWrite] = [Roles.Admin, Roles.ComplianceManager],
        [EngagementsWrite] = [Roles.Admin, Roles.ComplianceManager],
        [ProgramSettingsWrite] = [Roles.Admin, Roles.ComplianceManager],
        [RequestsReview] = [Roles.Admin, Roles.ComplianceManager, Roles.Auditor],
        [RequestsComment] = [Roles.Admin, Roles.ComplianceManager, Roles.ControlOwner, Roles.Auditor],
        [AuditTrailRead] = [Roles.Admin, Roles.ComplianceManager],
        [PoliciesWrite] = [Roles.Admin, Roles.ComplianceManager],
        [PoliciesSign] = [Roles.Admin, Roles.ComplianceManager, Roles.ControlOwner, Roles.Viewer],
        [UsersManage] = [Roles.Admin],
        [TokensOwn] = Roles.All,
    };

    /// <summary>Registers every policy; the fallback policy requires an authenticated account.</summary>
    public static void Configure(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        foreach (var (name, roles) in RolesOf)
        {
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }
    }
}
