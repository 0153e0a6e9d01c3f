using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class PolicyConfiguration : IEntityTypeConfiguration<PolicyRow>
{
    public void Configure(EntityTypeBuilder<PolicyRow> b)
    {
        b.ToTable("policies");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(64);
        b.Property(x => x.Title).HasMaxLength(500).IsRequired();
        b.Property(x => x.Owner).HasMaxLength(320).IsRequired();
        b.Property(x => x.ReviewCadence).HasMaxLength(20).IsRequired();
        b.Property(x => x.RequirementsJson).IsRequired();
        b.Property(x => x.ControlsJson).IsRequired();
        b.Property(x => x.Template).HasMaxLength(64);
        b.Property(x => x.EvidenceId).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Ordinal);
    }
}
