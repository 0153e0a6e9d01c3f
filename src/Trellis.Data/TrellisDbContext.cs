using Microsoft.EntityFrameworkCore;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>
/// The Trellis database: one compliance program plus evidence file contents and imported frameworks.
/// Table and column names are snake_case on every provider so that hand-written SQL reads the same on
/// SQLite and PostgreSQL. Mapping lives in one configuration class per row type (Configurations/).
/// </summary>
/// <param name="options">Provider and connection; build them with <see cref="TrellisDatabase"/>.</param>
public class TrellisDbContext(DbContextOptions<TrellisDbContext> options) : DbContext(options)
{
    /// <summary>The single settings row.</summary>
    public DbSet<ProgramSettingsRow> ProgramSettings => Set<ProgramSettingsRow>();

    /// <summary>Controls.</summary>
    public DbSet<ControlRow> Controls => Set<ControlRow>();

    /// <summary>Control-to-requirement mappings.</summary>
    public DbSet<ControlMappingRow> ControlMappings => Set<ControlMappingRow>();

    /// <summary>Evidence items.</summary>
    public DbSet<EvidenceRow> Evidence => Set<EvidenceRow>();

    /// <summary>Evidence versions.</summary>
    public DbSet<EvidenceVersionRow> EvidenceVersions => Set<EvidenceVersionRow>();

    /// <summary>Evidence-to-control links.</summary>
    public DbSet<EvidenceControlRow> EvidenceControls => Set<EvidenceControlRow>();

    /// <summary>Evidence file contents by SHA-256.</summary>
    public DbSet<BlobRow> Blobs => Set<BlobRow>();

    /// <summary>Risks.</summary>
    public DbSet<RiskRow> Risks => Set<RiskRow>();

    /// <summary>Risk-to-control links.</summary>
    public DbSet<RiskControlRow> RiskControls => Set<RiskControlRow>();

    /// <summary>Treatment plan actions.</summary>
    public DbSet<RiskActionRow> RiskActions => Set<RiskActionRow>();

    /// <summary>Treatment-action-to-control links.</summary>
    public DbSet<RiskActionControlRow> RiskActionControls => Set<RiskActionControlRow>();

    /// <summary>SoA decisions.</summary>
    public DbSet<SoaDecisionRow> SoaDecisions => Set<SoaDecisionRow>();

    /// <summary>Judgements of sufficiency and relevance, one per requirement judged.</summary>
    public DbSet<JudgementRow> Judgements => Set<JudgementRow>();

    /// <summary>Imported framework documents.</summary>
    public DbSet<ImportedFrameworkRow> ImportedFrameworks => Set<ImportedFrameworkRow>();

    /// <summary>Imported mappings, one row per pair of frameworks.</summary>
    public DbSet<ImportedMappingRow> ImportedMappings => Set<ImportedMappingRow>();

    /// <summary>Engagements and findings, as JSON documents.</summary>
    public DbSet<AuditDocumentRow> AuditDocuments => Set<AuditDocumentRow>();

    /// <summary>Readiness counts per framework and day (at most one row each).</summary>
    public DbSet<ReadinessSnapshotRow> ReadinessSnapshots => Set<ReadinessSnapshotRow>();

    /// <summary>Notes on occurrences of recurring control work.</summary>
    public DbSet<ControlTaskNoteRow> ControlTaskNotes => Set<ControlTaskNoteRow>();

    /// <summary>Policies.</summary>
    public DbSet<PolicyRow> Policies => Set<PolicyRow>();

    /// <summary>Policy versions.</summary>
    public DbSet<PolicyVersionRow> PolicyVersions => Set<PolicyVersionRow>();

    /// <summary>Approvals of policy versions.</summary>
    public DbSet<PolicyApprovalRow> PolicyApprovals => Set<PolicyApprovalRow>();

    /// <summary>Acknowledgements of policy versions.</summary>
    public DbSet<PolicyAcknowledgementRow> PolicyAcknowledgements => Set<PolicyAcknowledgementRow>();
    /// <summary>The staff and vendor registers, as JSON documents.</summary>
    public DbSet<RegisterEntryRow> RegisterEntries => Set<RegisterEntryRow>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TrellisDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
