using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trellis.Web.Storage.Configurations;

internal sealed class TrellisUserConfiguration : IEntityTypeConfiguration<TrellisUser>
{
    public void Configure(EntityTypeBuilder<TrellisUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        b.Property(u => u.Role).HasMaxLength(40).IsRequired();
        b.Property(u => u.EngagementId).HasMaxLength(100);
        b.Property(u => u.ScopeFrameworks).HasMaxLength(400).IsRequired();
    }
}
