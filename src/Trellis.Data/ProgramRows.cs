using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Risks;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>The rows of a whole program, and the conversions between Core records and rows.</summary>
internal sealed class ProgramRows
{
    public ProgramSettingsRow Settings { get; init; } = new();

    public List<ControlRow> Controls { get; } = [];

    public List<ControlMappingRow> Mappings { get; } = [];

    public List<EvidenceRow> Evidence { get; } = [];

    public List<EvidenceVersionRow> Versions { get; } = [];

    public List<EvidenceControlRow> EvidenceControls { get; } = [];

    public List<RiskRow> Risks { get; } = [];

    public List<RiskControlRow> RiskControls { get; } = [];

    public List<RiskActionRow> Actions { get; } = [];

    public List<RiskActionControlRow> ActionControls { get; } = [];

    public List<SoaDecisionRow> Soa { get; } = [];

    public List<JudgementRow> Judgements { get; } = [];

    /// <summary>The task notes.</summary>
    public List<ControlTaskNoteRow> TaskNotes { get; } = [];

    public static ProgramRows From(ComplianceProgram program)
    {
        var rows = new ProgramRows { Settings = SettingsRow(program) };
        for (var i = 0; i < program.Controls.Count; i++)
        {
            rows.Controls.Add(ControlRow(program.Controls[i], i));
            rows.Mappings.AddRange(MappingRows(program.Controls[i]));
        }

        for (var i = 0; i < program.Evidence.Count; i++)
        {
            var e = program.Evidence[i];
            rows.Evidence.Add(new EvidenceRow { Id = e.Id, Ordinal = i, Title = e.Title, Source = e.Source });
            rows.Versions.AddRange(e.Versions.Select(v => VersionRow(e.Id, v)));
            rows.EvidenceControls.AddRange(EvidenceControlRows(e));
        }

        for (var i = 0; i < program.Risks.Count; i++)
        {
            var r = program.Risks[i];
            rows.Risks.Add(RiskRow(r, i));
            rows.RiskControls.AddRange(RiskControlRows(r));
            rows.Actions.AddRange(RiskActionRows(r));
            rows.ActionControls.AddRange(RiskActionControlRows(r));
        }

        for (var i = 0; i < program.Soa.Count; i++)
        {
            rows.Soa.Add(SoaRow(program.Soa[i], i));
        }

        for (var i = 0; i < program.Judgements.Count; i++)
        {
            rows.Judgements.Add(JudgementRow(program.Judgements[i], i));
        }

        rows.TaskNotes.AddRange(program.TaskNotes.Select(n => new ControlTaskNoteRow
        {
            ControlId = n.ControlId,
            PeriodStart = n.PeriodStart,
            Assignee = n.Assignee,
            SnoozedUntil = n.SnoozedUntil,
            SnoozeReason = n.SnoozeReason,
            DidNotOccurReason = n.DidNotOccurReason,
        }));
        return rows;
    }

    public static ProgramSettingsRow SettingsRow(ComplianceProgram p) => new()
    {
        Id = ProgramSettingsRow.SingletonId,
        Organization = p.Organization,
        ScopeJson = DataJson.Write(p.Scope),
        RiskMatrixJson = DataJson.Write(p.RiskMatrix),
        SoaVersion = p.SoaApproval?.Version,
        SoaApprovedBy = p.SoaApproval?.ApprovedBy,
        SoaApprovedOn = p.SoaApproval?.ApprovedOn,
    };

    public static ControlRow ControlRow(Control c, int ordinal) => new()
    {
        Id = c.Id,
        Ordinal = ordinal,
        Title = c.Title,
        Description = c.Description,
        Owner = c.Owner,
        Cadence = c.Cadence,
        Status = c.Status,
    };

    public static IEnumerable<ControlMappingRow> MappingRows(Control c) => c.Mappings.Select((m, j) => new ControlMappingRow
    {
        ControlId = c.Id,
        Ordinal = j,
        Framework = m.Requirement.Framework,
        Requirement = m.Requirement.Requirement,
        Relationship = m.Relationship,
    });

    public static EvidenceVersionRow VersionRow(string evidenceId, EvidenceVersion v) => new()
    {
        EvidenceId = evidenceId,
        Number = v.Number,
        Sha256 = v.Sha256,
        FileName = v.FileName,
        Size = v.Size,
        MediaType = v.MediaType,
        Url = v.Url,
        CollectedAtUtcTicks = v.CollectedAt.UtcTicks,
        EffectiveFrom = v.EffectiveFrom,
        EffectiveTo = v.EffectiveTo,
    };

    public static IEnumerable<EvidenceControlRow> EvidenceControlRows(EvidenceItem e) =>
        e.ControlIds.Select((c, j) => new EvidenceControlRow { EvidenceId = e.Id, Ordinal = j, ControlId = c });

    public static RiskRow RiskRow(Risk r, int ordinal) => new()
    {
        Id = r.Id,
        Ordinal = ordinal,
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
        RequirementIdsJson = DataJson.Write(r.RequirementIds),
        AcceptanceApprover = r.Acceptance?.Approver,
        AcceptedOn = r.Acceptance?.AcceptedOn,
        AcceptanceExpires = r.Acceptance?.Expires,
    };

    public static IEnumerable<RiskControlRow> RiskControlRows(Risk r) =>
        r.ControlIds.Select((c, j) => new RiskControlRow { RiskId = r.Id, Ordinal = j, ControlId = c });

    public static IEnumerable<RiskActionRow> RiskActionRows(Risk r) =>
        r.Plan.Select((a, j) => new RiskActionRow { RiskId = r.Id, Ordinal = j, Description = a.Description, Due = a.Due, Done = a.Done });

    public static IEnumerable<RiskActionControlRow> RiskActionControlRows(Risk r) =>
        r.Plan.SelectMany((a, j) => a.ControlIds.Select((c, k) => new RiskActionControlRow { RiskId = r.Id, ActionOrdinal = j, Ordinal = k, ControlId = c }));

    public static SoaDecisionRow SoaRow(SoaDecision d, int ordinal) => new()
    {
        Control = d.Control,
        Ordinal = ordinal,
        Applicable = d.Applicable,
        Justification = d.Justification,
        ReasonsJson = DataJson.Write(d.Reasons.Select(r => r.ToWire())),
        DeclaredStatus = d.DeclaredStatus,
    };

    public static JudgementRow JudgementRow(Judgement j, int ordinal) => new()
    {
        Framework = j.Requirement.Framework,
        Requirement = j.Requirement.Requirement,
        Ordinal = ordinal,
        Kind = j.Kind,
        ControlsJson = DataJson.Write(j.Controls),
        EvidenceJson = DataJson.Write(j.Evidence),
        JudgedBy = j.By,
        JudgedAtUtcTicks = j.At.UtcTicks,
        Rationale = j.Rationale,
    };
}
