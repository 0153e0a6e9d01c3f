using Trellis.Core.Evidence;
using Trellis.Core.Risks;

namespace Trellis.Core.Program;

/// <summary>
/// The whole compliance program of one organization: scope, controls, evidence, risks and SoA decisions.
/// One set of controls and one body of evidence serve ISO/IEC 27001 and SOC 2 at once. Immutable snapshot.
/// </summary>
public sealed record ComplianceProgram
{
    /// <summary>Organization name.</summary>
    public string Organization { get; init; } = "";

    /// <summary>ISMS scope and SOC 2 system description.</summary>
    public ProgramScope Scope { get; init; } = new();

    /// <summary>The organization's controls.</summary>
    public IReadOnlyList<Control> Controls { get; init; } = [];

    /// <summary>Evidence items.</summary>
    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];

    /// <summary>Risk register.</summary>
    public IReadOnlyList<Risk> Risks { get; init; } = [];

    /// <summary>The risk matrix. The default is 5 × 5.</summary>
    public RiskMatrix RiskMatrix { get; init; } = RiskMatrix.Default;

    /// <summary>SoA decisions, one per Annex A control that has one.</summary>
    public IReadOnlyList<SoaDecision> Soa { get; init; } = [];

    /// <summary>SoA version label and approval (e.g. "v3", approver, date).</summary>
    public SoaApproval? SoaApproval { get; init; }

    /// <summary>
    /// Judgements of sufficiency and relevance (docs/crosswalk-rules.md, rule 8), at most one per requirement or point
    /// of focus; readiness counts a sufficiency judgement as covered only while it holds.
    /// </summary>
    public IReadOnlyList<Judgement> Judgements { get; init; } = [];

    /// <summary>
    /// What people decided about single occurrences of the controls' recurring work (reassigned, snoozed, did not
    /// occur), at most one per control and period; ordered by control, then period.
    /// </summary>
    public IReadOnlyList<Operations.ControlTaskNote> TaskNotes { get; init; } = [];
}

/// <summary>Version and approval block of the Statement of Applicability.</summary>
/// <param name="Version">Version label.</param>
/// <param name="ApprovedBy">Approver.</param>
/// <param name="ApprovedOn">Approval date.</param>
public sealed record SoaApproval(string Version, string ApprovedBy, DateOnly ApprovedOn);
