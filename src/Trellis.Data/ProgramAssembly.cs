using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Risks;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>Builds Core records back from rows (each child list already sorted by ordinal or number).</summary>
internal static class ProgramAssembly
{
    public static ComplianceProgram Program(
        ProgramSettingsRow settings,
        IReadOnlyList<Control> controls,
        IReadOnlyList<EvidenceItem> evidence,
        IReadOnlyList<Risk> risks,
        IReadOnlyList<SoaDecision> soa,
        IReadOnlyList<Judgement> judgements) => new()
        {
            Organization = settings.Organization,
            Scope = DataJson.Read<ProgramScope>(settings.ScopeJson),
            RiskMatrix = DataJson.Read<RiskMatrix>(settings.RiskMatrixJson),
            SoaApproval = settings.SoaApprovedOn is { } on ? new SoaApproval(settings.SoaVersion ?? "", settings.SoaApprovedBy ?? "", on) : null,
            Controls = controls,
            Evidence = evidence,
            Risks = risks,
            Soa = soa,
            Judgements = judgements,
        };

    public static Control Control(ControlRow c, IEnumerable<ControlMappingRow> mappings) => new()
    {
        Id = c.Id,
        Title = c.Title,
        Description = c.Description,
        Owner = c.Owner,
        Cadence = c.Cadence,
        Status = c.Status,
        Mappings = [.. mappings.Select(m => new ControlMapping(new RequirementRef(m.Framework, m.Requirement), m.Relationship))],
    };

    public static EvidenceItem Evidence(EvidenceRow e, IEnumerable<EvidenceVersionRow> versions, IEnumerable<EvidenceControlRow> controls) => new()
    {
        Id = e.Id,
        Title = e.Title,
        Source = e.Source,
        ControlIds = [.. controls.Select(c => c.ControlId)],
        Versions = [.. versions.Select(Version)],
    };

    public static EvidenceVersion Version(EvidenceVersionRow v) => new()
    {
        Number = v.Number,
        Sha256 = v.Sha256,
        FileName = v.FileName,
        Size = v.Size,
        MediaType = v.MediaType,
        Url = v.Url,
        CollectedAt = new DateTimeOffset(v.CollectedAtUtcTicks, TimeSpan.Zero),
        EffectiveFrom = v.EffectiveFrom,
        EffectiveTo = v.EffectiveTo,
    };

    public static Risk Risk(RiskRow r, IEnumerable<RiskControlRow> controls, IEnumerable<TreatmentAction> plan) => new()
    {
        Id = r.Id,
        Title = r.Title,
        Asset = r.Asset,
        Threat = r.Threat,
        Vulnerability = r.Vulnerability,
        Owner = r.Owner,
        InherentLikelihood = r.InherentLikelihood,
        InherentImpact = r.InherentImpact,
        ResidualLikelihood = r.ResidualLikelihood,
        ResidualImpact = r.ResidualImpact,
        Treatment = r.Treatment,
        ControlIds = [.. controls.Select(c => c.ControlId)],
        RequirementIds = DataJson.Read<List<string>>(r.RequirementIdsJson),
        Plan = [.. plan],
        Acceptance = r.AcceptedOn is { } on ? new RiskAcceptance(r.AcceptanceApprover ?? "", on, r.AcceptanceExpires) : null,
    };

    public static TreatmentAction Action(RiskActionRow a, IEnumerable<RiskActionControlRow> controls) =>
        new(a.Description, [.. controls.Select(c => c.ControlId)], a.Due, a.Done);

    public static SoaDecision Soa(SoaDecisionRow d) => new()
    {
        Control = d.Control,
        Applicable = d.Applicable,
        Justification = d.Justification,
        Reasons = [.. DataJson.Read<List<string>>(d.ReasonsJson).Select(StoredNames.Parse<InclusionReason>)],
        DeclaredStatus = d.DeclaredStatus,
    };

    public static Judgement Judgement(JudgementRow j) => new()
    {
        Requirement = new RequirementRef(j.Framework, j.Requirement),
        Kind = j.Kind,
        Controls = DataJson.Read<List<JudgedControl>>(j.ControlsJson),
        Evidence = DataJson.Read<List<JudgedEvidence>>(j.EvidenceJson),
        By = j.JudgedBy,
        At = new DateTimeOffset(j.JudgedAtUtcTicks, TimeSpan.Zero),
        Rationale = j.Rationale,
    };
}
