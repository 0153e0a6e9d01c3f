using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class RiskActionConfiguration : IEntityTypeConfiguration<RiskActionRow>
{
    public void Configure(EntityTypeBuilder<RiskActionRow> b)
    {
        b.ToTable("risk_actions");
        b.HasKey(x => new { x.RiskId, x.Ordinal });
        b.Property(x => x.Description).IsRequired();
        b.HasOne<RiskRow>().WithMany().HasForeignKey(x => x.RiskId).OnDelete(DeleteBehavior.Cascade);
    }
}
