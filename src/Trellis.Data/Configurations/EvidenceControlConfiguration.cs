using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class EvidenceControlConfiguration : IEntityTypeConfiguration<EvidenceControlRow>
{
    public void Configure(EntityTypeBuilder<EvidenceControlRow> b)
    {
        b.ToTable("evidence_controls");
        b.HasKey(x => new { x.EvidenceId, x.Ordinal });
        b.HasOne<EvidenceRow>().WithMany().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ControlRow>().WithMany().HasForeignKey(x => x.ControlId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ControlId);
    }
}
