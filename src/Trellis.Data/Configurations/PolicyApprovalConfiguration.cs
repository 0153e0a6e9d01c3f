using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class PolicyApprovalConfiguration : IEntityTypeConfiguration<PolicyApprovalRow>
{
    public void Configure(EntityTypeBuilder<PolicyApprovalRow> b)
    {
        b.ToTable("policy_approvals");
        b.HasKey(x => new { x.PolicyId, x.VersionNumber, x.Approver });
        b.Property(x => x.PolicyId).HasMaxLength(64);
        b.Property(x => x.Approver).HasMaxLength(320);
        b.HasOne<PolicyVersionRow>().WithMany().HasForeignKey(x => new { x.PolicyId, x.VersionNumber }).OnDelete(DeleteBehavior.Cascade);
    }
}
