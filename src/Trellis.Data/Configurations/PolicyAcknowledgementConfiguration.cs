using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class PolicyAcknowledgementConfiguration : IEntityTypeConfiguration<PolicyAcknowledgementRow>
{
    public void Configure(EntityTypeBuilder<PolicyAcknowledgementRow> b)
    {
        b.ToTable("policy_acknowledgements");
        b.HasKey(x => new { x.PolicyId, x.VersionNumber, x.Person });
        b.Property(x => x.PolicyId).HasMaxLength(64);
        b.Property(x => x.Person).HasMaxLength(320);
        b.HasOne<PolicyVersionRow>().WithMany().HasForeignKey(x => new { x.PolicyId, x.VersionNumber }).OnDelete(DeleteBehavior.Cascade);
    }
}
