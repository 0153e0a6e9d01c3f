using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Core.Crosswalk;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class ControlMappingConfiguration : IEntityTypeConfiguration<ControlMappingRow>
{
    public void Configure(EntityTypeBuilder<ControlMappingRow> b)
    {
        b.ToTable("control_mappings");
        b.HasKey(x => new { x.ControlId, x.Ordinal });
        b.Property(x => x.Framework).IsRequired().HasMaxLength(100);
        b.Property(x => x.Requirement).IsRequired().HasMaxLength(100);
        b.Property(x => x.Relationship).HasConversion(v => v.ToWire(), s => StoredNames.Parse<Relationship>(s)).HasMaxLength(20);
        b.HasOne<ControlRow>().WithMany().HasForeignKey(x => x.ControlId).OnDelete(DeleteBehavior.Cascade);

        // Readiness asks "which controls map to this requirement".
        b.HasIndex(x => new { x.Framework, x.Requirement });
    }
}
