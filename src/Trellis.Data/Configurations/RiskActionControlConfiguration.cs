using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class RiskActionControlConfiguration : IEntityTypeConfiguration<RiskActionControlRow>
{
    public void Configure(EntityTypeBuilder<RiskActionControlRow> b)
    {
        b.ToTable("risk_action_controls");
        b.HasKey(x => new { x.RiskId, x.ActionOrdinal, x.Ordinal });
        b.HasOne<RiskActionRow>().WithMany().HasForeignKey(x => new { x.RiskId, x.ActionOrdinal }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ControlRow>().WithMany().HasForeignKey(x => x.ControlId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ControlId);
    }
}
