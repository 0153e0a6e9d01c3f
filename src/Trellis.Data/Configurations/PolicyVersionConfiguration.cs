using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersionRow>
{
    public void Configure(EntityTypeBuilder<PolicyVersionRow> b)
    {
        b.ToTable("policy_versions");
        b.HasKey(x => new { x.PolicyId, x.Number });
        b.Property(x => x.PolicyId).HasMaxLength(64);
        b.Property(x => x.Body).IsRequired();
        b.Property(x => x.Author).HasMaxLength(320).IsRequired();
        b.Property(x => x.Status).HasMaxLength(20).IsRequired();
        b.Property(x => x.ApproversJson).IsRequired();
        b.HasOne<PolicyRow>().WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Cascade);
    }
}
