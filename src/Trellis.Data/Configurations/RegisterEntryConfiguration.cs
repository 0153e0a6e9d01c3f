using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class RegisterEntryConfiguration : IEntityTypeConfiguration<RegisterEntryRow>
{
    public void Configure(EntityTypeBuilder<RegisterEntryRow> b)
    {
        b.ToTable("register_entries");
        b.HasKey(x => new { x.Kind, x.Id });
        b.HasIndex(x => new { x.Kind, x.Key }).IsUnique();
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Id).HasMaxLength(64);
        b.Property(x => x.Key).HasMaxLength(320);
        b.Property(x => x.Document).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
