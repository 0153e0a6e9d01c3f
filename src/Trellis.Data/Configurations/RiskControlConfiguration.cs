using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class RiskControlConfiguration : IEntityTypeConfiguration<RiskControlRow>
{
    public void Configure(EntityTypeBuilder<RiskControlRow> b)
    {
        b.ToTable("risk_controls");
        b.HasKey(x => new { x.RiskId, x.Ordinal });
        b.HasOne<RiskRow>().WithMany().HasForeignKey(x => x.RiskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ControlRow>().WithMany().HasForeignKey(x => x.ControlId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ControlId);
    }
}
